import { auctionNetScore } from './score.js';

/** The best a campaign could have done on a realised stream (see {@link hindsightOptimum}). */
export interface HindsightResult {
  /** Upper bound: the best AuctionNet score of the fractional relaxation. No policy can beat it. */
  readonly score: number;
  /** Expected conversions and spend at that bound. */
  readonly conversions: number;
  readonly spend: number;
  /** A feasible whole-item plan (best prefix of the greedy order): a lower bound on the exact optimum. */
  readonly integralScore: number;
  readonly integralConversions: number;
  readonly integralSpend: number;
  /** Items the integral plan takes. */
  readonly selected: number;
  /** Items with a positive value offered. */
  readonly items: number;
}

/**
 * The hindsight optimum of one campaign: item i can be bought for `costs[i]` and yields
 * `values[i]` expected conversions; pick items to maximise the AuctionNet score of
 * (Σ values, Σ costs) with Σ costs ≤ budget.
 *
 * How, and how exact. For every spend S the most conversions money can buy, V*(S), is the greedy
 * curve: items sorted by cost per expected conversion, taken in order, the last one fractionally
 * (the fractional-knapsack optimum, so V* is concave and piecewise linear). The score
 * `V × min(1, (targetCpa·V/S)²)` rises with V and never rises with S, so the best score of any
 * plan with spend S is at most f(S) = score(S, V*(S)), and the optimum is max f over [0, budget].
 * On each linear piece f is either V (increasing) or targetCpa²·V³/S², whose log has one
 * stationary point (where the marginal cost per conversion is 1.5 × the average CPA), so the
 * maximum is at a breakpoint, at the budget, at a stationary point or where CPA meets the target:
 * we evaluate exactly those candidates. The result `score` is therefore the exact optimum of the
 * relaxation and an upper bound on every real (whole-impression) plan. The exact whole-item
 * optimum is a knapsack problem; it lies between `integralScore` (the best greedy prefix, a plan
 * one can actually buy) and `score`, and the two differ by at most one item's value (one
 * impression's conversion probability, typically ~1e-3 conversions).
 *
 * Spending past the target CPA can pay: beyond it the score still grows while the marginal cost
 * of a conversion stays below 1.5 × the average CPA, so the optimum is not "max conversions at
 * CPA ≤ target" — we maximise the score itself.
 *
 * @example
 * ```ts
 * hindsightOptimum({ costs: [1, 2, 10], values: [0.1, 0.1, 0.1], budget: 3, targetCpa: 20 });
 * // takes the first two items: 0.2 conversions for 3, CPA 15 ≤ 20, score 0.2
 * ```
 */
export function hindsightOptimum(input: {
  costs: ArrayLike<number>;
  values: ArrayLike<number>;
  budget: number;
  targetCpa: number;
}): HindsightResult {
  const { costs, values, budget, targetCpa: cpa } = input;
  const order = greedyOrder(costs, values, budget);
  const best = { score: 0, spend: 0, conversions: 0 };
  const integral = { score: 0, spend: 0, conversions: 0, selected: 0 };
  let s0 = 0;
  let v0 = 0;
  for (let n = 0; n < order.length && s0 < budget; n++) {
    const i = order[n] as number;
    const c = costs[i] ?? 0;
    const v = values[i] ?? 0;
    const end = Math.min(s0 + c, budget);
    // Candidates on this piece (see above): its end (the budget if it cuts the piece), the
    // stationary point of targetCpa²·V³/S², and the point where the CPA meets the target.
    considerPoint(best, cpa, end, c > 0 ? v0 + ((end - s0) / c) * v : v0 + v);
    if (c > 0) {
      const rho = c / v;
      const stationary = 2 * rho * v0 - 2 * s0;
      if (stationary > s0 && stationary < end)
        considerPoint(best, cpa, stationary, v0 + ((stationary - s0) / c) * v);
      if (rho !== cpa) {
        const crossing = (cpa * (rho * v0 - s0)) / (rho - cpa);
        if (crossing > s0 && crossing < end)
          considerPoint(best, cpa, crossing, v0 + ((crossing - s0) / c) * v);
      }
    }
    if (s0 + c <= budget) {
      const score = auctionNetScore({ conversions: v0 + v, spend: s0 + c, targetCpa: cpa });
      if (score > integral.score) {
        integral.score = score;
        integral.spend = s0 + c;
        integral.conversions = v0 + v;
        integral.selected = n + 1;
      }
    }
    s0 += c;
    v0 += v;
  }
  return {
    score: best.score,
    conversions: best.conversions,
    spend: best.spend,
    integralScore: integral.score,
    integralConversions: integral.conversions,
    integralSpend: integral.spend,
    selected: integral.selected,
    items: countPositive(values),
  };
}

