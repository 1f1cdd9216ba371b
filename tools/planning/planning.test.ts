import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateBudget, splitBudgetOverHours } from './budget-split.js';
import { convert } from './fx.js';
import { hourlyTrafficCurve } from './traffic-curve.js';

describe('hourlyTrafficCurve', () => {
  it('reads 24 real hourly shares that sum to 1 with a daytime peak', () => {
    const curve = hourlyTrafficCurve();
    expect(curve).toHaveLength(24);
    expect(curve.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const peak = curve.indexOf(Math.max(...curve));
    expect(peak).toBeGreaterThanOrEqual(9);
    expect(peak).toBeLessThanOrEqual(14);
    expect(curve[3]!).toBeLessThan(curve[11]! / 4);
  });
});

describe('budget split', () => {
  it('never exceeds the daily budget, whatever the curve', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 24, maxLength: 24 }),
        (daily, curve) => {
          const { hours } = splitBudgetOverHours.call({ dailyBudget: daily, curve });
          expect(hours.reduce((s, h) => s + h.budget, 0)).toBeLessThanOrEqual(daily + 1e-9);
        },
      ),
    );
  });
  it('allocates over segments with a floor and never more than the budget', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (budget, weights) => {
          const { shares, amounts } = allocateBudget.call({ budget, weights, floorShare: 0.05 });
          expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          expect(amounts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget + 1e-9);
          for (const s of shares)
            expect(s).toBeGreaterThanOrEqual(Math.min(0.05, 1 / weights.length) - 1e-12);
        },
      ),
    );
  });
});

describe('convert', () => {
  it('goes through GBP and rejects unknown currencies with the list of known ones', () => {
    expect(convert(10, 'GBP', 'CNY')).toBeCloseTo(93, 6);
    expect(convert(convert(50, 'USD', 'EUR'), 'EUR', 'USD')).toBeCloseTo(50, 9);
    expect(() => convert(1, 'XXX', 'GBP')).toThrow(/expected GBP\|CNY/);
  });
});
