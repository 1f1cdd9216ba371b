import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Forecast, type BidPlan } from '../../src/core/index.js';
import { testAgentContext, testBrief, testSegment } from '../../src/testing/index.js';
import { bidStrategist } from './bid-strategist.js';
import { planBounds, planTwin, twinForecast } from './twin-forecast.js';

const brief = testBrief({
  goal: 'Sell our ceramic tableware, 3000 GBP a day, CPA under 12 GBP, 30 days',
  schedule: { days: 30 },
  productIds: ['22139', '84945'],
});
const segment = testSegment();
/** Order value of the demo tableware plan (its analytic forecast's revenue ÷ conversions). */
const ORDER_VALUE = 17.57;
const bidPlan: BidPlan = await bidStrategist.run({ brief, segments: [segment] }, testAgentContext());
const fast = { seeds: 3, opportunities: 4_800 } as const;

describe('twinForecast', () => {
  it('is a valid twin forecast, the same for the same inputs', () => {
    const a = twinForecast({ brief, bidPlan, orderValue: ORDER_VALUE });
    const b = twinForecast({ brief, bidPlan, orderValue: ORDER_VALUE });
    expect(Forecast.parse(a)).toEqual(a);
    expect(b).toEqual(a);
    expect(a.method).toBe('twin');
    expect(a.days).toBe(30);
    expect(a.conversions).toBeGreaterThan(0);
    expect(a.conversionsInterval[0]).toBeLessThanOrEqual(a.conversions);
    expect(a.conversionsInterval[1]).toBeGreaterThanOrEqual(a.conversions);
    expect(a.revenue).toBeCloseTo(a.conversions * ORDER_VALUE, 0);
    expect(a.assumptions.join(' ')).toMatch(/order value 17\.57 GBP/);
  });

  it('never forecasts spend above the total budget, for any budget, length and target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 5, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 90 }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        (daily, days, ambition, totalShare) => {
          const dailyBudget = Math.floor(daily * 100) / 100;
          const plan: BidPlan = {
            ...bidPlan,
            dailyBudget,
            days,
            totalBudget: Math.floor(dailyBudget * days * totalShare * 100) / 100,
            targetCpa: Math.round(0.3 * ORDER_VALUE * ambition * 100) / 100,
          };
          const f = twinForecast({ brief, bidPlan: plan, orderValue: ORDER_VALUE, ...fast });
          expect(f.spend).toBeLessThanOrEqual(plan.totalBudget);
          expect(f.conversions).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('forecasts more conversions for a higher target CPA while the target binds', () => {
    // Going rate 0.3 × 17.57 = 5.27 GBP: targets from 0.6× to 2.3× of it.
    const conversions = [3, 5, 8, 12].map(
      (targetCpa) =>
        twinForecast({ brief, bidPlan: { ...bidPlan, targetCpa }, orderValue: ORDER_VALUE }).conversions,
    );
    for (let i = 1; i < conversions.length; i++) expect(conversions[i]).toBeGreaterThan(conversions[i - 1]!);
  });

  it('is monotone in the target for random pairs of targets up to twice the going rate', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 2, noNaN: true }),
        fc.double({ min: 1.05, max: 2, noNaN: true }),
        (low, factor) => {
          const at = (ambition: number) =>
            twinForecast({
              brief,
              bidPlan: { ...bidPlan, targetCpa: 0.3 * ORDER_VALUE * ambition },
              orderValue: ORDER_VALUE,
              seeds: 4,
              opportunities: 8_000,
            }).conversions;
          expect(at(low * factor)).toBeGreaterThanOrEqual(at(low));
        },
      ),
      { numRuns: 6 },
    );
  });

  it('plays the plan with its pacing policy and bounds, and checks its arguments', () => {
    const twin = planTwin(bidPlan, { orderValue: ORDER_VALUE, slotIndex: 0 });
    expect(twin.bounds).toEqual(planBounds(bidPlan));
    expect(twin.policy.name).toBe('dual-pacing');
    expect(twin.market.campaigns[twin.slot]!.targetCpa).toBeCloseTo((12 / (0.3 * ORDER_VALUE)) * 95, 6);
    const pid = planTwin({ ...bidPlan, pacing: { ...bidPlan.pacing, policy: 'pid' } }, { slotIndex: 0 });
    expect(pid.policy.name).toBe('pid-pacing');
    expect(pid.scale.money).toBeCloseTo(12 / 95, 9);
    expect(() => twinForecast({ brief, bidPlan, seeds: 1 })).toThrow(/seeds/);
    expect(() => twinForecast({ brief, bidPlan, opportunities: 10 })).toThrow(/opportunities/);
  });

  it('forecasts nothing for a plan with no budget', () => {
    const f = twinForecast({ brief, bidPlan: { ...bidPlan, dailyBudget: 0, totalBudget: 0 } });
    expect(f).toMatchObject({ spend: 0, conversions: 0, conversionsInterval: [0, 0] });
  });
});
