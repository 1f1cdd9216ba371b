import { hashUniform } from './random.js';

/**
 * Paid and organic sales of one advertiser over an episode.
 *
 * - `baseline`: organic sales that happen with no ads at all (the counterfactual), drawn per tick
 *   from the traffic and the advertiser's base rate; policy-independent.
 * - `displaced`: paid conversions by users who would have bought anyway (they leave the organic
 *   pool; at most `baseline`).
 * - `halo`: extra organic sales caused by paid exposures.
 *
 * So `organic = baseline − displaced + halo`, `total = paid + organic`, and
 * `incremental = total − baseline = paid − displaced + halo`: what the ads really added.
 */
export interface SalesOutcome {
  readonly paid: number;
  readonly baseline: number;
  readonly displaced: number;
  readonly halo: number;
  readonly organic: number;
  readonly total: number;
  readonly incremental: number;
}

const ORGANIC_SALT = 0x6f7267;

/**
 * A Poisson draw by inversion of one uniform (exact; the means here are small).
 *
 * @example
 * ```ts
 * poissonFromUniform(2.5, 0.5); // 2
 * ```
 */
export function poissonFromUniform(mean: number, u: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 200) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normalFromUniform(u)));
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  while (u > cumulative && k < 10_000) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

function normalFromUniform(u: number): number {
  // Logistic approximation, enough for the rare large-mean case.
  const clipped = Math.min(1 - 1e-12, Math.max(1e-12, u));
  return Math.log(clipped / (1 - clipped)) * 0.5513;
}

/**
 * The organic baseline of an advertiser: one Poisson draw per tick with mean
 * `rate × opportunities in tick`, from counter-based coins (same for every policy).
 *
 * @example
 * ```ts
 * organicBaseline({ seed, advertiser: 3, rate: 5e-5, opportunitiesPerTick: counts });
 * ```
 */
export function organicBaseline(args: {
  seed: number;
  advertiser: number;
  rate: number;
  opportunitiesPerTick: ArrayLike<number>;
}): number {
  let total = 0;
  for (let t = 0; t < args.opportunitiesPerTick.length; t++) {
    const u = hashUniform(args.seed ^ ORGANIC_SALT, t, args.advertiser);
    total += poissonFromUniform(args.rate * (args.opportunitiesPerTick[t] ?? 0), u);
  }
  return total;
}

/**
 * Combines paid conversions, the baseline, the displaced and the halo sales into a {@link SalesOutcome}.
 *
 * @example
 * ```ts
 * salesOutcome({ paid: 40, baseline: 25, displaced: 8, halo: 12 }).incremental; // 44
 * ```
 */
export function salesOutcome(args: {
  paid: number;
  baseline: number;
  displaced: number;
  halo: number;
}): SalesOutcome {
  const displaced = Math.min(args.displaced, args.baseline);
  const organic = args.baseline - displaced + args.halo;
  const total = args.paid + organic;
  return {
    paid: args.paid,
    baseline: args.baseline,
    displaced,
    halo: args.halo,
    organic,
    total,
    incremental: total - args.baseline,
  };
}
