import { z } from 'zod';
import { InvalidInputError } from '../src/core/index.js';
import { loadAuctionNetConfig, type Campaign } from './data.js';

const campaignSchema = z.object({
  index: z.number().int().nonnegative(),
  category: z.number().int().nonnegative(),
  budget: z.number().positive().finite(),
  targetCpa: z.number().positive().finite(),
});

/**
 * How conversion probabilities are made. The predicted probability of opportunity o for advertiser a
 * is `min(maxCvr, user_o × base_a × lift(o, a) × idio_{o,a})`: a user's activeness shared by all
 * advertisers (which makes them compete for the same users), a lift for advertisers of the category
 * the user is in the market for, and an idiosyncratic match. The true probability is the prediction
 * times a mean-one lognormal error, so predictions are unbiased but noisy.
 */
export const valueParamsSchema = z.object({
  baseCvr: z.number().positive().max(1).describe('Mean predicted conversion probability of an advertiser'),
  advertiserSigma: z
    .number()
    .nonnegative()
    .describe('Log-sd of advertisers’ base rates (fixed per advertiser)'),
  userSigma: z.number().nonnegative().describe('Log-sd of user activeness, shared by all advertisers'),
  categoryLift: z.number().positive().describe('Multiplier for advertisers of the user’s in-market category'),
  idioSigma: z.number().nonnegative().describe('Log-sd of the idiosyncratic user × advertiser match'),
  truthSigma: z.number().nonnegative().describe('Log-sd of the true probability around the prediction'),
  maxCvr: z.number().positive().max(1).describe('Cap on the predicted conversion probability'),
});
export type ValueParams = z.infer<typeof valueParamsSchema>;

/** Organic sales (without ads) and the halo by which paid exposure lifts them. */
export const organicParamsSchema = z.object({
  baselineRate: z
    .number()
    .nonnegative()
    .describe('Organic conversions per opportunity per advertiser, no ads'),
  haloLift: z
    .number()
    .nonnegative()
    .max(1)
    .describe('Extra organic conversion probability per exposure, × true pCVR'),
  overlap: z
    .number()
    .min(0)
    .max(1)
    .describe('Share of paid conversions that would have happened organically'),
});
export type OrganicParams = z.infer<typeof organicParamsSchema>;

/** The full description of a market; parse with {@link defineMarket}. */
export const marketConfigSchema = z
  .object({
    name: z.string().min(1),
    campaigns: z.array(campaignSchema).min(1),
    categories: z.number().int().positive(),
    ticks: z.number().int().positive(),
    opportunities: z.number().int().positive().describe('Expected impression opportunities per episode'),
    trafficCurve: z.array(z.number().nonnegative()).min(1).describe('Share of opportunities per tick'),
    trafficPerturbation: z
      .object({
        window: z.number().int().positive().describe('Ticks sharing one perturbation factor'),
        low: z.number().positive(),
        high: z.number().positive(),
      })
      .nullable()
      .describe('Per-episode uniform factor per window, then renormalised; null for a stationary curve'),
    exposure: z
      .array(z.number().gt(0).max(1))
      .min(1)
      .max(7)
      .describe('Exposure probability of each slot, non-increasing'),
    reservePrice: z.number().nonnegative().describe('Price of a slot with no competing bid below'),
    values: valueParamsSchema,
    organic: organicParamsSchema,
    competitors: z.array(z.string().min(1)).min(1).describe('Policy names of the competitor mix'),
  })
  .superRefine((m, ctx) => {
    if (m.trafficCurve.length !== m.ticks) {
      ctx.addIssue({ code: 'custom', path: ['trafficCurve'], message: `needs ${m.ticks} entries` });
    }
    if (!(m.trafficCurve.reduce((a, b) => a + b, 0) > 0)) {
      ctx.addIssue({ code: 'custom', path: ['trafficCurve'], message: 'must have a positive sum' });
    }
    if (m.exposure.some((e, k) => k > 0 && e > (m.exposure[k - 1] ?? 1))) {
      ctx.addIssue({ code: 'custom', path: ['exposure'], message: 'must be non-increasing' });
    }
    if (m.trafficPerturbation && m.trafficPerturbation.low > m.trafficPerturbation.high) {
      ctx.addIssue({ code: 'custom', path: ['trafficPerturbation'], message: 'low must not exceed high' });
    }
    m.campaigns.forEach((c, i) => {
      if (c.index !== i)
        ctx.addIssue({ code: 'custom', path: ['campaigns', i, 'index'], message: `must be ${i}` });
      if (c.category >= m.categories) {
        ctx.addIssue({
          code: 'custom',
          path: ['campaigns', i, 'category'],
          message: `must be < ${m.categories}`,
        });
      }
    });
  });

/** A validated, frozen market. */
export type MarketConfig = Readonly<z.infer<typeof marketConfigSchema>> & {
  readonly campaigns: readonly Campaign[];
};

