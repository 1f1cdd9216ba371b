import { z } from 'zod';
import { floorCents } from '../../src/core/index.js';
import { defineTool } from '../define-tool.js';

/**
 * Splits a daily budget over 24 hours in proportion to traffic, rounding each hour DOWN to the
 * cent so that the hours never add up to more than the budget.
 */
export const splitBudgetOverHours = defineTool({
  name: 'split_budget_over_hours',
  description: 'Split a daily budget over the 24 hours of a day in proportion to expected traffic.',
  input: z.object({
    dailyBudget: z.number().nonnegative().finite().describe('Budget for one day'),
    curve: z.array(z.number().nonnegative()).length(24).describe('Traffic weight of each hour 0..23'),
  }),
  output: z.object({
    hours: z
      .array(z.object({ hour: z.number().int(), trafficShare: z.number(), budget: z.number() }))
      .length(24)
      .describe('Budget of each hour; their sum never exceeds the daily budget'),
  }),
  run: ({ dailyBudget, curve }) => {
    const total = curve.reduce((a, b) => a + b, 0);
    const shares = total > 0 ? curve.map((c) => c / total) : curve.map(() => 1 / 24);
    return {
      hours: shares.map((share, hour) => ({
        hour,
        trafficShare: Math.round(share * 1e5) / 1e5,
        budget: floorCents(dailyBudget * share),
      })),
    };
  },
});

/**
 * Splits a budget over segments in proportion to weight (for example size × conversion rate),
 * with a floor share so no segment starves; rounding down keeps the sum within the budget.
 */
export const allocateBudget = defineTool({
  name: 'allocate_budget',
  description: 'Allocate a budget across audience segments in proportion to their weights, with a floor.',
  input: z.object({
    budget: z.number().nonnegative().finite(),
    weights: z.array(z.number().nonnegative().finite()).min(1).describe('One weight per segment'),
    floorShare: z.number().min(0).max(1).default(0.05).describe('Minimum share of each segment'),
  }),
  output: z.object({
    shares: z.array(z.number().min(0).max(1)).describe('Share of each segment, summing to 1'),
    amounts: z.array(z.number().nonnegative()).describe('Amount of each segment; sum ≤ budget'),
  }),
  run: ({ budget, weights, floorShare }) => {
    const n = weights.length;
    const floor = Math.min(floorShare, 1 / n);
    const total = weights.reduce((a, b) => a + b, 0);
    const raw = total > 0 ? weights.map((w) => w / total) : weights.map(() => 1 / n);
    const shares = raw.map((s) => floor + (1 - floor * n) * s);
    return { shares, amounts: shares.map((s) => floorCents(budget * s)) };
  },
});
