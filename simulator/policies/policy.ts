import type { Campaign } from '../data.js';
import type { WhatIfCurve } from '../what-if.js';

/** What an advertiser has seen in past ticks; entries `[0, tick)` are filled, the rest are zero. */
export interface PolicyHistory {
  readonly spend: Float64Array;
  readonly wins: Float64Array;
  readonly exposures: Float64Array;
  readonly conversions: Float64Array;
  /** Sum of the advertiser's own predicted pCVR over its exposures (its estimate of conversions). */
  readonly predictedConversions: Float64Array;
  /** Opportunities that arrived in each tick. */
  readonly opportunities: Float64Array;
  /** The multiplier the policy chose in each tick. */
  readonly multiplier: Float64Array;
}

/** The state a policy sees at the start of a tick. */
export interface TickObservation {
  readonly tick: number;
  readonly ticks: number;
  readonly budget: number;
  readonly targetCpa: number;
  readonly remainingBudget: number;
  readonly spend: number;
  readonly conversions: number;
  readonly predictedConversions: number;
  readonly history: PolicyHistory;
  /** Present when the policy's factory asks for it ({@link PolicyFactory.usesWhatIf}). */
  readonly whatIf: WhatIfCurve | undefined;
}

/** What a policy knows when it is created, before the episode starts. */
export interface PolicyContext {
  readonly campaign: Campaign;
  readonly ticks: number;
  /** The public base traffic curve (one share per tick, summing to 1), not this episode's perturbation. */
  readonly trafficCurve: readonly number[];
  /** Exposure probability of each slot. */
  readonly exposure: readonly number[];
}

/**
 * A bidding policy acts once per tick: it returns the multiplier alpha, and the engine bids
 * `alpha × pCVR × targetCpa` on every opportunity of the tick (capped at the remaining budget).
 * Per-tick decisions keep the per-opportunity loop free of policy code.
 */
export interface BiddingPolicy {
  multiplier(observation: TickObservation): number;
}

/**
 * Creates a fresh policy per advertiser per episode.
 *
 * @example
 * ```ts
 * const half: PolicyFactory = { name: 'half', usesWhatIf: false, create: () => ({ multiplier: () => 0.5 }) };
 * ```
 */
export interface PolicyFactory {
  readonly name: string;
  /** Whether the engine should compute the what-if curve for this advertiser (it costs a little). */
  readonly usesWhatIf: boolean;
  create(context: PolicyContext): BiddingPolicy;
}

/**
 * The share of the day's expected traffic in tick `tick` and the share still to come from its start.
 *
 * @example
 * ```ts
 * paceShares([0.25, 0.25, 0.5], 1); // { tick: 0.25, fromTick: 0.75 }
 * ```
 */
export function paceShares(curve: readonly number[], tick: number): { tick: number; fromTick: number } {
  let fromTick = 0;
  let total = 0;
  for (let t = 0; t < curve.length; t++) {
    const s = curve[t] ?? 0;
    total += s;
    if (t >= tick) fromTick += s;
  }
  return { tick: (curve[tick] ?? 0) / total, fromTick: fromTick / total };
}
