/**
 * Seeded randomness for the market. Two kinds, for two needs:
 *
 * - {@link RandomStream}: a fast sequential generator (sfc32). Each simulator component (traffic,
 *   values, competitors) owns one, and consumes a fixed number of draws per opportunity whatever the
 *   advertisers do, so two policies run on the same seed see the same market.
 * - {@link hashUniform}: a counter-based draw, a pure function of (seed, opportunity, advertiser).
 *   Outcomes (exposure depth, true conversion probability, conversion, halo) use it, so an outcome
 *   belongs to the opportunity and the advertiser, never to the order in which it was asked for —
 *   the property that lets replay and hindsight reuse the very same coins.
 */

const TWO_POW_32 = 4294967296;

/**
 * Mixes a 32-bit integer into a well-distributed one (lowbias32, C. Wellons).
 *
 * @example
 * ```ts
 * mix32(1) !== mix32(2); // true
 * ```
 */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A uniform draw in [0, 1) that depends only on its three integer arguments.
 *
 * @example
 * ```ts
 * hashUniform(7, 1000, 3) === hashUniform(7, 1000, 3); // true, whatever was drawn before
 * ```
 */
export function hashUniform(seed: number, a: number, b: number): number {
  return mix32((mix32((seed ^ 0x9e3779b9) + a) ^ Math.imul(b + 1, 0x85ebca6b)) + b) / TWO_POW_32;
}

/**
 * A small, fast, seeded sequential generator (sfc32). Not cryptographic.
 *
 * @example
 * ```ts
 * const rng = new RandomStream(42);
 * rng.next(); // a number in [0, 1), the same for every run with seed 42
 * ```
 */
export class RandomStream {
  /**
   * The generator's four words. A typed array rather than four fields: int32 values outside V8's
   * small-integer range would otherwise be boxed on every step. The hot loop copies them into
   * locals and writes them back (see typed-tick.ts).
   */
  readonly state = new Int32Array(4);

  constructor(seed: number) {
    this.state[0] = mix32(seed ^ 0x243f6a88);
    this.state[1] = mix32(seed ^ 0x85a308d3);
    this.state[2] = mix32(seed ^ 0x13198a2e);
    this.state[3] = 1;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** A uniform 32-bit unsigned integer. */
  nextU32(): number {
    const s = this.state;
    const a = s[0] as number;
    const b = s[1] as number;
    const c = s[2] as number;
    const d = s[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return t >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.nextU32() / TWO_POW_32;
  }

  /** A uniform number in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An independent child stream, for example one per competitor. */
  fork(): RandomStream {
    return new RandomStream(this.nextU32());
  }
}

/** The seeds of the market's independent random components. */
export interface ComponentSeeds {
  /** Opportunities per tick (perturbation of the traffic curve). */
  readonly traffic: number;
  /** Predicted conversion probabilities of every opportunity for every advertiser. */
  readonly values: number;
  /** Exposure depth, true conversion probability, conversions, halo, organic sales. */
  readonly outcomes: number;
  /** Which competitor runs which policy, with which parameters. */
  readonly competitors: number;
}

/**
 * Derives one seed per component from an episode seed, so that the components never share a stream.
 *
 * @example
 * ```ts
 * const seeds = componentSeeds(1);
 * new RandomStream(seeds.traffic);
 * ```
 */
export function componentSeeds(seed: number): ComponentSeeds {
  const base = mix32(seed ^ 0x5bd1e995);
  return {
    traffic: mix32(base + 1),
    values: mix32(base + 2),
    outcomes: mix32(base + 3),
    competitors: mix32(base + 4),
  };
}

/**
 * The standard normal quantile (inverse CDF), P. J. Acklam's rational approximation
 * (relative error below 1.2e-9), for p in (0, 1).
 *
 * @example
 * ```ts
 * normalQuantile(0.975); // 1.95996...
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile expects p in (0, 1), received ${p}`);
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
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/**
 * A table of `size` equally likely quantiles of a mean-one lognormal with log-sd `sigma`. Indexing
 * it with random bits draws from the distribution with one load instead of a log, a sqrt and a cos.
 *
 * @example
 * ```ts
 * const table = lognormalTable(0.5, 4096);
 * table[rng.nextU32() & 4095]; // a lognormal multiplier with mean 1
 * ```
 */
export function lognormalTable(sigma: number, size: number): Float64Array {
  const table = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    const value = Math.exp(sigma * normalQuantile((i + 0.5) / size));
    table[i] = value;
    sum += value;
  }
  const scale = size / sum;
  for (let i = 0; i < size; i++) table[i] = (table[i] ?? 0) * scale;
  return table;
}
