import {
  auctionNetMarket,
  boundedPolicy,
  buildValueModel,
  dualPacing,
  focalMarket,
  focalSlot,
  pidPacing,
  runEpisode,
  type MarketConfig,
  type MarketScale,
  type PolicyFactory,
  type ValueModel,
} from '../../simulator/index.js';
import { InvalidInputError, type BidPlan, type CampaignBrief, type Forecast } from '../../src/core/index.js';
import { ACQUISITION_SHARE, MULTIPLIER_BOUNDS } from './bid-strategist.js';

/** Opportunities simulated per day: a 1-in-31 sample of AuctionNet's 500,000 (see {@link planTwin}). */
export const TWIN_OPPORTUNITIES = 16_000;
/** Simulated days (seeds) per forecast. */
export const TWIN_SEEDS = 8;
/** One-sided z of a 90 % interval. */
const Z90 = 1.645;

/** Everything needed to play one day of a plan in the twin. */
export interface PlanTwin {
  /** The market with the plan's campaign in `slot`, in market units. */
  readonly market: MarketConfig;
  readonly slot: number;
  /** Plan currency and plan-size conversions per market unit. */
  readonly scale: MarketScale;
  /** The plan's pacing policy within its multiplier bounds (what `runEpisode` would bid). */
  readonly policy: PolicyFactory;
  readonly bounds: { readonly min: number; readonly max: number };
  /** The market's value model (the same for every slot and day; reuse it). */
  readonly model: ValueModel;
}

let reference: { market: MarketConfig; cpa: number; budget: number; model?: ValueModel } | undefined;

/** The AuctionNet reference market and its mean target CPA and mean budget (sim units). */
function referenceMarket() {
  if (!reference) {
    const market = auctionNetMarket();
    const n = market.campaigns.length;
    reference = {
      market,
      cpa: market.campaigns.reduce((s, c) => s + c.targetCpa, 0) / n,
      budget: market.campaigns.reduce((s, c) => s + c.budget, 0) / n,
    };
  }
  return reference;
}

/** The plan's multiplier bounds: its pacing parameters, else its segments', else the defaults. */
export function planBounds(bidPlan: BidPlan): { min: number; max: number } {
  const p = bidPlan.pacing.params;
  const min = p.minMultiplier ?? Math.min(...bidPlan.segments.map((s) => s.minMultiplier));
  const max = p.maxMultiplier ?? Math.max(...bidPlan.segments.map((s) => s.maxMultiplier));
  return Number.isFinite(min) && Number.isFinite(max) && max >= min ? { min, max } : { ...MULTIPLIER_BOUNDS };
}

/**
 * Places a plan in the twin. Two scales map the plan onto AuctionNet's market:
 *
 * - **money** `r` = the market's going CPA in the plan currency ÷ AuctionNet's mean target CPA
 *   (95). The going CPA is {@link ACQUISITION_SHARE} × order value (what the strategist assumes
 *   when a goal names no target); without an order value it is the plan's own target. The plan's
 *   target in market units is then `targetCpa / r`: a target above the going rate bids above the
 *   competitors, one below it bids under them. (Anchoring `r` on the plan's own target would
 *   cancel the target out: every plan would bid like an average advertiser whatever its target.)
 * - **volume** `v`: the plan's campaign is assumed to be a typical advertiser of its market, so
 *   its daily budget plays as AuctionNet's mean budget (3,125) on the sampled day; one market
 *   conversion stands for `v` plan conversions. Competitors keep their AuctionNet budgets and CPAs.
 *
 * `opportunities` below 500,000 simulate a sample of the day (competitors' budgets scaled alike).
 * `dayBudget` (default the plan's daily budget) is the budget of the day played, in plan currency.
 *
 * @example
 * ```ts
 * const twin = planTwin(bidPlan, { orderValue: 17.5, slotIndex: 0 });
 * runEpisode(twin.market, { policy: twin.policy, advertisers: [twin.slot] }, 1, { model: twin.model });
 * ```
 */
