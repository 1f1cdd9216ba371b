import type { Campaign } from './data.js';
import { hindsightOptimum, type HindsightResult } from './hindsight.js';
import { exposureDepth, trueConversionProbability, type ValueModel } from './values.js';

/**
 * The market as one advertiser faced it in an episode, with that advertiser's own bids removed:
 * for every opportunity its predicted pCVR and the competitors' top bids (the price of each slot
 * for it under GSP). Outcome coins are counter-based, so with the seed and the value model the
 * stream also fixes exposure depth, true pCVR and conversions. It is what replay mode bids
 * against and what the hindsight optimum is computed on.
 */
export interface MarketStream {
  readonly advertiser: number;
  readonly campaign: Campaign;
  readonly ticks: number;
  /** `tickStart[t]` is the first opportunity of tick t; `tickStart[ticks]` the total. */
  readonly tickStart: Int32Array;
  readonly slots: number;
  readonly exposure: readonly number[];
  readonly reservePrice: number;
  readonly trafficCurve: readonly number[];
  readonly predicted: Float64Array;
  /** `prices[o * slots + k]`: the k-th highest competing bid at opportunity o. */
  readonly prices: Float64Array;
  readonly outcomeSeed: number;
  readonly model: ValueModel;
  readonly haloLift: number;
  readonly overlap: number;
  /** The advertiser's organic baseline rate per opportunity. */
  readonly organicRate: number;
}

/** The two hindsight optima of a stream; see {@link streamHindsight}. */
export interface StreamHindsight {
  /** Knowing every price and true pCVR of the day, but not where each user stops scrolling. */
  readonly planned: HindsightResult;
  /** Knowing also which slots each user saw: an exact bound on every realised outcome. */
  readonly clairvoyant: HindsightResult;
}

/**
 * Items of the clairvoyant problem: knowing how deep the user scrolled (which slots were seen)
 * and the true pCVR, the cheapest way to get a seen impression is the deepest seen slot at its
 * price (every seen slot converts alike); opportunities nobody saw offer nothing. Conversion coin
 * flips are not known — values are probabilities.
 *
 * @example
 * ```ts
 * const { costs, values } = clairvoyantItems(stream);
 * ```
 */
export function clairvoyantItems(stream: MarketStream): { costs: Float64Array; values: Float64Array } {
  const n = stream.predicted.length;
  const costs = new Float64Array(n);
  const values = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    const depth = exposureDepth(stream.outcomeSeed, o, stream.exposure);
    if (depth === 0) continue;
    costs[o] = stream.prices[o * stream.slots + depth - 1] ?? 0;
    values[o] = trueConversionProbability(
      stream.model,
      stream.outcomeSeed,
      o,
      stream.advertiser,
      stream.predicted[o] ?? 0,
    );
  }
  return { costs, values };
}

/**
 * Items of the planned problem, a multiple-choice knapsack: at each opportunity the advertiser may
 * take one slot k, expected cost `exposure[k] × price[k]`, expected conversions
 * `exposure[k] × true pCVR`. Its LP relaxation is solved exactly by the greedy on the upper convex
 * hull of each opportunity's options: the hull's segments (from nothing to the cheapest efficient
 * slot, then each upgrade) have decreasing efficiency, so sorting all segments by cost per
 * conversion takes each opportunity's upgrades in order, and a greedy prefix is a real slot plan.
 *
 * @example
 * ```ts
 * const { costs, values } = plannedItems(stream); // up to `slots` segments per opportunity
 * ```
 */
export function plannedItems(stream: MarketStream): { costs: Float64Array; values: Float64Array } {
  const { slots, exposure, prices } = stream;
  const n = stream.predicted.length;
  const costs = new Float64Array(n * slots);
  const values = new Float64Array(n * slots);
  const hullX = new Float64Array(slots + 1);
  const hullY = new Float64Array(slots + 1);
  let m = 0;
  for (let o = 0; o < n; o++) {
    const p = trueConversionProbability(
      stream.model,
      stream.outcomeSeed,
      o,
      stream.advertiser,
      stream.predicted[o] ?? 0,
    );
    if (!(p > 0)) continue;
    let h = 1;
    hullX[0] = 0;
    hullY[0] = 0;
    for (let k = slots - 1; k >= 0; k--) {
      const e = exposure[k] ?? 0;
      const x = e * (prices[o * slots + k] ?? 0);
      const y = e * p;
      if (!(y > (hullY[h - 1] ?? 0))) continue;
      while (h >= 2) {
        const x1 = hullX[h - 2] ?? 0;
        const y1 = hullY[h - 2] ?? 0;
        const x2 = hullX[h - 1] ?? 0;
        const y2 = hullY[h - 1] ?? 0;
        // Drop the last vertex when it lies on or under the chord to the new point.
        if ((y2 - y1) * (x - x1) <= (y - y1) * (x2 - x1)) h--;
        else break;
      }
      hullX[h] = x;
      hullY[h] = y;
      h++;
    }
    for (let i = 1; i < h; i++) {
      costs[m] = (hullX[i] ?? 0) - (hullX[i - 1] ?? 0);
      values[m] = (hullY[i] ?? 0) - (hullY[i - 1] ?? 0);
      m++;
    }
  }
  return { costs: costs.subarray(0, m), values: values.subarray(0, m) };
}

/**
 * The hindsight optima of a campaign on the stream it faced, competitors fixed (see
 * {@link hindsightOptimum} for what is exact and what is bounded):
 *
 * - `planned`: the best plan knowing every price and true pCVR, exposure in expectation. It bounds
 *   the expected outcome of any policy's decisions (`decisionScore`) whenever their expected
 *   spend is within budget; the competitive ratio is measured against it.
 * - `clairvoyant`: knowing also each user's scroll depth. It bounds every realised outcome
 *   (`expectedScore`, true pCVR summed over the impressions actually seen) with no condition.
 *
 * @example
 * ```ts
 * const result = runEpisode(market, { policy: dualPacing(), advertisers: [7] }, 1);
 * const { planned } = streamHindsight(result.streams.get(7)!);
 * ```
 */
export function streamHindsight(stream: MarketStream): StreamHindsight {
  const { budget, targetCpa } = stream.campaign;
  return {
    planned: hindsightOptimum({ ...plannedItems(stream), budget, targetCpa }),
    clairvoyant: hindsightOptimum({ ...clairvoyantItems(stream), budget, targetCpa }),
  };
}
