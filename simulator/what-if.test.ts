import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WHAT_IF_ALPHAS, WHAT_IF_BINS, addWhatIf, cumulativeWhatIf, whatIfBin } from './what-if.js';

describe('whatIfBin', () => {
  it('returns the first grid alpha that strictly beats the needed alpha', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 40, noNaN: true }), (q) => {
        const bin = whatIfBin(q);
        if (bin < WHAT_IF_BINS) {
          expect(WHAT_IF_ALPHAS[bin]).toBeGreaterThan(q);
          if (bin > 0) expect(WHAT_IF_ALPHAS[bin - 1]).toBeLessThanOrEqual(q);
        } else {
          expect(q).toBeGreaterThanOrEqual(WHAT_IF_ALPHAS[WHAT_IF_BINS - 1] ?? 0);
        }
      }),
    );
  });
});

describe('what-if curves', () => {
  it('equal, at every grid alpha, what bidding that alpha would have won (per slot, in expectation)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            prices: fc.array(fc.double({ min: 0.001, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
            p: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (opportunities) => {
          const exposure = Float64Array.from([1, 0.8, 0.6]);
          const spend = new Float64Array(WHAT_IF_BINS);
          const conversions = new Float64Array(WHAT_IF_BINS);
          const cpa = 50;
          const sorted = opportunities.map((o) => ({ ...o, prices: [...o.prices].sort((a, b) => b - a) }));
          for (const o of sorted)
            addWhatIf(spend, conversions, 0, Float64Array.from(o.prices), 0, 3, exposure, o.p, o.p * cpa);
          const curve = cumulativeWhatIf(spend, conversions, 0, sorted.length);
          for (const j of [0, 10, 30, 50, WHAT_IF_BINS - 1]) {
            const alpha = WHAT_IF_ALPHAS[j] ?? 0;
            let s = 0;
            let c = 0;
            for (const o of sorted) {
              const bid = alpha * o.p * cpa;
              const k = o.prices.findIndex((price) => bid > price);
              if (k >= 0) {
                s += (exposure[k] ?? 0) * (o.prices[k] ?? 0);
                c += (exposure[k] ?? 0) * o.p;
              }
            }
            expect(curve.spend[j]).toBeCloseTo(s, 9);
            expect(curve.conversions[j]).toBeCloseTo(c, 12);
          }
        },
      ),
    );
  });
});
