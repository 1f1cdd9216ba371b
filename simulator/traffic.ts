import type { RandomStream } from './random.js';

/** Per-episode perturbation of a traffic curve (see {@link MarketConfig.trafficPerturbation}). */
export interface TrafficPerturbation {
  readonly window: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Opportunities per tick for one episode: the base curve, each `window` of ticks scaled by a uniform
 * factor in [low, high] (AuctionNet's per-episode perturbation), renormalised, then rounded to whole
 * opportunities by largest remainder so that the ticks add up to exactly `total`.
 *
 * @example
 * ```ts
 * const counts = opportunitiesPerTick([0.25, 0.25, 0.5], 1000, new RandomStream(1), null);
 * // Int32Array [250, 250, 500]
 * ```
 */
export function opportunitiesPerTick(
  curve: readonly number[],
  total: number,
  rng: RandomStream,
  perturbation: TrafficPerturbation | null,
): Int32Array {
  const ticks = curve.length;
  const weights = new Float64Array(ticks);
  let factor = 1;
  for (let t = 0; t < ticks; t++) {
    if (perturbation && t % perturbation.window === 0)
      factor = rng.uniform(perturbation.low, perturbation.high);
    weights[t] = (curve[t] ?? 0) * factor;
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = new Int32Array(ticks);
  const remainders: { tick: number; rest: number }[] = [];
  let assigned = 0;
  for (let t = 0; t < ticks; t++) {
    const exact = ((weights[t] ?? 0) / sum) * total;
    const whole = Math.floor(exact);
    counts[t] = whole;
    assigned += whole;
    remainders.push({ tick: t, rest: exact - whole });
  }
  remainders.sort((x, y) => y.rest - x.rest || x.tick - y.tick);
  for (let i = 0; i < total - assigned; i++) {
    const r = remainders[i % ticks];
    if (r) counts[r.tick] = (counts[r.tick] ?? 0) + 1;
  }
  return counts;
}

/**
 * The share of the day's traffic still to come after each tick, from the public base curve: the
 * expectation a pacing policy can form without knowing the episode's perturbation.
 *
 * @example
 * ```ts
 * remainingShare([0.25, 0.25, 0.5]); // Float64Array [0.75, 0.5, 0]
 * ```
 */
export function remainingShare(curve: readonly number[]): Float64Array {
  const total = curve.reduce((a, b) => a + b, 0);
  const out = new Float64Array(curve.length);
  let rest = total;
  for (let t = 0; t < curve.length; t++) {
    rest -= curve[t] ?? 0;
    out[t] = Math.max(0, rest / total);
  }
  return out;
}
