import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyOrder, hindsightOptimum } from './hindsight.js';
import { auctionNetScore } from './score.js';

/** Best score over every subset: the exact whole-item optimum, for tiny instances. */
function bruteForce(costs: number[], values: number[], budget: number, targetCpa: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << costs.length; mask++) {
    let s = 0;
    let v = 0;
    for (let i = 0; i < costs.length; i++) {
      if (mask & (1 << i)) {
        s += costs[i] ?? 0;
        v += values[i] ?? 0;
      }
    }
    if (s <= budget) best = Math.max(best, auctionNetScore({ conversions: v, spend: s, targetCpa }));
  }
  return best;
}

describe('hindsightOptimum', () => {
  it('takes the cheapest conversions first', () => {
    const r = hindsightOptimum({ costs: [1, 2, 10], values: [0.1, 0.1, 0.1], budget: 3, targetCpa: 20 });
    expect(r.score).toBeCloseTo(0.2, 12);
    expect(r.integralScore).toBeCloseTo(0.2, 12);
    expect(r.selected).toBe(2);
    expect(r.spend).toBeCloseTo(3, 12);
  });

  it('buys a fraction of the last item up to the budget', () => {
    const r = hindsightOptimum({ costs: [1, 4], values: [0.1, 0.1], budget: 3, targetCpa: 100 });
    expect(r.spend).toBeCloseTo(3, 12);
    expect(r.conversions).toBeCloseTo(0.15, 12);
    expect(r.integralConversions).toBeCloseTo(0.1, 12);
  });

  it('goes past the target CPA when the score still grows (marginal CPA < 1.5 × average)', () => {
    // Two conversions at CPA 10, then expensive ones at CPA 14: past target 10, still worth it.
    const costs = [10, 10, 14, 14, 14, 14];
    const values = [1, 1, 1, 1, 1, 1];
    const r = hindsightOptimum({ costs, values, budget: 1000, targetCpa: 10 });
    expect(r.score).toBeGreaterThan(2);
    expect(r.spend / r.conversions).toBeGreaterThan(10);
  });

  it('stops where the CPA meets the target when dearer conversions would not pay', () => {
    const r = hindsightOptimum({ costs: [5, 100], values: [1, 1], budget: 1000, targetCpa: 10 });
    // Fraction f of the second item: CPA (5 + 100f) / (1 + f) = 10 at f = 5/90.
    expect(r.spend / r.conversions).toBeCloseTo(10, 9);
    expect(r.score).toBeCloseTo(1 + 5 / 90, 9);
  });

  it('lies between the best greedy prefix and never below any subset (brute force)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            c: fc.double({ min: 0, max: 10, noNaN: true }),
            v: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 9 },
        ),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        (items, budget, targetCpa) => {
          const costs = items.map((i) => i.c);
          const values = items.map((i) => i.v);
          const r = hindsightOptimum({ costs, values, budget, targetCpa });
          const exact = bruteForce(costs, values, budget, targetCpa);
          expect(r.score).toBeGreaterThanOrEqual(exact - 1e-9);
          expect(r.integralScore).toBeLessThanOrEqual(exact + 1e-9);
          expect(r.spend).toBeLessThanOrEqual(budget + 1e-9);
          expect(r.score - r.integralScore).toBeLessThanOrEqual(Math.max(0, ...values) * 1.5 + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('greedyOrder', () => {
  it('orders by cost per conversion exactly, ties by index, skipping worthless items', () => {
    // Worthless: no value, or a cost per conversion that overflows to Infinity.
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            c: fc.double({ min: 0, max: 1e4, noNaN: true }),
            v: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          {
            maxLength: 300,
          },
        ),
        (items) => {
          const costs = items.map((i) => i.c);
          const values = items.map((i) => i.v);
          const order = Array.from(greedyOrder(costs, values, Infinity));
          const expected = items
            .map((item, i) => ({ i, r: item.c / item.v, ok: item.v > 0 && Number.isFinite(item.c / item.v) }))
            .filter((x) => x.ok)
            .sort((a, b) => a.r - b.r || a.i - b.i)
            .map((x) => x.i);
          expect(order).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
