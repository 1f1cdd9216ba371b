import { z } from 'zod';
import { AudienceSegment, BidPlan, CampaignBrief, type Product } from '../../src/core/index.js';
import {
  allocateBudget,
  averageOrderValue,
  convert,
  hourlyTrafficCurve,
  splitBudgetOverHours,
} from '../../tools/planning/index.js';
import { defineAgent } from '../define-agent.js';
import { budgetOf } from './budget.js';

export const BidStrategistInput = z.object({
  brief: CampaignBrief,
  segments: z.array(AudienceSegment).min(1),
});

/** In a second-price auction the winner pays the runner-up's bid; planning assumes 80% of its own. */
export const CLEARING_RATIO = 0.8;
/** Share of order value a campaign may spend to acquire it when the goal names no target. */
export const ACQUISITION_SHARE = 0.3;
/** Bounds of the pacing multiplier around the target-CPA bid. */
export const MULTIPLIER_BOUNDS = { min: 0.5, max: 1.2 } as const;

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/** The CPA the bids aim at: the brief's, or one derived from its ROAS target or from order value. */
export function targetCpaOf(
  brief: z.infer<typeof CampaignBrief>,
  products: readonly Product[],
  fallbackAov: number,
): { cpa: number; source: 'brief' | 'roas' | 'price'; aov: number } {
  const currency = brief.budget.currency;
  const aov = products.length > 0 ? averageOrderValue(products, currency) : fallbackAov;
  if (brief.targetCpa)
    return { cpa: convert(brief.targetCpa.amount, brief.targetCpa.currency, currency), source: 'brief', aov };
  if (brief.targetRoas) return { cpa: aov / brief.targetRoas, source: 'roas', aov };
  return { cpa: aov * ACQUISITION_SHARE, source: 'price', aov };
}

/**
 * The bid strategist: target-CPA bids per segment (predicted conversion rate × target CPA) with
 * multiplier bounds, a budget split over segments and over the 24 hours of real traffic, the
 * pacing policy, and the expected daily outcome. The daily plan never exceeds the budget.
 *
 * @example
 * ```ts
 * const plan = await bidStrategist.run({ brief, segments }, ctx);
 * ```
 */
export const bidStrategist = defineAgent({
  name: 'bid-strategist',
  description: 'Sets bids, their bounds, the budget split over segments and time, and the pacing policy.',
  input: BidStrategistInput,
  output: BidPlan,
  tools: ['allocate_budget', 'split_budget_over_hours', 'target_cpa_bid'],
  offline: ({ brief, segments }, ctx) => {
    const currency = brief.budget.currency;
    const products = brief.productIds
      .map((id) => ctx.catalog.find(id))
      .filter((p): p is Product => p !== undefined);
    const catalogAov = averageOrderValue(ctx.catalog.products.slice(0, 200), currency);
    const target = targetCpaOf(brief, products, catalogAov);
    const { daily, total, days } = budgetOf(brief);
    const weights = segments.map((s) => s.predictedCvr * Math.sqrt(Math.max(1, s.size)));
    const { shares } = allocateBudget.call({ budget: daily, weights, floorShare: 0.05 });
    const segmentBids = segments.map((s, i) => ({
      segment: s.name,
      predictedCvr: s.predictedCvr,
      bid: round(s.predictedCvr * target.cpa),
      multiplier: 1,
      minMultiplier: MULTIPLIER_BOUNDS.min,
      maxMultiplier: MULTIPLIER_BOUNDS.max,
      // Rounded down, so the shares never add up to more than 1 (nearest rounding can reach 1.0001).
      budgetShare: Math.floor(shares[i]! * 1e4 + 1e-9) / 1e4,
    }));
    const { hours } = splitBudgetOverHours.call({ dailyBudget: daily, curve: [...hourlyTrafficCurve()] });
    const expectedCpa = target.cpa * CLEARING_RATIO;
    const spendPerDay = hours.reduce((s, h) => s + h.budget, 0);
    const constrained = target.source === 'brief' || target.source === 'roas';
    return {
      currency,
      dailyBudget: daily,
      totalBudget: total,
      days,
      targetCpa: round(target.cpa, 2),
      targetCpaSource: target.source,
      segments: segmentBids,
      hourly: hours,
      pacing: constrained
        ? {
            policy: 'dual' as const,
            description:
              'Dual pacing: each tick, a budget multiplier slows spend that runs ahead of the traffic curve and a CPA multiplier lowers bids when realised CPA exceeds the target.',
            params: {
              budgetStep: 0.05,
              cpaStep: 0.05,
              minMultiplier: MULTIPLIER_BOUNDS.min,
              maxMultiplier: MULTIPLIER_BOUNDS.max,
            },
          }
        : {
            policy: 'pid' as const,
            description:
              'PID pacing: the bid multiplier follows the gap between actual and planned cumulative spend.',
            params: {
              kp: 0.4,
              ki: 0.05,
              kd: 0.1,
              minMultiplier: MULTIPLIER_BOUNDS.min,
              maxMultiplier: MULTIPLIER_BOUNDS.max,
            },
          },
      expected: {
        spendPerDay: round(spendPerDay, 2),
        conversionsPerDay: round(spendPerDay / expectedCpa, 2),
        cpa: round(expectedCpa, 2),
      },
    };
  },
});