/**
 * Default value model; two constants are calibrated to the market, none to a policy.
 *
 * - `baseCvr` sets how much conversion volume the market offers at the campaigns' target CPAs. At
 *   1e-4 a bidder that bids its value (multiplier 1) spends about a quarter of its budget on
 *   average: the CPA target, not the budget, binds for most of AuctionNet's campaigns (the large
 *   budgets come with the low CPA targets), the regime the benchmark's campaign mix is built for.
 * - `idioSigma` (log-sd 1.2 of the user × advertiser match — predicted CVRs across users spanning
 *   two orders of magnitude, as they do) makes conversions beyond the CPA-feasible audience
 *   expensive: volume grows like spend^0.5 past that point, so a bidder that forces its whole
 *   budget out pays a steep CPA. With a narrow match distribution (0.5) extra volume is cheap
 *   (spend^0.8) and budget pacing is never punished.
 */
export const DEFAULT_VALUES: ValueParams = {
  baseCvr: 1e-4,
  advertiserSigma: 0.25,
  userSigma: 0.6,
  categoryLift: 3,
  idioSigma: 1.2,
  truthSigma: 0.2,
  maxCvr: 0.5,
};

/** Default organic model: ~0.5 organic sales per 10,000 opportunities, halo 0.3, overlap 0.2. */
export const DEFAULT_ORGANIC: OrganicParams = { baselineRate: 5e-5, haloLift: 0.3, overlap: 0.2 };

/** The default competitor mix, assigned to the 48 advertisers by the competitors' random stream. */
export const DEFAULT_COMPETITORS = ['fixed-multiplier', 'pid-pacing', 'online-lp', 'dual-pacing'] as const;

type MarketInput = z.input<typeof marketConfigSchema>;

/**
 * Validates a market description, reporting every bad field at once, and freezes it.
 *
 * @example
 * ```ts
 * const market = defineMarket({ ...auctionNetMarket(), opportunities: 50_000 });
 * ```
 */
export function defineMarket(input: MarketInput): MarketConfig {
  const parsed = marketConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new InvalidInputError('market config', issues, input);
  }
  return Object.freeze(parsed.data);
}

/**
 * The AuctionNet default market: 48 campaigns from data/auctionnet-config, 48 ticks, 500,000
 * opportunities, its traffic curve perturbed per episode by a factor in [0.6, 1.4] per 4-tick
 * window, 3 slots exposed with probability 1.0 / 0.8 / 0.6, and the default competitor mix.
 *
 * @example
 * ```ts
 * const result = runEpisode(auctionNetMarket({ opportunities: 100_000 }), { policy: dualPacing() }, 1);
 * ```
 */
export function auctionNetMarket(overrides: Partial<MarketInput> = {}): MarketConfig {
  const { campaigns, trafficCurve } = loadAuctionNetConfig();
  return defineMarket({
    name: 'auctionnet',
    campaigns: [...campaigns],
    categories: 6,
    ticks: 48,
    opportunities: 500_000,
    trafficCurve: [...trafficCurve],
    trafficPerturbation: { window: 4, low: 0.6, high: 1.4 },
    exposure: [1, 0.8, 0.6],
    reservePrice: 0.01,
    values: DEFAULT_VALUES,
    organic: DEFAULT_ORGANIC,
    competitors: [...DEFAULT_COMPETITORS],
    ...overrides,
  });
}

/**
 * A stationary version of the AuctionNet market: a flat traffic curve with no per-episode
 * perturbation, and competitors that all bid a fixed multiplier, so market prices do not drift.
 *
 * @example
 * ```ts
 * const market = stationaryMarket();
 * market.trafficPerturbation; // null
 * ```
 */
export function stationaryMarket(overrides: Partial<MarketInput> = {}): MarketConfig {
  const ticks = overrides.ticks ?? 48;
  return auctionNetMarket({
    name: 'stationary',
    trafficCurve: new Array<number>(ticks).fill(1 / ticks),
    trafficPerturbation: null,
    competitors: ['fixed-multiplier'],
    ...overrides,
  });
}

/**
 * A small synthetic market for tests and property checks: `advertisers` campaigns spread over
 * `categories`, budgets and CPAs drawn like AuctionNet's (2,000–4,850 and 60–130, scaled to size).
 *
 * @example
 * ```ts
 * const market = smallMarket({ advertisers: 6, opportunities: 5_000, ticks: 12 });
 * ```
 */
export function smallMarket(
  options: { advertisers?: number; opportunities?: number; ticks?: number; categories?: number } = {},
  overrides: Partial<MarketInput> = {},
): MarketConfig {
  const advertisers = options.advertisers ?? 8;
  const opportunities = options.opportunities ?? 10_000;
  const ticks = options.ticks ?? 12;
  const categories = Math.min(options.categories ?? 2, advertisers);
  const scale = opportunities / 500_000;
  const campaigns = Array.from({ length: advertisers }, (_, i) => ({
    index: i,
    category: i % categories,
    budget: (2000 + ((i * 7919) % 58) * 50) * scale,
    targetCpa: 60 + ((i * 104729) % 8) * 10,
  }));
  return auctionNetMarket({
    name: 'small',
    campaigns,
    categories,
    ticks,
    opportunities,
    trafficCurve: new Array<number>(ticks).fill(1 / ticks),
    trafficPerturbation: { window: Math.max(1, Math.floor(ticks / 12)), low: 0.6, high: 1.4 },
    ...overrides,
  });
}
