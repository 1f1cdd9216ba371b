import { normalQuantile } from './random.js';

/** A sample's mean with its two-sided 95 % Student-t confidence interval. */
export interface MetricSummary {
  readonly mean: number;
  /** Lower and upper ends of the 95 % interval of the mean. */
  readonly low: number;
  readonly high: number;
  /** Half-width of the interval (mean ± this). */
  readonly halfWidth: number;
  readonly sd: number;
  readonly n: number;
}

// Two-sided 95 % quantiles t(0.975, df) for df = 1..30.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom (table to 30, then the
 * Cornish–Fisher expansion around the normal quantile, error below 1e-4).
 *
 * @example
 * ```ts
 * t975(19); // 2.093
 * ```
 */
export function t975(df: number): number {
  if (df < 1) return Infinity;
  const tabled = T975[Math.floor(df) - 1];
  if (tabled !== undefined) return tabled;
  const z = normalQuantile(0.975);
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
}

/**
 * Mean, standard deviation and 95 % interval of a sample (non-finite values are ignored).
 *
 * @example
 * ```ts
 * summarise([1, 2, 3]); // { mean: 2, low: -0.48…, high: 4.48…, … }
 * ```
 */
export function summarise(sample: readonly number[]): MetricSummary {
  const xs = sample.filter((x) => Number.isFinite(x));
  const n = xs.length;
  if (n === 0) return { mean: NaN, low: NaN, high: NaN, halfWidth: NaN, sd: NaN, n };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? xs.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (n - 1) : 0;
  const sd = Math.sqrt(variance);
  const halfWidth = n > 1 ? (t975(n - 1) * sd) / Math.sqrt(n) : 0;
  return { mean, low: mean - halfWidth, high: mean + halfWidth, halfWidth, sd, n };
}
