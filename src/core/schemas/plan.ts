import { z } from 'zod';
import { CampaignBrief } from './brief.js';
import { CurrencyCode } from './money.js';
import { CreativeInsight } from './insight.js';
import { AudienceSegment } from './segment.js';

export const SegmentBid = z.object({
  segment: z.string(),
  predictedCvr: z.number().min(0).max(1),
  bid: z.number().nonnegative().describe('Target-CPA bid per click = predicted CVR × target CPA'),
  multiplier: z.number().positive(),
  minMultiplier: z.number().positive(),
  maxMultiplier: z.number().positive(),
  budgetShare: z.number().min(0).max(1),
});

export const HourSlot = z.object({
  hour: z.number().int().min(0).max(23),
  trafficShare: z.number().min(0).max(1),
  budget: z.number().nonnegative(),
});

/** The bid strategist's output. */
export const BidPlan = z.object({
  currency: CurrencyCode,
  dailyBudget: z.number().nonnegative(),
  totalBudget: z.number().nonnegative(),
  days: z.number().int().positive(),
  targetCpa: z.number().positive().describe('CPA the bids aim at (given, or derived from ROAS or price)'),
  targetCpaSource: z.enum(['brief', 'roas', 'price']),
  segments: z.array(SegmentBid).min(1),
  hourly: z.array(HourSlot).length(24),
  pacing: z.object({
    policy: z.enum(['pid', 'dual', 'even']),
    description: z.string(),
    params: z.record(z.string(), z.number()),
  }),
  expected: z.object({ spendPerDay: z.number(), conversionsPerDay: z.number(), cpa: z.number() }),
});
export type BidPlan = z.infer<typeof BidPlan>;

/** What the plan is expected to achieve, with an interval. */
export const Forecast = z.object({
  method: z.enum(['analytic', 'twin']),
  currency: CurrencyCode,
  days: z.number().int().positive(),
  spend: z.number().nonnegative(),
  conversions: z.number().nonnegative(),
  cpa: z.number().nonnegative(),
  revenue: z.number().nonnegative(),
  roas: z.number().nonnegative(),
  conversionsInterval: z.tuple([z.number(), z.number()]).describe('Low and high, ~90%'),
  assumptions: z.array(z.string()),
});
export type Forecast = z.infer<typeof Forecast>;

export const ReviewCheck = z.object({ name: z.string(), ok: z.boolean(), message: z.string() });
export type ReviewCheck = z.infer<typeof ReviewCheck>;

export const RunStatus = z.enum(['planned', 'awaiting_approval', 'rejected', 'failed']);
export type RunStatus = z.infer<typeof RunStatus>;

/** The campaign plan: what `lodestone plan --json` prints. */
export const Plan = z.object({
  runId: z.string(),
  status: RunStatus,
  createdAt: z.string(),
  brief: CampaignBrief,
  insights: z.array(CreativeInsight),
  segments: z.array(AudienceSegment).min(1),
  bidPlan: BidPlan,
  forecast: Forecast,
  review: z.array(ReviewCheck),
  approval: z
    .object({
      decision: z.enum(['approved', 'rejected']),
      by: z.string(),
      at: z.string(),
      reason: z.string().optional(),
    })
    .optional(),
});
export type Plan = z.infer<typeof Plan>;
