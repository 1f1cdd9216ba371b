import type { AudienceSegment, CampaignBrief } from '../core/index.js';

/**
 * A valid brief for the demo tableware campaign (3,000 GBP a day, CPA under 12 GBP), with
 * overrides. One builder for every test that needs a brief, instead of a copy in each.
 *
 * @example
 * ```ts
 * testBrief({ schedule: { days: 30 } });
 * ```
 */
export function testBrief(over: Partial<CampaignBrief> = {}): CampaignBrief {
  return {
    goal: 'Sell our ceramic tableware, 3000 GBP a day, CPA under 12 GBP',
    language: 'en',
    objective: 'sales',
    budget: { amount: 3000, currency: 'GBP', period: 'day' },
    targetCpa: { amount: 12, currency: 'GBP' },
    schedule: { days: 14 },
    audience: {},
    productIds: ['22139'],
    channels: [],
    ...over,
  };
}

/**
 * A valid audience segment with a one-step reasoning chain, with overrides.
 *
 * @example
 * ```ts
 * testSegment({ predictedCvr: 0.02, size: 1500 });
 * ```
 */
export function testSegment(over: Partial<AudienceSegment> = {}): AudienceSegment {
  return {
    name: 'likely buyers',
    kind: 'broad',
    description: '',
    productIds: [],
    size: 400,
    predictedCvr: 0.05,
    predictedBuyers: [],
    reasoning: [{ claim: 'c', evidence: [{ source: 'statistic', ref: 'x', summary: 's' }], confidence: 0.5 }],
    ...over,
  };
}
