import { InvalidInputError } from '../src/core/index.js';
import { createEngineState, resetTickCounters, whatIfCurveOf, type EngineState } from './engine.js';
import { AdvertiserLedger, sanitiseMultiplier, type AdvertiserOutcome, type TickSums } from './ledger.js';
import type { MarketConfig } from './market-config.js';
import { runNaiveTick } from './naive-tick.js';
import { organicBaseline } from './organic.js';
import { competitorPolicy, type PolicyFactory, type TickObservation } from './policies/index.js';
import { RandomStream, componentSeeds } from './random.js';
import type { MarketStream } from './stream.js';
import { opportunitiesPerTick } from './traffic.js';
import { runTypedTick } from './typed-tick.js';
import { buildValueModel, type ValueModel } from './values.js';

/** One policy placed on some advertisers; every other advertiser runs the market's competitor mix. */
export interface FocalPolicies {
  readonly policy: PolicyFactory;
  readonly advertisers: readonly number[];
}

/** Game mode: either a policy for every advertiser, or one policy on focal advertisers. */
export type EpisodePolicies = readonly PolicyFactory[] | FocalPolicies;

/** Options of {@link runEpisode}. */
export interface EpisodeOptions {
  /** Advertisers whose market stream to record; default: the focal advertisers. */
  readonly record?: readonly number[];
  /** `typed` (default) is the fast engine; `naive` the object-per-bid baseline (same results). */
  readonly engine?: 'typed' | 'naive';
  /** A value model to reuse across episodes of the same market (it depends on the market only). */
  readonly model?: ValueModel;
}

/** Everything an episode produced. */
export interface EpisodeResult {
  readonly market: string;
  readonly seed: number;
  readonly ticks: number;
  readonly slots: number;
  readonly opportunities: number;
  readonly opportunitiesPerTick: Int32Array;
  readonly advertisers: readonly AdvertiserOutcome[];
  /** Recorded market streams, by advertiser index. */
  readonly streams: ReadonlyMap<number, MarketStream>;
}

/**
 * Runs one seeded episode in game mode: every advertiser bids with its own policy, each tick.
 * The same market, policies and seed always give the same episode; two policies run on the same
 * seed meet the same traffic, users, values and outcome coins (one random stream per component).
 *
 * @example
 * ```ts
 * const result = runEpisode(auctionNetMarket(), { policy: dualPacing(), advertisers: [0, 10] }, 1);
 * result.advertisers[0]?.score;
 * ```
 */
export function runEpisode(
  market: MarketConfig,
  policies: EpisodePolicies,
  seed: number,
  options: EpisodeOptions = {},
): EpisodeResult {
  const ticks = episodeTicks(market, policies, seed, options);
  let step = ticks.next();
  while (!step.done) step = ticks.next();
  return step.value;
}

/** The episode between two ticks, as {@link episodeTicks} yields it. */
export interface EpisodeCursor {
  /** The tick about to be played; equals the market's tick count once the day is over. */
  readonly tick: number;
  /** What advertiser `a` sees now (the observation its policy gets at the start of `tick`). */
  observe(advertiser: number): TickObservation;
  /** Advertiser `a`'s sums of the tick just played (undefined before the first tick). */
  lastTick(advertiser: number): Readonly<TickSums> | undefined;
}

/**
 * {@link runEpisode} one tick at a time: yields a cursor before each tick and once after the last,
 * and returns the episode's result. Policies are asked for their multipliers when the next tick is
 * played, so a policy whose multiplier is set from outside between two yields (see
 * `startSession`) plays exactly as if it had computed it. Draining the generator is `runEpisode`.
 *
 * @example
 * ```ts
 * const ticks = episodeTicks(market, { policy: dualPacing(), advertisers: [3] }, 1);
 * for (let step = ticks.next(); !step.done; step = ticks.next()) step.value.observe(3).spend;
 * ```
 */
