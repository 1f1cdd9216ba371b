import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BidPlan, type AudienceSegment, type CampaignBrief } from '../../src/core/index.js';
import { testAgentContext, testBrief, testSegment } from '../../src/testing/index.js';
import { withinBudget } from '../../workflows/review.js';
import { bidStrategist, CLEARING_RATIO } from './bid-strategist.js';
import { budgetOf } from './budget.js';
import { analyticForecast } from './forecast.js';

const brief = (over: Partial<CampaignBrief> = {}): CampaignBrief =>
  testBrief({ goal: 'test', productIds: ['22139', '84945'], ...over });
const segment = (name: string, cvr: number, size: number): AudienceSegment =>
  testSegment({ name, predictedCvr: cvr, size });

describe('bid strategist (offline)', () => {
  const ctx = testAgentContext();

  it('bids predicted CVR × target CPA per segment and splits the day over real traffic', async () => {
    const plan = await bidStrategist.run(
      { brief: brief(), segments: [segment('a', 0.05, 400), segment('b', 0.02, 1500)] },
      ctx,
    );
    expect(() => BidPlan.parse(plan)).not.toThrow();
    expect(plan.targetCpa).toBe(12);
    expect(plan.targetCpaSource).toBe('brief');
    expect(plan.segments[0]!.bid).toBeCloseTo(0.6, 9);
    expect(plan.segments[1]!.bid).toBeCloseTo(0.24, 9);
    expect(plan.dailyBudget).toBe(3000);
    expect(plan.totalBudget).toBe(42000);
    expect(plan.hourly.reduce((s, h) => s + h.budget, 0)).toBeLessThanOrEqual(3000);
    expect(plan.expected.cpa).toBeCloseTo(12 * CLEARING_RATIO, 9);
    expect(plan.pacing.policy).toBe('dual');
  });

  it('derives the target CPA from ROAS, or from order value, and says which', async () => {
    const roas = await bidStrategist.run(
      { brief: brief({ targetCpa: undefined, targetRoas: 4 }), segments: [segment('a', 0.02, 10)] },
      ctx,
    );
    const price = await bidStrategist.run(
      { brief: brief({ targetCpa: undefined }), segments: [segment('a', 0.02, 10)] },
      ctx,
    );
    expect(roas.targetCpaSource).toBe('roas');
    expect(price.targetCpaSource).toBe('price');
    expect(price.pacing.policy).toBe('pid');
    // order value / 4 vs order value × 0.3
    expect(roas.targetCpa / price.targetCpa).toBeCloseTo(0.25 / 0.3, 1);
  });

  it('never plans more than the budget, for any amount and period', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.constantFrom('day', 'week', 'month', 'total'),
        fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
        async (amount, period, days) => {
          const b = brief({
            budget: { amount, currency: 'CNY', period },
            targetCpa: { amount: 40, currency: 'CNY' },
            schedule: days ? { days } : {},
          });
          const plan = await bidStrategist.run({ brief: b, segments: [segment('a', 0.03, 100)] }, ctx);
          const forecast = analyticForecast.call({ bidPlan: plan, orderValue: 50 });
          expect(withinBudget(b, plan, forecast).ok).toBe(true);
          // Within a cent's rounding of daily × days (floating point), never above the amount.
          const cap = period === 'total' ? amount : budgetOf(b).daily * (days ?? 30);
          expect(plan.totalBudget).toBeLessThanOrEqual(cap + 1e-6);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('splits the budget in shares that never add up to more than 1, however many segments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.double({ min: 0.005, max: 0.15, noNaN: true }), fc.integer({ min: 1, max: 5000 })),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (specs) => {
          const segments = specs.map(([cvr, size], i) => segment(`s${i}`, cvr, size));
          const plan = await bidStrategist.run({ brief: brief({}), segments }, ctx);
          const sum = plan.segments.reduce((a, s) => a + s.budgetShare, 0);
          expect(sum).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });
});
