import { seededRandom } from './seeds.js';

/** A mean with its 95% interval and the number of values behind it. */
export interface Estimate {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

/** The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`expected 0 < p < 1; received ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const tail = (q: number) =>
    (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

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
