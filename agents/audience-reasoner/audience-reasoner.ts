import { z } from 'zod';
import {
  Audience,
  AudienceSegment,
  type Product,
  type ReasoningStep,
  type UserProfile,
} from '../../src/core/index.js';
import { defineAgent } from '../define-agent.js';
import { countriesFor } from './regions.js';
import {
  BASE_CVR,
  lookalikeSegment,
  memoryLookalikeSegment,
  pastBuyerSegment,
  propensities,
  prospectSegment,
} from './segments.js';

export const AudienceReasonerInput = z.object({
  productIds: z.array(z.string()),
  audience: Audience.default({}),
  maxProducts: z.number().int().positive().default(8),
});

export const AudienceReasonerOutput = z.object({ segments: z.array(AudienceSegment).min(1) });
export type AudienceReasonerOutput = z.infer<typeof AudienceReasonerOutput>;

/** Steps that record how the brief's audience constraints were applied to the shop's data. */
function briefSteps(
  audience: z.infer<typeof Audience>,
  users: readonly UserProfile[],
  kept: number,
): ReasoningStep[] {
  const steps: ReasoningStep[] = [];
  if (audience.regions?.length) {
    const { countries, unmatched } = countriesFor(audience.regions);
    steps.push({
      claim:
        countries.length > 0
          ? `The brief targets ${audience.regions.join(', ')}; ${kept} of ${users.length} known customers are in ${countries.join(', ')}.`
          : `The brief targets ${audience.regions.join(', ')}; the shop has no customer records there, so the platform's own geo-targeting applies.`,
      evidence: [
        {
          source: 'brief',
          ref: 'audience.regions',
          summary: `regions: ${audience.regions.join(', ')}${unmatched.length ? ` (not in the shop's data: ${unmatched.join(', ')})` : ''}`,
        },
      ],
      confidence: 0.9,
    });
  }
  const demo = [
    audience.gender && `gender ${audience.gender}`,
    audience.ageMin !== undefined && `age ≥ ${audience.ageMin}`,
    audience.ageMax !== undefined && `age ≤ ${audience.ageMax}`,
  ].filter(Boolean);
  if (demo.length > 0) {
    steps.push({
      claim: `The brief restricts ${demo.join(', ')}; the shop's records hold no such attributes, so the restriction is passed to the ad platform as a targeting filter.`,
      evidence: [{ source: 'brief', ref: 'audience', summary: demo.join(', ') }],
      confidence: 0.9,
    });
  }
  return steps;
}

/**
 * The audience reasoner: segments with explicit reasoning chains whose every step cites evidence
 * from real data — co-purchase rules (support, confidence, lift), customers' histories, and
 * statistics computed from them.
 *
 * @example
 * ```ts
 * const { segments } = await audienceReasoner.run({ productIds: ['22720'] }, ctx);
 * segments[0].reasoning[0].evidence;
 * ```
 */
export const audienceReasoner = defineAgent({
  name: 'audience-reasoner',
  description: 'Reasons from real behaviour to audience segments, citing the evidence for every step.',
  input: AudienceReasonerInput,
  output: AudienceReasonerOutput,
  tools: ['next_buyers', 'association_rules', 'user_history'],
  offline: async (input, ctx) => {
    const { catalog } = ctx;
    const products: Product[] = input.productIds
      .slice(0, input.maxProducts)
      .map((id) => catalog.find(id))
      .filter((p): p is Product => p !== undefined);
    const { countries } = countriesFor(input.audience.regions ?? []);
    const users =
      countries.length > 0 ? catalog.users.filter((u) => countries.includes(u.country)) : catalog.users;
    const inputs = {
      catalog,
      products,
      users,
      briefSteps: briefSteps(input.audience, catalog.users, users.length),
      propensity: propensities(catalog, products, countries),
    };
    const segments: AudienceSegment[] = [];
    if (products.length > 0) {
      const prospects = prospectSegment(inputs);
      if (prospects) segments.push(prospects);
      const past = pastBuyerSegment(inputs);
      if (past) segments.push(past);
      const exclude = new Set(prospects?.predictedBuyers.map((b) => b.userId) ?? []);
      const memory = await ctx.memory?.();
      const lookalikes = memory
        ? await memoryLookalikeSegment(inputs, memory, exclude)
        : lookalikeSegment(inputs, exclude);
      if (lookalikes) segments.push(lookalikes);
    }
    segments.push(broadSegment(products, input.audience, users.length, inputs.briefSteps));
    return { segments };
  },
});

/** Everyone the platform can reach within the brief's constraints; always present as a floor. */
function broadSegment(
  products: readonly Product[],
  audience: z.infer<typeof Audience>,
  knownUsers: number,
  steps: readonly ReasoningStep[],
): AudienceSegment {
  const interests = audience.interests ?? [];
  return {
    name: interests.length > 0 ? `Interest: ${interests.join(', ')}` : 'Broad reach',
    kind: interests.length > 0 ? 'interest' : 'broad',
    description:
      'New customers reached through the platform’s targeting; the exploration share of the budget.',
    productIds: products.map((p) => p.id),
    size: knownUsers,
    predictedBuyers: [],
    predictedCvr: BASE_CVR,
    reasoning: [
      ...steps,
      {
        claim:
          products.length > 0
            ? `A share of the budget explores beyond known customers; without behavioural evidence its conversion rate is the ${(BASE_CVR * 100).toFixed(0)}% broad assumption.`
            : 'No catalog product matched the goal, so the campaign can only reach a broad audience at the assumed base conversion rate.',
        evidence: [
          interests.length > 0
            ? { source: 'brief', ref: 'audience.interests', summary: `interests: ${interests.join(', ')}` }
            : {
                source: 'statistic',
                ref: 'base-cvr',
                summary: `assumed broad click-to-purchase rate ${BASE_CVR}`,
                values: { cvr: BASE_CVR },
              },
        ],
        confidence: 0.5,
      },
    ],
  };
}