function considerPoint(
  best: { score: number; spend: number; conversions: number },
  targetCpa: number,
  spend: number,
  conversions: number,
): void {
  const score = auctionNetScore({ conversions, spend, targetCpa });
  if (score > best.score) {
    best.score = score;
    best.spend = spend;
    best.conversions = conversions;
  }
}

function countPositive(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] ?? 0) > 0) n++;
  return n;
}

const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Indices of the items with positive value that the greedy can reach within `budget`, in
 * increasing cost per conversion (ties by index). Items whose cost per conversion overflows to
 * Infinity (a value below 1e-300) are left out: they cannot change the score. A comparator sort of 10^6 items is slow in
 * JavaScript, so: for non-negative doubles the high 32 bits order like the values; one pass sums
 * cost per bucket of the top 16 bits and finds the bucket where the budget runs out; only items up
 * to it are kept, radix-sorted on the next 16 bits (stable), then an insertion pass orders each
 * run of equal high words by the full ratio. Exact, and O(n) in practice.
 *
 * @example
 * ```ts
 * greedyOrder([4, 1, 2], [1, 1, 1], Infinity); // Uint32Array [1, 2, 0]
 * ```
 */
export function greedyOrder(
  costs: ArrayLike<number>,
  values: ArrayLike<number>,
  budget: number,
): Uint32Array {
  const n = costs.length;
  const ratio = new Float64Array(n);
  const words = new Uint32Array(ratio.buffer);
  const bucketCost = new Float64Array(65536);
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0;
    const c = costs[i] ?? -1;
    if (v > 0 && c >= 0) {
      ratio[i] = c / v;
      const top = (words[2 * i + HIGH_WORD] as number) >>> 16;
      bucketCost[top] = (bucketCost[top] as number) + c;
    } else {
      ratio[i] = Infinity;
    }
  }
  const infinityTop = 0x7ff0;
  let cutoff = infinityTop - 1;
  let cumulative = 0;
  for (let b = 0; b < infinityTop; b++) {
    cumulative += bucketCost[b] as number;
    if (cumulative >= budget) {
      cutoff = b;
      break;
    }
  }
  let kept = 0;
  for (let i = 0; i < n; i++) if ((words[2 * i + HIGH_WORD] as number) >>> 16 <= cutoff) kept++;
  const candidates = new Uint32Array(kept);
  let m = 0;
  for (let i = 0; i < n; i++) if ((words[2 * i + HIGH_WORD] as number) >>> 16 <= cutoff) candidates[m++] = i;
  // Two stable counting passes: low 16 bits of the high word, then the top 16 bits.
  let order = candidates;
  let next = new Uint32Array(kept);
  for (let shift = 0; shift <= 16; shift += 16) {
    const count = new Uint32Array(65537);
    for (let i = 0; i < kept; i++) {
      const bucket = ((words[2 * (order[i] as number) + HIGH_WORD] as number) >>> shift) & 0xffff;
      count[bucket + 1] = (count[bucket + 1] as number) + 1;
    }
    for (let b = 0; b < 65536; b++) count[b + 1] = (count[b + 1] as number) + (count[b] as number);
    for (let i = 0; i < kept; i++) {
      const item = order[i] as number;
      const bucket = ((words[2 * item + HIGH_WORD] as number) >>> shift) & 0xffff;
      next[count[bucket] as number] = item;
      count[bucket] = (count[bucket] as number) + 1;
    }
    [order, next] = [next, order];
  }
  for (let i = 1; i < kept; i++) {
    const item = order[i] as number;
    const r = ratio[item] as number;
    let j = i - 1;
    while (j >= 0 && (ratio[order[j] as number] as number) > r) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = item;
  }
  return order;
}
