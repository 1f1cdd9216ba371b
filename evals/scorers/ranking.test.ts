import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc, ndcgAtK, recallAtK } from './ranking.js';

describe('recallAtK', () => {
  it('counts relevant items in the first k', () => {
    expect(recallAtK(['a', 'b', 'c'], new Set(['c', 'z']), 3)).toBe(0.5);
    expect(recallAtK(['a', 'b', 'c'], new Set(['c']), 2)).toBe(0);
    expect(recallAtK([], new Set(), 10)).toBe(0);
  });
});

describe('ndcgAtK', () => {
  it('is 1 for a perfect ranking and discounts by log rank', () => {
    expect(ndcgAtK(['x', 'a'], new Set(['x']), 10)).toBe(1);
    expect(ndcgAtK(['a', 'x'], new Set(['x']), 10)).toBeCloseTo(1 / Math.log2(3), 12);
    expect(ndcgAtK(['a', 'x'], new Set(['x']), 1)).toBe(0);
    expect(ndcgAtK(['x', 'a', 'y'], new Set(['x', 'y']), 3)).toBeCloseTo(
      (1 + 0.5) / (1 + 1 / Math.log2(3)),
      12,
    );
  });
});

describe('auc', () => {
  it('matches hand-computed cases, ties counting a half', () => {
    expect(auc([0.9, 0.1, 0.5], [true, false, false])).toBe(1);
    expect(auc([0.1, 0.9], [true, false])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [true, false, true, false])).toBe(0.5);
    expect(auc([0.8, 0.4, 0.4, 0.1], [true, true, false, false])).toBe(0.875);
    expect(auc([1, 2], [true, true])).toBeNaN();
  });
  it('equals the pairwise definition (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 30 }),
        (pairs) => {
          const pos = pairs.filter((p) => p[1]).map((p) => p[0]);
          const neg = pairs.filter((p) => !p[1]).map((p) => p[0]);
          if (pos.length === 0 || neg.length === 0) return;
          let wins = 0;
          for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
          const expected = wins / (pos.length * neg.length);
          expect(
            auc(
              pairs.map((p) => p[0]),
              pairs.map((p) => p[1]),
            ),
          ).toBeCloseTo(expected, 12);
        },
      ),
    );
  });
});
