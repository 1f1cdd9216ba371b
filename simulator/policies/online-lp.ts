import type { WhatIfCurve } from '../what-if.js';
import { paceShares, type PolicyFactory } from './policy.js';

/**
 * The expected AuctionNet score when `known` conversions are in and a Poisson number with mean
 * `expected` is still to come, at total spend `spend`. Conversions are rare (tens a day), so the
 * score's quadratic penalty bites on bad luck: planning on the mean alone would aim exactly at
 * the target CPA and pay the penalty half the time. Above a mean of 400 the noise is small and
 * the mean is used.
 *
 * @example
 * ```ts
 * expectedPoissonScore({ known: 0, expected: 20, spend: 20 * 90, targetCpa: 90 }); // < 20
 * ```
 */
export function expectedPoissonScore(args: {
  known: number;
  expected: number;
  spend: number;
  targetCpa: number;
}): number {
  const { known, expected, spend, targetCpa } = args;
  const score = (n: number) => {
    if (n <= 0) return 0;
    const ratio = spend > 0 ? (targetCpa * n) / spend : 1;
    return n * Math.min(1, ratio * ratio);
  };
  if (!(expected > 0)) return score(known);
  if (expected > 400) return score(known + expected);
  const last = Math.ceil(expected + 8 * Math.sqrt(expected) + 10);
  let pmf = Math.exp(-expected);
  let total = pmf * score(known);
  for (let x = 1; x <= last; x++) {
    pmf *= expected / x;
    total += pmf * score(known + x);
  }
  return total;
}

/**
 * Chooses the multiplier (equivalently the value-per-price threshold `1 / alpha`) that maximises the
 * expected AuctionNet score at the end of the day, if the rest of the day looks like the part
 * already seen: spend and predicted conversions per opportunity at each alpha come from the what-if
 * curve, the opportunities still to come from the public traffic curve, conversions still to come
 * are Poisson around their prediction, and only alphas whose predicted spend fits the remaining
 * budget are allowed.
 *
 * @example
 * ```ts
 * const alpha = onlineLpMultiplier({ curve, remainingOpportunities: 40_000, spend: 500, remainingBudget: 2_000,
 *   conversions: 6, targetCpa: 90 });
 * ```
 */
export function onlineLpMultiplier(args: {
  readonly curve: WhatIfCurve;
  readonly remainingOpportunities: number;
  readonly spend: number;
  readonly remainingBudget: number;
  /** Conversions so far (realised). */
  readonly conversions: number;
  readonly targetCpa: number;
}): number {
  const { curve } = args;
  const scale = curve.opportunities > 0 ? args.remainingOpportunities / curve.opportunities : 0;
  let best = curve.alphas[0] ?? 1;
  let bestScore = -1;
  for (let j = 0; j < curve.alphas.length; j++) {
    const extraSpend = (curve.spend[j] ?? 0) * scale;
    if (extraSpend > args.remainingBudget) break;
    const score = expectedPoissonScore({
      known: args.conversions,
      expected: (curve.conversions[j] ?? 0) * scale,
      spend: args.spend + extraSpend,
      targetCpa: args.targetCpa,
    });
    if (score > bestScore) {
      bestScore = score;
      best = curve.alphas[j] ?? best;
    }
  }
  return best;
}

/**
 * OnlineLP-style threshold bidding (the strongest classical baseline of AuctionNet): each tick it
 * re-solves, on the what-if log of the opportunities seen so far, for the threshold that maximises
 * the expected score under the remaining budget (see {@link onlineLpMultiplier}). It bids its
 * value in the first `warmupTicks`.
 *
 * @example
 * ```ts
 * runEpisode(market, { policy: onlineLp(), advertisers: [0] }, 1);
 * ```
 */
export function onlineLp(options: { warmupTicks?: number } = {}): PolicyFactory {
  const warmupTicks = options.warmupTicks ?? 1;
  return {
    name: 'online-lp',
    usesWhatIf: true,
    create(context) {
      return {
        multiplier(obs) {
          const curve = obs.whatIf;
          if (!curve || obs.tick < warmupTicks || curve.opportunities === 0) return 1;
          const fromTick = paceShares(context.trafficCurve, obs.tick).fromTick;
          const seenShare = 1 - fromTick;
          const remainingOpportunities = seenShare > 0 ? (curve.opportunities * fromTick) / seenShare : 0;
          return onlineLpMultiplier({
            curve,
            remainingOpportunities,
            spend: obs.spend,
            remainingBudget: obs.remainingBudget,
            conversions: obs.conversions,
            targetCpa: obs.targetCpa,
          });
        },
      };
    },
  };
}
