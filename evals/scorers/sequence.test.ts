import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, exactMatch, normalizedEditDistance, prefixMatch } from './sequence.js';

const P = 'pull-up-account';
const V = 'validate-purchase';

describe('sequence metrics', () => {
  it('exact match needs the same steps in the same order', () => {
    expect(exactMatch([P, V], [P, V])).toBe(1);
    expect(exactMatch([V, P], [P, V])).toBe(0);
    expect(exactMatch([P], [P, V])).toBe(0);
    expect(exactMatch([], [])).toBe(1);
  });

  it('prefix match is the share of the gold matched from its start', () => {
    expect(prefixMatch([P, V, 'record-reason'], [P, V, 'enter-details', 'notify-team'])).toBe(0.5);
    expect(prefixMatch([P, V, 'notify-team', 'update-order'], [P, V])).toBe(1);
    expect(prefixMatch(['search-faq'], [P, V])).toBe(0);
    expect(prefixMatch([], [P])).toBe(0);
    expect(prefixMatch([], [])).toBe(1);
    expect(prefixMatch([P], [])).toBe(0);
  });

  it('edit distance counts insertions, deletions and substitutions', () => {
    expect(editDistance(['a', 'b', 'c'], ['a', 'c'])).toBe(1);
    expect(editDistance(['k', 'i', 't', 't', 'e', 'n'], ['s', 'i', 't', 't', 'i', 'n', 'g'])).toBe(3);
    expect(editDistance([], ['a', 'b'])).toBe(2);
    expect(
      normalizedEditDistance(
        [P, V, 'record-reason', 'enter-details', 'offer-refund'],
        [P, V, 'enter-details', 'notify-team'],
      ),
    ).toBe(2 / 5);
    expect(normalizedEditDistance(['x', 'y'], ['a', 'b'])).toBe(1);
    expect(normalizedEditDistance([], [])).toBe(0);
  });

  it('edit distance is a metric bounded by the longer length (property)', () => {
    const seq = fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 8 });
    fc.assert(
      fc.property(seq, seq, seq, (a, b, c) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(exactMatch(a, b) === 1);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(editDistance(a, c)).toBeLessThanOrEqual(d + editDistance(b, c));
        const n = normalizedEditDistance(a, b);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(1);
      }),
    );
  });
});
