import { normalQuantile } from '../../simulator/random.js';
import { seededRandom } from './seeds.js';

/** A mean with its 95% interval and the number of values behind it. */
export interface Estimate {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

/** The standard normal quantile, shared with the simulator (one implementation). */
export { normalQuantile };

/**
 * Student's t quantile: exact for 1 and 2 degrees of freedom, else the Cornish–Fisher expansion
 * around the normal quantile (Abramowitz & Stegun 26.7.5; error < 1e-3 from 3 df on).
 *
 * @example
 * ```ts
 * tQuantile(0.975, 10); // ≈ 2.228
 * ```
 */
export function tQuantile(p: number, df: number): number {
  if (df < 1) throw new RangeError(`expected df >= 1; received ${df}`);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  const g1 = (z3 + z) / 4;
  const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  const g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/**
 * The mean and its 95% t-interval, clipped to the metric's possible range when one is given (a
 * share cannot exceed 1, and near 0 and 1 the t-interval overshoots). One value gives a zero-width
 * interval (nothing to go on).
 *
 * @example
 * ```ts
 * meanInterval([0.6, 0.7, 0.8]); // { mean: 0.7, low: 0.45…, high: 0.94…, n: 3 }
 * ```
 */
export function meanInterval(values: readonly number[], range?: readonly [number, number]): Estimate {
  const n = values.length;
  if (n === 0) return { mean: NaN, low: NaN, high: NaN, n: 0 };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { mean, low: mean, high: mean, n };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const half = tQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  const [min, max] = range ?? [-Infinity, Infinity];
  return { mean, low: Math.max(min, mean - half), high: Math.min(max, mean + half), n };
}

/**
 * A percentile-bootstrap 95% interval of any statistic of a sample, with a seeded resampler so the
 * interval is the same on every run. For statistics that are not means (AUC pooled over users,
 * macro-F1 over classes).
 *
 * @example
 * ```ts
 * bootstrapInterval(pairs, (xs) => macroF1(xs), { seed: 42 });
 * ```
 */
export function bootstrapInterval<T>(
  sample: readonly T[],
  statistic: (resample: readonly T[]) => number,
  options: { seed: number; resamples?: number },
): Estimate {
  const n = sample.length;
  const point = statistic(sample);
  if (n < 2) return { mean: point, low: point, high: point, n };
  const random = seededRandom(options.seed);
  const b = options.resamples ?? 1000;
  const stats: number[] = [];
  const resample: T[] = new Array<T>(n);
  for (let i = 0; i < b; i++) {
    for (let j = 0; j < n; j++) resample[j] = sample[Math.floor(random() * n)]!;
    stats.push(statistic(resample));
  }
  stats.sort((x, y) => x - y);
  const at = (q: number) => stats[Math.min(b - 1, Math.max(0, Math.floor(q * b)))]!;
  return { mean: point, low: at(0.025), high: at(0.975), n };
}
