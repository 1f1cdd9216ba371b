import type { MarketConfig } from './market-config.js';
import type { RandomStream } from './random.js';
import {
  OUTCOME,
  TABLE_MASK,
  exposureDepth,
  outcomeUniform,
  trueConversionProbability,
  type ValueModel,
} from './values.js';
import { WHAT_IF_BINS, addWhatIf, cumulativeWhatIf, type WhatIfCurve } from './what-if.js';

/** Per-advertiser counters of one tick, reset by {@link resetTickCounters}. */
export interface TickCounters {
  readonly spend: Float64Array;
  readonly wins: Float64Array;
  readonly exposures: Float64Array;
  readonly conversions: Float64Array;
  /** Sum of true conversion probabilities over exposures (what the market really offered). */
  readonly trueConversions: Float64Array;
  /** Sum of predicted conversion probabilities over exposures (what the advertiser believes). */
  readonly predictedConversions: Float64Array;
  readonly halo: Float64Array;
  readonly displaced: Float64Array;
  /** Σ over won slots of exposure × price: the expected spend of the advertiser's decisions. */
  readonly decisionSpend: Float64Array;
  /** Σ over won slots of exposure × true pCVR: the expected conversions of its decisions. */
  readonly decisionConversions: Float64Array;
}

/** A recorder of the market as one advertiser faced it (see {@link MarketStream}). */
export interface StreamRecorder {
  readonly advertiser: number;
  readonly predicted: Float64Array;
  /** `prices[o * slots + k]`: the k-th highest competing bid at opportunity o. */
  readonly prices: Float64Array;
}

/**
 * Mutable state of a game episode, all typed arrays, shared by the auction engines. One object,
 * one shape: the hot loop loads its fields into locals once per tick.
 */
export interface EngineState {
  readonly advertisers: number;
  readonly slots: number;
  readonly exposure: Float64Array;
  readonly reservePrice: number;
  readonly model: ValueModel;
  readonly outcomeSeed: number;
  readonly values: RandomStream;
  readonly targetCpa: Float64Array;
  /** This tick's `alpha × targetCpa`: the bid per unit of predicted conversion probability. */
  readonly bidScale: Float64Array;
  /** Remaining budget; a bid is capped at it, so spend can never exceed the budget. */
  readonly remaining: Float64Array;
  /**
   * The current opportunity's draws: user activeness, offset of its in-market category's row in
   * `model.rowFactor`, and the 32 random bits shared by each pair of advertisers (12 bits each).
   * Predictions are recomputed from them only for the few advertisers settlement needs
   * ({@link predictedOf}), so the hot loop stores nothing per advertiser.
   */
  user: number;
  row: number;
  readonly pairBits: Int32Array;
  /** `rowFactor × bidScale` for this tick: a bid upper bound in one multiply (see typed-tick.ts). */
  readonly scaledRow: Float64Array;
  /** The current opportunity's top `slots + 1` bids (highest first) and their bidders (-1 = none). */
  readonly topBids: Float64Array;
  readonly topBidders: Int32Array;
  readonly counters: TickCounters;
  readonly haloLift: number;
  readonly overlap: number;
  readonly recorders: readonly StreamRecorder[];
  /** Advertisers whose what-if curve is kept, and their increments (`WHAT_IF_BINS` per advertiser). */
  readonly whatIfAdvertisers: Int32Array;
  readonly whatIfSpend: Float64Array;
  readonly whatIfConversions: Float64Array;
  /** Opportunities seen so far (the what-if curves' denominator). */
  seen: number;
  /** Position of each advertiser in the current top list, `slots + 1` when absent. */
  readonly rank: Int32Array;
}

function counters(n: number): TickCounters {
  return {
    spend: new Float64Array(n),
    wins: new Float64Array(n),
    exposures: new Float64Array(n),
    conversions: new Float64Array(n),
    trueConversions: new Float64Array(n),
    predictedConversions: new Float64Array(n),
    halo: new Float64Array(n),
    displaced: new Float64Array(n),
    decisionSpend: new Float64Array(n),
    decisionConversions: new Float64Array(n),
  };
}

/**
 * Creates the engine state of one episode.
 *
 * Internal to the simulator (not exported from its index); reached through `runEpisode`.
 */
export function createEngineState(args: {
  market: MarketConfig;
  model: ValueModel;
  values: RandomStream;
  outcomeSeed: number;
  record: readonly number[];
  whatIf: readonly number[];
  opportunities: number;
}): EngineState {
  const { market } = args;
  const n = market.campaigns.length;
  const slots = market.exposure.length;
  return {
    advertisers: n,
    slots,
    exposure: Float64Array.from(market.exposure),
    reservePrice: market.reservePrice,
    model: args.model,
    outcomeSeed: args.outcomeSeed,
    values: args.values,
    targetCpa: Float64Array.from(market.campaigns, (c) => c.targetCpa),
    bidScale: new Float64Array(n),
    remaining: Float64Array.from(market.campaigns, (c) => c.budget),
    user: 0,
    row: 0,
    pairBits: new Int32Array((n + 1) >> 1),
    scaledRow: new Float64Array(args.model.rowFactor.length),
    topBids: new Float64Array(slots + 1),
    topBidders: new Int32Array(slots + 1),
    counters: counters(n),
    haloLift: market.organic.haloLift,
    overlap: market.organic.overlap,
    recorders: args.record.map((advertiser) => ({
      advertiser,
      predicted: new Float64Array(args.opportunities),
      prices: new Float64Array(args.opportunities * slots),
    })),
    whatIfAdvertisers: Int32Array.from(args.whatIf),
    whatIfSpend: new Float64Array(args.whatIf.length * WHAT_IF_BINS),
    whatIfConversions: new Float64Array(args.whatIf.length * WHAT_IF_BINS),
    seen: 0,
    rank: new Int32Array(n).fill(slots + 1),
  };
}

