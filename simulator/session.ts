import { InvalidInputError } from '../src/core/index.js';
import { episodeTicks, type EpisodeCursor, type EpisodeResult } from './episode.js';
import type { MarketConfig } from './market-config.js';
import type { PolicyFactory, TickObservation } from './policies/index.js';
import type { ValueModel } from './values.js';

/** What the focal advertiser got from one tick, in the market's units. */
export interface TickReport {
  /** The tick just played, 0-based. */
  readonly tick: number;
  /** The multiplier it was played with (after sanitising: NaN and negatives bid nothing). */
  readonly multiplier: number;
  /** Opportunities that arrived in the tick. */
  readonly opportunities: number;
  readonly spend: number;
  readonly wins: number;
  readonly exposures: number;
  /** Realised paid conversions. */
  readonly conversions: number;
  /** Sum of the true conversion probabilities of the tick's exposures (conversions without luck). */
  readonly expectedConversions: number;
  /** Sum of the advertiser's own predicted probabilities over the tick's exposures. */
  readonly predictedConversions: number;
  /** Budget left for the rest of the episode; never negative (the hard cap holds). */
  readonly remainingBudget: number;
}

/** An episode that an outside controller plays tick by tick for one focal advertiser. */
export interface MarketSession {
  /** The focal advertiser's index. */
  readonly focal: number;
  /** Ticks in the episode. */
  readonly ticks: number;
  /** The next tick to play; equals `ticks` when the episode is over. */
  readonly tick: number;
  readonly done: boolean;
  /** What the focal advertiser sees now, exactly as a policy would. */
  observe(): TickObservation;
  /** Plays the next tick with the focal advertiser bidding `multiplier × pCVR × targetCpa`. */
  step(multiplier: number): TickReport;
  /** The whole episode's result, once `done`. */
  result(): EpisodeResult;
}

/** Options of {@link startSession}. */
export interface SessionOptions {
  /** A value model to reuse across episodes of the same market. */
  readonly model?: ValueModel;
  /** Advertisers whose market stream to record (default none). */
  readonly record?: readonly number[];
  /** Name of the focal advertiser's policy in the result (default `external`). */
  readonly policyName?: string;
}

/**
 * Starts an episode in which the focal advertiser's multiplier is decided from outside, one tick
 * at a time, while every other advertiser runs the market's competitor mix. It is `runEpisode`
 * paused between ticks (the same generator, the same engine, the same hard budget cap), so a
 * controller that replays a policy's decisions gets exactly that policy's episode.
 *
 * @example
 * ```ts
 * const session = startSession(auctionNetMarket({ opportunities: 20_000 }), 7, 1);
 * while (!session.done) {
 *   const seen = session.observe();
 *   session.step(seen.spend > seen.budget / 2 ? 0.8 : 1.1);
 * }
 * session.result().advertisers[7]?.conversions;
 * ```
 */
export function startSession(
  market: MarketConfig,
  focal: number,
  seed: number,
  options: SessionOptions = {},
): MarketSession {
  const n = market.campaigns.length;
  if (!Number.isInteger(focal) || focal < 0 || focal >= n)
    throw new InvalidInputError('focal advertiser', `an integer in 0..${n - 1}`, focal);
  let next = 0;
  const external: PolicyFactory = {
    name: options.policyName ?? 'external',
    usesWhatIf: false,
    create: () => ({ multiplier: () => next }),
  };
  const ticks = episodeTicks(market, { policy: external, advertisers: [focal] }, seed, {
    record: options.record ?? [],
    ...(options.model ? { model: options.model } : {}),
  });
  let cursor: EpisodeCursor = started(ticks.next());
  let result: EpisodeResult | undefined;
  return {
    focal,
    ticks: market.ticks,
    get tick() {
      return cursor.tick;
    },
    get done() {
      return cursor.tick >= market.ticks;
    },
    observe: () => cursor.observe(focal),
    step(multiplier) {
      if (cursor.tick >= market.ticks)
        throw new InvalidInputError('session step', `at most ${market.ticks} ticks`, cursor.tick + 1);
      next = multiplier;
      cursor = started(ticks.next());
      const t = cursor.tick - 1;
      const sums = cursor.lastTick(focal);
      const seen = cursor.observe(focal);
      return {
        tick: t,
        multiplier: seen.history.multiplier[t] ?? 0,
        opportunities: seen.history.opportunities[t] ?? 0,
        spend: sums?.spend ?? 0,
        wins: sums?.wins ?? 0,
        exposures: sums?.exposures ?? 0,
        conversions: sums?.conversions ?? 0,
        expectedConversions: sums?.trueConversions ?? 0,
        predictedConversions: sums?.predictedConversions ?? 0,
        remainingBudget: Math.max(0, seen.remainingBudget),
      };
    },
    result() {
      if (result) return result;
      if (cursor.tick < market.ticks)
        throw new InvalidInputError('session result', `all ${market.ticks} ticks played`, cursor.tick);
      const end = ticks.next();
      if (!end.done) throw new Error('simulator: the episode generator yielded past its last tick');
      result = end.value;
      return result;
    },
  };
}

function started(step: IteratorResult<EpisodeCursor, EpisodeResult>): EpisodeCursor {
  if (step.done) throw new Error('simulator: the episode generator ended before its last cursor');
  return step.value;
}
