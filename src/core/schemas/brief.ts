import { z } from 'zod';
import { CurrencyCode, Money } from './money.js';

export const Objective = z
  .enum(['conversions', 'sales', 'leads', 'installs', 'awareness'])
  .describe('What the campaign optimises for');
export type Objective = z.infer<typeof Objective>;

export const BudgetPeriod = z.enum(['day', 'week', 'month', 'total']);
export type BudgetPeriod = z.infer<typeof BudgetPeriod>;

export const Budget = z.object({
  amount: z.number().positive().finite().describe('Budget in major units of the currency'),
  currency: CurrencyCode,
  period: BudgetPeriod.describe('The span the amount covers'),
});
export type Budget = z.infer<typeof Budget>;

export const Audience = z.object({
  gender: z.enum(['female', 'male']).optional(),
  ageMin: z.number().int().min(13).max(100).optional(),
  ageMax: z.number().int().min(13).max(100).optional(),
  regions: z.array(z.string().min(1)).optional().describe('Countries, regions, cities or city tiers'),
  interests: z.array(z.string().min(1)).optional(),
});
export type Audience = z.infer<typeof Audience>;

export const Schedule = z.object({
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('First day, YYYY-MM-DD'),
  days: z.number().int().positive().max(3660).optional().describe('Duration in days'),
});
export type Schedule = z.infer<typeof Schedule>;

/** What the marketer asked for, structured. The brief parser's output. */
export const CampaignBrief = z.object({
  goal: z.string().min(1).describe('The goal as the marketer wrote it'),
  language: z.enum(['en', 'zh', 'mixed']),
  objective: Objective,
  budget: Budget,
  targetCpa: Money.optional().describe('Cost per acquisition not to exceed'),
  targetRoas: z.number().positive().finite().optional().describe('Revenue / spend to reach, e.g. 3 for 300%'),
  schedule: Schedule,
  audience: Audience,
  productQuery: z.string().optional().describe('The words of the goal that name the products'),
  productIds: z.array(z.string()).describe('Catalog ids of the products the goal names'),
  channels: z.array(z.string()).describe('Channels or placements named in the goal'),
});
export type CampaignBrief = z.infer<typeof CampaignBrief>;