/**
 * The what-if curve of the i-th what-if advertiser, as its policy sees it.
 *
 * Internal to the simulator (not exported from its index); reached through `runEpisode`.
 */
export function whatIfCurveOf(state: EngineState, i: number): WhatIfCurve {
  return cumulativeWhatIf(state.whatIfSpend, state.whatIfConversions, i * WHAT_IF_BINS, state.seen);
}

/**
 * The predicted conversion probability of advertiser `a` for the current opportunity:
 * `min(maxCvr, user × rowFactor × idio)`, the same expression, in the same order, as the engines.
 *
 * Internal to the simulator (not exported from its index); reached through `runEpisode`.
 */
export function predictedOf(state: EngineState, a: number): number {
  const bits = state.pairBits[a >> 1] as number;
  const index = (a & 1) === 0 ? bits & TABLE_MASK : (bits >>> 16) & TABLE_MASK;
  const { model } = state;
  const p = state.user * (model.rowFactor[state.row + a] as number) * (model.idioTable[index] as number);
  return p > model.maxCvr ? model.maxCvr : p;
}

/**
 * Zeroes the per-tick counters.
 *
 * Internal to the simulator (not exported from its index); reached through `runEpisode`.
 */
export function resetTickCounters(c: TickCounters): void {
  c.spend.fill(0);
  c.wins.fill(0);
  c.exposures.fill(0);
  c.conversions.fill(0);
  c.trueConversions.fill(0);
  c.predictedConversions.fill(0);
  c.halo.fill(0);
  c.displaced.fill(0);
  c.decisionSpend.fill(0);
  c.decisionConversions.fill(0);
}

/**
 * Settles opportunity `o` once `topBids`/`topBidders` and the draws hold its auction: the k-th
 * highest bidder takes slot k and, if the slot is seen, pays the (k+1)-th bid (generalised
 * second price, pay on exposure); conversions, halo and displaced organic sales are drawn from the
 * counter-based outcome coins; recorders and what-if curves are fed with the prices each of their
 * advertisers faced (the top bids of everyone else: with competitors fixed, slot k costs exactly
 * the k-th of them).
 *
 * Internal to the simulator (not exported from its index); reached through `runEpisode`.
 */
export function settleOpportunity(state: EngineState, o: number): void {
  const { topBids, topBidders, slots, counters: c, remaining, outcomeSeed, rank } = state;
  const depth = exposureDepth(outcomeSeed, o, state.exposure);
  for (let k = 0; k < slots; k++) {
    const w = topBidders[k] ?? -1;
    if (w < 0) break;
    c.wins[w] = (c.wins[w] ?? 0) + 1;
    // The price is the next bid, which never exceeds w's bid, which never exceeds w's remaining budget.
    const price = topBids[k + 1] ?? state.reservePrice;
    const p = predictedOf(state, w);
    const trueP = trueConversionProbability(state.model, outcomeSeed, o, w, p);
    const e = state.exposure[k] ?? 0;
    c.decisionSpend[w] = (c.decisionSpend[w] ?? 0) + e * price;
    c.decisionConversions[w] = (c.decisionConversions[w] ?? 0) + e * trueP;
    if (k >= depth) continue;
    remaining[w] = (remaining[w] ?? 0) - price;
    c.spend[w] = (c.spend[w] ?? 0) + price;
    c.exposures[w] = (c.exposures[w] ?? 0) + 1;
    c.trueConversions[w] = (c.trueConversions[w] ?? 0) + trueP;
    c.predictedConversions[w] = (c.predictedConversions[w] ?? 0) + p;
    if (outcomeUniform(outcomeSeed, o, w, OUTCOME.conversion) < trueP) {
      c.conversions[w] = (c.conversions[w] ?? 0) + 1;
      if (outcomeUniform(outcomeSeed, o, w, OUTCOME.overlap) < state.overlap) {
        c.displaced[w] = (c.displaced[w] ?? 0) + 1;
      }
    }
    if (outcomeUniform(outcomeSeed, o, w, OUTCOME.halo) < state.haloLift * trueP) {
      c.halo[w] = (c.halo[w] ?? 0) + 1;
    }
  }
  state.seen++;
  if (state.recorders.length === 0 && state.whatIfAdvertisers.length === 0) return;
  for (let k = 0; k <= slots; k++) {
    const w = topBidders[k] ?? -1;
    if (w >= 0) rank[w] = k;
  }
  for (const r of state.recorders) {
    const skip = rank[r.advertiser] ?? slots + 1;
    r.predicted[o] = predictedOf(state, r.advertiser);
    for (let k = 0; k < slots; k++) r.prices[o * slots + k] = topBids[k >= skip ? k + 1 : k] ?? 0;
  }
  const whatIf = state.whatIfAdvertisers;
  for (let i = 0; i < whatIf.length; i++) {
    const a = whatIf[i] as number;
    const p = predictedOf(state, a);
    const value = p * (state.targetCpa[a] as number);
    addWhatIf(
      state.whatIfSpend,
      state.whatIfConversions,
      i * WHAT_IF_BINS,
      topBids,
      0,
      rank[a] as number,
      state.exposure,
      p,
      value,
    );
  }
  for (let k = 0; k <= slots; k++) {
    const w = topBidders[k] ?? -1;
    if (w >= 0) rank[w] = slots + 1;
  }
}