export function planTwin(
  bidPlan: BidPlan,
  options: { orderValue?: number; opportunities?: number; slotIndex: number; dayBudget?: number },
): PlanTwin {
  const ref = referenceMarket();
  const opportunities = options.opportunities ?? TWIN_OPPORTUNITIES;
  if (!Number.isInteger(opportunities) || opportunities < 480 || opportunities > ref.market.opportunities)
    throw new InvalidInputError(
      'opportunities',
      `an integer in 480..${ref.market.opportunities}`,
      opportunities,
    );
  if (!(bidPlan.dailyBudget > 0))
    throw new InvalidInputError('daily budget', 'a positive amount', bidPlan.dailyBudget);
  const goingCpa =
    options.orderValue !== undefined && options.orderValue > 0
      ? ACQUISITION_SHARE * options.orderValue
      : bidPlan.targetCpa;
  const money = goingCpa / ref.cpa;
  const share = opportunities / ref.market.opportunities;
  const volume = bidPlan.dailyBudget / (money * ref.budget * share);
  const dayBudget = Math.min(options.dayBudget ?? bidPlan.dailyBudget, bidPlan.dailyBudget);
  const slot = focalSlot(ref.market, options.slotIndex);
  const market = focalMarket(ref.market, {
    slot,
    // Positive even for a spent-out day: the engine caps bids at what is left, and 1e-9 buys nothing.
    budget: Math.max(1e-9, dayBudget / (money * volume)),
    targetCpa: bidPlan.targetCpa / money,
    opportunities,
  });
  // Only categories and value parameters enter the value model: it is the reference market's.
  ref.model ??= buildValueModel(market);
  const bounds = planBounds(bidPlan);
  const inner =
    bidPlan.pacing.policy === 'dual'
      ? dualPacing({ steps: { maxMultiplier: bounds.max } })
      : pidPacing({ gains: { min: bounds.min, max: bounds.max } });
  return {
    market,
    slot,
    scale: { money, volume },
    policy: boundedPolicy(inner, bounds),
    bounds,
    model: ref.model,
  };
}

/** Input of {@link twinForecast}. */
export interface TwinForecastInput {
  /** The campaign's brief (the forecast actor's input; the twin reads the plan). */
  readonly brief: CampaignBrief;
  readonly bidPlan: BidPlan;
  /** Simulated days, one seed each (default {@link TWIN_SEEDS}). */
  readonly seeds?: number;
  /** Opportunities per simulated day (default {@link TWIN_OPPORTUNITIES}). */
  readonly opportunities?: number;
  /** Average order value in the plan currency; default target CPA ÷ {@link ACQUISITION_SHARE}. */
  readonly orderValue?: number;
}

/**
 * Forecasts a plan by playing it in the market twin: each seed is one simulated day (its own
 * traffic perturbation, users, competitor mix and the slot the plan's product takes), the plan's
 * pacing policy bids within its bounds, and a day's results are scaled to the plan's currency and
 * size by {@link planTwin}. Totals are the mean day × the plan's days, capped at the total budget;
 * conversions are the expected conversions of the exposures bought (free of conversion luck).
 * The 90 % interval treats the seed-to-seed spread as lasting for the whole campaign (the slot is
 * the product's market; traffic and users would partly average out over days, so it is
 * conservative) plus Poisson noise on the total. A 30-day forecast costs 8 simulated days.
 *
 * @example
 * ```ts
 * const forecast = twinForecast({ brief, bidPlan, orderValue: 17.5 });
 * forecast.method; // 'twin'
 * ```
 */
