/**
 * What-if curves: what an advertiser would have spent and converted (in expectation, by its own
 * predictions) had it bid `alpha × pCVR × targetCpa` with each alpha of a fixed grid, on the
 * opportunities seen so far, against the competing bids it observed. AuctionNet agents see the
 * least winning cost of past opportunities; this is that log, summarised per slot so that the
 * budget of a threshold policy can be planned without keeping every opportunity.
 */

/**
 * The alpha grid: 8 points per octave from 2^-5 to 2^4. Bins are read straight from the bits of a
 * float64 (exponent and top 3 mantissa bits) — a logarithm without `Math.log`, deterministic, and
 * cheap enough to run for every opportunity of every advertiser that asks for it.
 */
const BINS_PER_OCTAVE_BITS = 3;
const MIN_EXPONENT = -5;
const MAX_EXPONENT = 4;
/** Number of grid points. */
export const WHAT_IF_BINS = (MAX_EXPONENT - MIN_EXPONENT) << BINS_PER_OCTAVE_BITS;

/**
 * The alpha grid of every what-if curve: entry j is the upper edge of bin j, so an opportunity that
 * needs alpha q (bid must exceed q × pCVR × CPA) is won at every grid alpha from bin(q) on.
 */
export const WHAT_IF_ALPHAS: Float64Array = Float64Array.from({ length: WHAT_IF_BINS }, (_, j) => {
  const octave = MIN_EXPONENT + (j >> BINS_PER_OCTAVE_BITS);
  const step = (j & ((1 << BINS_PER_OCTAVE_BITS) - 1)) + 1;
  return 2 ** octave * (1 + step / (1 << BINS_PER_OCTAVE_BITS));
});

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * The first grid index whose alpha strictly exceeds `q` (≥ WHAT_IF_BINS when none does).
 *
 * @example
 * ```ts
 * WHAT_IF_ALPHAS[whatIfBin(1)]; // 1.125, the first grid alpha above 1
 * ```
 */
export function whatIfBin(q: number): number {
  scratch[0] = q;
  const high = words[HIGH] as number;
  const exponent = ((high >>> 20) & 0x7ff) - 1023;
  if (exponent < MIN_EXPONENT) return 0;
  if (exponent >= MAX_EXPONENT) return WHAT_IF_BINS;
  return ((exponent - MIN_EXPONENT) << BINS_PER_OCTAVE_BITS) + ((high >>> (20 - BINS_PER_OCTAVE_BITS)) & 7);
}

/**
 * The cumulative what-if curve a policy observes: entry j is the expected spend / predicted
 * conversions over the `opportunities` seen so far had the multiplier been `alphas[j]` throughout.
 */
export interface WhatIfCurve {
  readonly alphas: Float64Array;
  readonly spend: Float64Array;
  readonly conversions: Float64Array;
  readonly opportunities: number;
}

/**
 * Adds one opportunity to what-if increments stored at `spend[offset + bin]` and
 * `conversions[offset + bin]`. The advertiser's competing prices (highest first) are
 * `source[start + k]`, skipping index `skip` (where the advertiser's own bid sits, if it is among
 * them); `value` is its bid at alpha 1 (pCVR × targetCpa). Bidding above the price of slot k wins
 * slot k instead of slot k + 1, so each bin gets the difference in expected spend and conversions.
 *
 * @example
 * ```ts
 * addWhatIf(spend, conversions, 0, Float64Array.of(0.9, 0.6, 0.4), 0, 3, exposure, 0.01, 0.01 * 50);
 * ```
 */
export function addWhatIf(
  spend: Float64Array,
  conversions: Float64Array,
  offset: number,
  source: Float64Array,
  start: number,
  skip: number,
  exposure: Float64Array,
  predicted: number,
  value: number,
): void {
  if (!(value > 0)) return;
  const inverse = 1 / value;
  let upperPrice = 0;
  let upperExposure = 0;
  for (let k = exposure.length - 1; k >= 0; k--) {
    const price = source[start + (k >= skip ? k + 1 : k)] as number;
    const e = exposure[k] as number;
    const bin = whatIfBin(price * inverse);
    // Prices rise as k falls: once a slot is out of the grid's reach, so are all above it.
    if (bin >= WHAT_IF_BINS) return;
    spend[offset + bin] = (spend[offset + bin] as number) + (e * price - upperExposure * upperPrice);
    conversions[offset + bin] = (conversions[offset + bin] as number) + (e - upperExposure) * predicted;
    upperPrice = price;
    upperExposure = e;
  }
}

/**
 * The cumulative curve (as a policy sees it) from increments stored at `offset`.
 *
 * @example
 * ```ts
 * const curve = cumulativeWhatIf(spendIncrements, conversionIncrements, 0, 1_000);
 * curve.spend[curve.spend.length - 1]; // expected spend at the highest alpha
 * ```
 */
export function cumulativeWhatIf(
  spendIncrement: Float64Array,
  conversionIncrement: Float64Array,
  offset: number,
  opportunities: number,
): WhatIfCurve {
  const spend = new Float64Array(WHAT_IF_BINS);
  const conversions = new Float64Array(WHAT_IF_BINS);
  let s = 0;
  let c = 0;
  for (let j = 0; j < WHAT_IF_BINS; j++) {
    s += spendIncrement[offset + j] ?? 0;
    c += conversionIncrement[offset + j] ?? 0;
    spend[j] = s;
    conversions[j] = c;
  }
  return { alphas: WHAT_IF_ALPHAS, spend, conversions, opportunities };
}