export function* episodeTicks(
  market: MarketConfig,
  policies: EpisodePolicies,
  seed: number,
  options: EpisodeOptions = {},
): Generator<EpisodeCursor, EpisodeResult, void> {
  const n = market.campaigns.length;
  const seeds = componentSeeds(seed);
  const counts = opportunitiesPerTick(
    market.trafficCurve,
    market.opportunities,
    new RandomStream(seeds.traffic),
    market.trafficPerturbation,
  );
  const factories = assignPolicies(market, policies, new RandomStream(seeds.competitors));
  const record = options.record ?? ('advertisers' in policies ? policies.advertisers : []);
  for (const a of record) {
    if (!Number.isInteger(a) || a < 0 || a >= n)
      throw new InvalidInputError('advertiser to record', `0..${n - 1}`, a);
  }
  const model = options.model ?? buildValueModel(market);
  const state = createEngineState({
    market,
    model,
    values: new RandomStream(seeds.values),
    outcomeSeed: seeds.outcomes,
    record,
    whatIf: factories.flatMap((f, a) => (f.usesWhatIf ? [a] : [])),
    opportunities: market.opportunities,
  });
  const tick = options.engine === 'naive' ? runNaiveTick : runTypedTick;
  const ledgers = market.campaigns.map((c) => new AdvertiserLedger(c, market.ticks));
  const bidders = factories.map((f, a) =>
    f.create({
      campaign: market.campaigns[a] ?? failMissing(a),
      ticks: market.ticks,
      trafficCurve: market.trafficCurve,
      exposure: market.exposure,
    }),
  );
  const whatIfIndex = new Map(Array.from(state.whatIfAdvertisers, (a, i) => [a, i]));
  const tickStart = new Int32Array(market.ticks + 1);
  const observe = (a: number, t: number) => {
    const ledger = ledgers[a] ?? failMissing(a);
    const i = whatIfIndex.get(a);
    return ledger.observe(t, state.remaining[a] ?? 0, i === undefined ? undefined : whatIfCurveOf(state, i));
  };
  let last: readonly TickSums[] | undefined;
  const cursor = (t: number): EpisodeCursor => ({
    tick: t,
    observe: (a) => observe(a, t),
    lastTick: (a) => last?.[a],
  });
  let first = 0;
  for (let t = 0; t < market.ticks; t++) {
    yield cursor(t);
    tickStart[t] = first;
    const multipliers = bidders.map((bidder, a) => {
      const alpha = sanitiseMultiplier(bidder.multiplier(observe(a, t)));
      state.bidScale[a] = alpha * (state.targetCpa[a] ?? 0);
      return alpha;
    });
    resetTickCounters(state.counters);
    const count = counts[t] ?? 0;
    tick(state, first, count);
    first += count;
    last = bookTick(state, ledgers, multipliers, t, count);
  }
  tickStart[market.ticks] = first;
  yield cursor(market.ticks);
  const advertisers = ledgers.map((ledger, a) =>
    ledger.outcome(
      factories[a]?.name ?? 'unknown',
      state.remaining[a] ?? 0,
      organicBaseline({
        seed: seeds.outcomes,
        advertiser: a,
        rate: organicRate(market, model, a),
        opportunitiesPerTick: counts,
      }),
    ),
  );
  const streams = new Map<number, MarketStream>();
  for (const r of state.recorders) {
    streams.set(r.advertiser, {
      advertiser: r.advertiser,
      campaign: market.campaigns[r.advertiser] ?? failMissing(r.advertiser),
      ticks: market.ticks,
      tickStart,
      slots: state.slots,
      exposure: market.exposure,
      reservePrice: market.reservePrice,
      trafficCurve: market.trafficCurve,
      predicted: r.predicted,
      prices: r.prices,
      outcomeSeed: seeds.outcomes,
      model,
      haloLift: market.organic.haloLift,
      overlap: market.organic.overlap,
      organicRate: organicRate(market, model, r.advertiser),
    });
  }
  return {
    market: market.name,
    seed,
    ticks: market.ticks,
    slots: state.slots,
    opportunities: first,
    opportunitiesPerTick: counts,
    advertisers,
    streams,
  };
}

/**
 * The organic baseline rate of an advertiser: the market's rate scaled by its relative base pCVR.
 *
 * @example
 * ```ts
 * organicRate(market, buildValueModel(market), 4) * 500_000; // expected organic sales of advertiser 4 a day
 * ```
 */
export function organicRate(market: MarketConfig, model: ValueModel, advertiser: number): number {
  const meanLift = (market.values.categoryLift + market.categories - 1) / market.categories;
  return (market.organic.baselineRate * (model.baseRate[advertiser] ?? 0) * meanLift) / market.values.baseCvr;
}

function bookTick(
  state: EngineState,
  ledgers: readonly AdvertiserLedger[],
  multipliers: readonly number[],
  t: number,
  count: number,
): TickSums[] {
  const c = state.counters;
  return ledgers.map((ledger, a) => {
    const sums: TickSums = {
      spend: c.spend[a] ?? 0,
      wins: c.wins[a] ?? 0,
      exposures: c.exposures[a] ?? 0,
      conversions: c.conversions[a] ?? 0,
      trueConversions: c.trueConversions[a] ?? 0,
      predictedConversions: c.predictedConversions[a] ?? 0,
      halo: c.halo[a] ?? 0,
      displaced: c.displaced[a] ?? 0,
      decisionSpend: c.decisionSpend[a] ?? 0,
      decisionConversions: c.decisionConversions[a] ?? 0,
    };
    ledger.record(t, multipliers[a] ?? 0, count, sums);
    return sums;
  });
}

/**
 * The policy of every advertiser. Competitors' policies are drawn for all advertisers, focal or
 * not, so the competitor stream is consumed identically whichever policy is evaluated.
 *
 * @example
 * ```ts
 * assignPolicies(market, { policy: dualPacing(), advertisers: [0] }, new RandomStream(componentSeeds(1).competitors));
 * ```
 */
export function assignPolicies(
  market: MarketConfig,
  policies: EpisodePolicies,
  rng: RandomStream,
): PolicyFactory[] {
  const n = market.campaigns.length;
  if (!('advertisers' in policies)) {
    if (policies.length !== n) throw new InvalidInputError('policies', `one per advertiser (${n})`, policies);
    return [...policies];
  }
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] ?? j, order[i] ?? i];
  }
  const mix = market.competitors;
  const competitors = order.map((_, a) => {
    const name = mix[(order[a] ?? a) % mix.length] ?? 'fixed-multiplier';
    return competitorPolicy(name, rng.fork());
  });
  const focal = new Set(policies.advertisers);
  for (const a of focal) {
    if (!Number.isInteger(a) || a < 0 || a >= n)
      throw new InvalidInputError('focal advertiser', `0..${n - 1}`, a);
  }
  return competitors.map((c, a) => (focal.has(a) ? policies.policy : c));
}

function failMissing(index: number): never {
  throw new InvalidInputError('advertiser index', 'an index within the market', index);
}
