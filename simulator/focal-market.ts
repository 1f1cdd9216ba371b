import { InvalidInputError } from '../src/core/index.js';
import { defineMarket, type MarketConfig } from './market-config.js';
import type { PolicyFactory } from './policies/index.js';
import type { RandomStream } from './random.js';
import type { TickReport } from './session.js';

/**
 * How a campaign from outside the twin (a plan, in its own currency and at its own size) maps onto
 * the market. Outside CPA = market CPA × `money`; outside conversions = market conversions ×
 * `volume`; outside spend = market spend × `money` × `volume`.
 */
export interface MarketScale {
  /** Outside currency per market money unit, for prices, bids and CPAs. */
  readonly money: number;
  /** Outside conversions (and opportunities) per market conversion: the market is a sample. */
  readonly volume: number;
}

/**
 * The market's advertisers in an order that walks over the categories first (the first member of
 * each category, then the second of each, …): the i-th focal slot of a forecast or a bench, so that
 * a few seeds already cover every category.
 *
 * @example
 * ```ts
 * focalSlot(auctionNetMarket(), 0); // the first campaign of category 0
 * ```
 */
export function focalSlot(market: MarketConfig, i: number): number {
  const byCategory = Array.from({ length: market.categories }, (_, c) =>
    market.campaigns.filter((x) => x.category === c).map((x) => x.index),
  );
  const order: number[] = [];
  const longest = Math.max(...byCategory.map((m) => m.length));
  for (let k = 0; k < longest; k++)
    for (const members of byCategory) if (k < members.length) order.push(members[k]!);
  const n = order.length;
  return order[((Math.floor(i) % n) + n) % n] ?? 0;
}

/**
 * A market with one focal campaign replaced and `opportunities` a day. Fewer opportunities make a
 * sample of the day: every competitor's budget is scaled by `opportunities / base.opportunities`
 * so that budgets keep their ratio to the traffic, and the market's prices and conversion rates stay
 * those of the full day. The focal campaign is taken as given (already in the sampled day's units).
 *
 * @example
 * ```ts
 * const market = focalMarket(auctionNetMarket(), { slot: 5, budget: 120, targetCpa: 90, opportunities: 20_000 });
 * ```
 */
export function focalMarket(
  base: MarketConfig,
  focal: { slot: number; budget: number; targetCpa: number; opportunities?: number },
): MarketConfig {
  const opportunities = focal.opportunities ?? base.opportunities;
  if (!Number.isInteger(opportunities) || opportunities < base.ticks)
    throw new InvalidInputError('opportunities', `an integer ≥ ${base.ticks} (one a tick)`, opportunities);
  if (!(focal.budget > 0) || !(focal.targetCpa > 0))
    throw new InvalidInputError('focal campaign', 'a positive budget and target CPA', focal.budget);
  const share = opportunities / base.opportunities;
  return defineMarket({
    ...base,
    opportunities,
    campaigns: base.campaigns.map((c) =>
      c.index === focal.slot
        ? { ...c, budget: focal.budget, targetCpa: focal.targetCpa }
        : { ...c, budget: c.budget * share },
    ),
  });
}

/**
 * A policy whose multipliers are clamped to `[min, max]`: a plan's approved bounds around the
 * target-CPA bid.
 *
 * @example
 * ```ts
 * boundedPolicy(dualPacing(), { min: 0.5, max: 1.2 });
 * ```
 */
export function boundedPolicy(inner: PolicyFactory, bounds: { min: number; max: number }): PolicyFactory {
  if (!(bounds.min >= 0) || !(bounds.max >= bounds.min))
    throw new InvalidInputError('multiplier bounds', '0 ≤ min ≤ max', `${bounds.min}..${bounds.max}`);
  return {
    name: inner.name,
    usesWhatIf: inner.usesWhatIf,
    create(context) {
      const bidder = inner.create(context);
      return { multiplier: (obs) => Math.min(bounds.max, Math.max(bounds.min, bidder.multiplier(obs))) };
    },
  };
}

/**
 * A Poisson draw: multiplication of uniforms below a mean of 30, Hörmann's transformed rejection
 * (PTRS) above it. Exact in distribution, a few uniforms per draw.
 *
 * @example
 * ```ts
 * poissonSample(new RandomStream(1), 4.2); // 0, 1, 2, … around 4
 * ```
 */
export function poissonSample(rng: RandomStream, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v * invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logGamma(k + 1))
      return k;
  }
}

/** ln Γ(x) for x ≥ 1 (Stirling series; exact enough for the rejection test above). */
function logGamma(x: number): number {
  if (x < 8) {
    let product = 1;
    let y = x;
    while (y < 8) product *= y++;
    return logGamma(y) - Math.log(product);
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    (x - 0.5) * Math.log(x) -
    x +
    0.5 * Math.log(2 * Math.PI) +
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260))
  );
}

/**
 * A tick report in the outside campaign's units. Money is scaled by `money × volume`; counts by
 * `volume`. Realised conversions cannot be scaled (one market conversion would stand for `volume`
 * of them), so at `volume ≠ 1` they are drawn from a Poisson law around the tick's expected
 * conversions × `volume`, from `rng`: the noise a campaign of the outside size would see.
 *
 * @example
 * ```ts
 * const outside = toOutsideUnits(session.step(1), { money: 0.05, volume: 400 }, new RandomStream(7));
 * ```
 */
export function toOutsideUnits(report: TickReport, scale: MarketScale, rng: RandomStream): TickReport {
  const spendScale = scale.money * scale.volume;
  return {
    tick: report.tick,
    multiplier: report.multiplier,
    opportunities: report.opportunities * scale.volume,
    spend: report.spend * spendScale,
    wins: report.wins * scale.volume,
    exposures: report.exposures * scale.volume,
    conversions:
      scale.volume === 1 ? report.conversions : poissonSample(rng, report.expectedConversions * scale.volume),
    expectedConversions: report.expectedConversions * scale.volume,
    predictedConversions: report.predictedConversions * scale.volume,
    remainingBudget: report.remainingBudget * spendScale,
  };
}
