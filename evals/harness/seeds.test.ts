import { describe, expect, it } from 'vitest';
import { deriveSeed, hashShare, seededRandom } from './seeds.js';

describe('deriveSeed', () => {
  it('is a pure function of the seed and the path', () => {
    expect(deriveSeed('42', 'suite', 'task', 1)).toBe(deriveSeed(42, 'suite', 'task', '1'));
    expect(deriveSeed('42', 'suite', 'task', 1)).not.toBe(deriveSeed('42', 'suite', 'task', 2));
    expect(deriveSeed('42', 'suite', 'task')).not.toBe(deriveSeed('43', 'suite', 'task'));
  });
  it('returns unsigned 32-bit integers', () => {
    const s = deriveSeed('x');
    expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('hashShare', () => {
  it('splits keys about evenly', () => {
    const shares = Array.from({ length: 2000 }, (_, i) => hashShare(`k${i}`));
    const low = shares.filter((s) => s < 0.2).length / shares.length;
    expect(low).toBeGreaterThan(0.17);
    expect(low).toBeLessThan(0.23);
  });
});
