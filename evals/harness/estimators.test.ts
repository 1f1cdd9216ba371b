import { describe, expect, it } from 'vitest';
import { passAtK, passCurves, passHatK } from './estimators.js';

/** Brute force: the share of k-subsets of the trials that all pass / that contain a pass. */
function enumerate(n: number, c: number, k: number): { all: number; any: number } {
  const outcomes = Array.from({ length: n }, (_, i) => i < c);
  let all = 0;
  let any = 0;
  let total = 0;
  const pick = (start: number, chosen: boolean[]): void => {
    if (chosen.length === k) {
      total++;
      if (chosen.every(Boolean)) all++;
      if (chosen.some(Boolean)) any++;
      return;
    }
    for (let i = start; i < n; i++) pick(i + 1, [...chosen, outcomes[i]!]);
  };
  pick(0, []);
  return { all: all / total, any: any / total };
}

describe('pass^k and pass@k', () => {
  it('equal the brute-force shares of k-subsets of trials', () => {
    for (let n = 1; n <= 6; n++)
      for (let c = 0; c <= n; c++)
        for (let k = 1; k <= n; k++) {
          const brute = enumerate(n, c, k);
          expect(passHatK(n, c, k)).toBeCloseTo(brute.all, 12);
          expect(passAtK(n, c, k)).toBeCloseTo(brute.any, 12);
        }
  });
  it('reduce to the success rate at k = 1', () => {
    expect(passHatK(5, 2, 1)).toBeCloseTo(0.4, 12);
    expect(passAtK(5, 2, 1)).toBeCloseTo(0.4, 12);
  });
  it('refuse impossible counts', () => {
    expect(() => passHatK(3, 4, 1)).toThrow(RangeError);
    expect(() => passAtK(3, 1, 4)).toThrow(RangeError);
  });
  it('average over tasks up to the smallest trial count', () => {
    const curves = passCurves([
      { n: 3, c: 3 },
      { n: 3, c: 1 },
    ]);
    expect(Object.keys(curves.passHatK)).toEqual(['1', '2', '3']);
    expect(curves.passHatK['1']).toBeCloseTo(2 / 3, 12);
    expect(curves.passHatK['3']).toBeCloseTo(0.5, 12);
    expect(curves.passAtK['3']).toBeCloseTo(1, 12);
  });
});
