import { hashUniform, lognormalTable, normalQuantile } from './random.js';
import type { MarketConfig } from './market-config.js';

/** Random tables are indexed with 12 random bits: one load instead of a log, a sqrt and a cos. */
export const TABLE_BITS = 12;
/** Mask selecting a table index from random bits. */
export const TABLE_MASK = (1 << TABLE_BITS) - 1;

/**
 * The episode-independent part of the value model, precomputed so that the hot loop is three loads
 * and two multiplications per bid evaluation (see {@link ValueParams} for the model).
 */
export interface ValueModel {
  readonly advertisers: number;
  readonly categories: number;
  /** Mean predicted conversion probability of each advertiser. */
  readonly baseRate: Float64Array;
  /** `rowFactor[c * advertisers + a]`: base rate of a, lifted when the user is in market for c. */
  readonly rowFactor: Float64Array;
  /** Mean-one lognormal quantiles of user activeness. */
  readonly userTable: Float64Array;
  /** Mean-one lognormal quantiles of the user × advertiser match. */
  readonly idioTable: Float64Array;
  /** Mean-one lognormal quantiles of the true probability's error around the prediction. */
  readonly truthTable: Float64Array;
  readonly maxCvr: number;
}

/**
 * Builds the value model of a market. Advertisers' base rates depend on their index only (not on
 * the episode seed): an advertiser's product is the same product every day.
 *
 * @example
 * ```ts
 * const model = buildValueModel(auctionNetMarket());
 * model.baseRate.length; // 48
 * ```
 */
export function buildValueModel(market: MarketConfig): ValueModel {
  const v = market.values;
  const advertisers = market.campaigns.length;
  const categories = market.categories;
  const meanLift = (v.categoryLift + categories - 1) / categories;
  const baseRate = new Float64Array(advertisers);
  for (let a = 0; a < advertisers; a++) {
    const z = normalQuantile(hashUniform(0x0ad5, a, 0) * 0.998 + 0.001);
    baseRate[a] =
      (v.baseCvr * Math.exp(v.advertiserSigma * z - (v.advertiserSigma * v.advertiserSigma) / 2)) / meanLift;
  }
  const rowFactor = new Float64Array(categories * advertisers);
  for (let c = 0; c < categories; c++) {
    for (let a = 0; a < advertisers; a++) {
      const lift = market.campaigns[a]?.category === c ? v.categoryLift : 1;
      rowFactor[c * advertisers + a] = (baseRate[a] ?? 0) * lift;
    }
  }
  const size = 1 << TABLE_BITS;
  return {
    advertisers,
    categories,
    baseRate,
    rowFactor,
    userTable: lognormalTable(v.userSigma, size),
    idioTable: lognormalTable(v.idioSigma, size),
    truthTable: lognormalTable(v.truthSigma, size),
    maxCvr: v.maxCvr,
  };
}

/** Salts of the counter-based outcome draws, one per kind of coin. */
export const OUTCOME = { truth: 0, conversion: 1, halo: 2, overlap: 3 } as const;

/** Where the exposure-depth draw lives in the (opportunity, key) space; no advertiser reaches it. */
const DEPTH_KEY = 0x3fffffff;

/**
 * How many slots of opportunity `o` are seen: the user scrolls to a depth u, and slot k is exposed
 * when u < exposure[k]. Exposure is nested (if slot 3 is seen, so are 1 and 2) and each slot keeps
 * its marginal probability.
 *
 * @example
 * ```ts
 * exposureDepth(seed, 17, [1, 0.8, 0.6]); // 1, 2 or 3
 * ```
 */
export function exposureDepth(seed: number, o: number, exposure: ArrayLike<number>): number {
  const u = hashUniform(seed, o, DEPTH_KEY);
  let depth = 0;
  while (depth < exposure.length && u < (exposure[depth] ?? 0)) depth++;
  return depth;
}

/**
 * A uniform coin of one kind for (opportunity, advertiser).
 *
 * @example
 * ```ts
 * outcomeUniform(seed, 17, 3, OUTCOME.conversion) < trueP; // did advertiser 3 convert at opportunity 17?
 * ```
 */
export function outcomeUniform(seed: number, o: number, advertiser: number, kind: number): number {
  return hashUniform(seed, o, advertiser * 4 + kind);
}

/**
 * The true conversion probability of opportunity `o` for an advertiser, given its prediction.
 *
 * @example
 * ```ts
 * trueConversionProbability(model, seed, 17, 3, 0.002); // about 0.002, the same every time
 * ```
 */
export function trueConversionProbability(
  model: ValueModel,
  seed: number,
  o: number,
  advertiser: number,
  predicted: number,
): number {
  const index = (outcomeUniform(seed, o, advertiser, OUTCOME.truth) * (TABLE_MASK + 1)) | 0;
  const p = predicted * (model.truthTable[index] ?? 1);
  return p > 1 ? 1 : p;
}