export function twinForecast(input: TwinForecastInput): Forecast {
  const { bidPlan } = input;
  const seeds = input.seeds ?? TWIN_SEEDS;
  if (!Number.isInteger(seeds) || seeds < 2 || seeds > 256)
    throw new InvalidInputError('seeds', 'an integer in 2..256', seeds);
  const orderValue =
    input.orderValue !== undefined && input.orderValue > 0
      ? input.orderValue
      : bidPlan.targetCpa / ACQUISITION_SHARE;
  const days = bidPlan.days;
  const perDay: { spend: number; conversions: number }[] = [];
  if (bidPlan.dailyBudget > 0 && bidPlan.totalBudget > 0) {
    for (let s = 0; s < seeds; s++) {
      const twin = planTwin(bidPlan, {
        orderValue,
        slotIndex: s,
        ...(input.opportunities === undefined ? {} : { opportunities: input.opportunities }),
      });
      const episode = runEpisode(twin.market, { policy: twin.policy, advertisers: [twin.slot] }, s + 1, {
        model: twin.model,
        record: [],
      });
      const a = episode.advertisers[twin.slot];
      perDay.push({
        spend: (a?.spend ?? 0) * twin.scale.money * twin.scale.volume,
        conversions: (a?.expectedConversions ?? 0) * twin.scale.volume,
      });
    }
  }
  const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : 0);
  const daily = perDay.map((d) => d.conversions);
  const dailyMean = mean(daily);
  const sd = Math.sqrt(
    mean(daily.map((c) => (c - dailyMean) ** 2)) * (daily.length / Math.max(1, daily.length - 1)),
  );
  const uncapped = mean(perDay.map((d) => d.spend)) * days;
  const spend = Math.min(bidPlan.totalBudget, uncapped);
  const kept = uncapped > 0 ? spend / uncapped : 0;
  const conversions = dailyMean * days * kept;
  const spread = Z90 * Math.sqrt((sd * days * kept) ** 2 + conversions);
  const revenue = conversions * orderValue;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const bounds = planBounds(bidPlan);
  const opportunities = input.opportunities ?? TWIN_OPPORTUNITIES;
  return {
    method: 'twin',
    currency: bidPlan.currency,
    days,
    spend: Math.min(bidPlan.totalBudget, r2(spend)),
    conversions: r2(conversions),
    cpa: r2(conversions > 0 ? spend / conversions : 0),
    revenue: r2(revenue),
    roas: r2(spend > 0 ? revenue / spend : 0),
    conversionsInterval: [r2(Math.max(0, conversions - spread)), r2(conversions + spread)],
    assumptions: [
      `${seeds} simulated days in an AuctionNet-style market (48 advertisers, 48 ticks, GSP with 3 slots, pay on exposure, hard budget caps); each day a new traffic perturbation, users, competitor mix and market slot for the product; totals = mean day × ${days} days, capped at the total budget`,
      `${opportunities.toLocaleString('en-GB')} opportunities per simulated day, a sample of AuctionNet's 500,000; competitors' budgets scaled alike`,
      `the market's going CPA is ${ACQUISITION_SHARE * 100}% of the order value (${r2(ACQUISITION_SHARE * orderValue)} ${bidPlan.currency}); the plan's target CPA ${bidPlan.targetCpa} ${bidPlan.currency} bids ${r2(bidPlan.targetCpa / (ACQUISITION_SHARE * orderValue))}× the going rate`,
      'the campaign is a typical advertiser of its market: its daily budget plays as an average AuctionNet budget',
      `pacing: ${bidPlan.pacing.policy === 'dual' ? 'dual pacing (budget and CPA duals)' : 'PID budget pacing'} with the simulator's step sizes, multiplier within [${bounds.min}, ${bounds.max}]`,
      'conversions = expected conversions of the exposures bought; the 90% interval treats the day-to-day spread as lasting the whole campaign, plus Poisson noise',
      `revenue = conversions × order value ${r2(orderValue)} ${bidPlan.currency}${input.orderValue === undefined ? ' (target CPA ÷ acquisition share: no order value given)' : ''}`,
    ],
  };
}
