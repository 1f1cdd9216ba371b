import type { Campaign } from './data.js';
import { salesOutcome, type SalesOutcome } from './organic.js';
import type { PolicyHistory, TickObservation } from './policies/index.js';
import { auctionNetScore, cpaPenalty } from './score.js';
import type { WhatIfCurve } from './what-if.js';

/** The results of one advertiser over an episode. */
export interface AdvertiserOutcome {
  readonly index: number;
  readonly policy: string;
  readonly budget: number;
  readonly targetCpa: number;
  /** Money spent (budget minus remaining budget; never above the budget). */
  readonly spend: number;
  /** Sum of the prices charged, kept separately as the overspend audit. */
  readonly chargedSpend: number;
  /** 1 if the prices charged exceed the budget (beyond float rounding), else 0. Always 0. */
  readonly overspend: 0 | 1;
  readonly wins: number;
  readonly exposures: number;
  /** Realised paid conversions. */
  readonly conversions: number;
  /** Sum of the true conversion probabilities of its exposures. */
  readonly expectedConversions: number;
  /** Sum of its own predictions over its exposures. */
  readonly predictedConversions: number;
  /** Realised CPA, or null with no conversion. */
  readonly cpa: number | null;
  /** The AuctionNet score of the realised conversions. */
  readonly score: number;
  /** The AuctionNet score of the expected conversions (comparable with the hindsight optimum). */
  readonly expectedScore: number;
  /**
   * The expected outcome of the advertiser's decisions, exposure in expectation: Σ exposure ×
   * price and Σ exposure × true pCVR over the slots it won, and their AuctionNet score. Free of
   * exposure and conversion luck; compared with the planned hindsight optimum.
   */
  readonly decisionSpend: number;
  readonly decisionConversions: number;
  readonly decisionScore: number;
  /** The penalty factor min(1, (target / CPA)²) of `score`. */
  readonly cpaPenalty: number;
  readonly sales: SalesOutcome;
  readonly history: PolicyHistory;
}

/** Per-tick sums an engine hands to the ledger. */
export interface TickSums {
  spend: number;
  wins: number;
  exposures: number;
  conversions: number;
  trueConversions: number;
  predictedConversions: number;
  halo: number;
  displaced: number;
  decisionSpend: number;
  decisionConversions: number;
}

/** A tick's (or a run's) sums, all zero; the hot loops fill it in place. */
export function emptyTickSums(): TickSums {
  return {
    spend: 0,
    wins: 0,
    exposures: 0,
    conversions: 0,
    trueConversions: 0,
    predictedConversions: 0,
    halo: 0,
    displaced: 0,
    decisionSpend: 0,
    decisionConversions: 0,
  };
}

/**
 * Accumulates one advertiser's history and totals, and builds its observations and outcome.
 *
 * @example
 * ```ts
 * const ledger = new AdvertiserLedger(campaign, 48);
 * const alpha = policy.multiplier(ledger.observe(0, campaign.budget, undefined));
 * ```
 */
export class AdvertiserLedger {
  readonly history: PolicyHistory;
  readonly totals: TickSums = emptyTickSums();

  constructor(
    readonly campaign: Campaign,
    readonly ticks: number,
  ) {
    const array = () => new Float64Array(ticks);
    this.history = {
      spend: array(),
      wins: array(),
      exposures: array(),
      conversions: array(),
      predictedConversions: array(),
      opportunities: array(),
      multiplier: array(),
    };
  }

  /** What the policy sees at the start of `tick`. */
  observe(tick: number, remainingBudget: number, whatIf: WhatIfCurve | undefined): TickObservation {
    return {
      tick,
      ticks: this.ticks,
      budget: this.campaign.budget,
      targetCpa: this.campaign.targetCpa,
      remainingBudget,
      spend: this.campaign.budget - remainingBudget,
      conversions: this.totals.conversions,
      predictedConversions: this.totals.predictedConversions,
      history: this.history,
      whatIf,
    };
  }

  /** Books one finished tick. */
  record(tick: number, multiplier: number, opportunities: number, sums: TickSums): void {
    const h = this.history;
    h.multiplier[tick] = multiplier;
    h.opportunities[tick] = opportunities;
    h.spend[tick] = sums.spend;
    h.wins[tick] = sums.wins;
    h.exposures[tick] = sums.exposures;
    h.conversions[tick] = sums.conversions;
    h.predictedConversions[tick] = sums.predictedConversions;
    const t = this.totals;
    t.spend += sums.spend;
    t.wins += sums.wins;
    t.exposures += sums.exposures;
    t.conversions += sums.conversions;
    t.trueConversions += sums.trueConversions;
    t.predictedConversions += sums.predictedConversions;
    t.halo += sums.halo;
    t.displaced += sums.displaced;
    t.decisionSpend += sums.decisionSpend;
    t.decisionConversions += sums.decisionConversions;
  }

  /** The advertiser's outcome, given the engine's remaining budget and its organic baseline. */
  outcome(policy: string, remainingBudget: number, organicBaseline: number): AdvertiserOutcome {
    const { budget, targetCpa, index } = this.campaign;
    const t = this.totals;
    const spend = budget - remainingBudget;
    const realised = { conversions: t.conversions, spend, targetCpa };
    return {
      index,
      policy,
      budget,
      targetCpa,
      spend,
      chargedSpend: t.spend,
      overspend: t.spend > budget * (1 + 1e-9) || remainingBudget < 0 ? 1 : 0,
      wins: t.wins,
      exposures: t.exposures,
      conversions: t.conversions,
      expectedConversions: t.trueConversions,
      predictedConversions: t.predictedConversions,
      cpa: t.conversions > 0 ? spend / t.conversions : null,
      score: auctionNetScore(realised),
      expectedScore: auctionNetScore({ conversions: t.trueConversions, spend, targetCpa }),
      decisionSpend: t.decisionSpend,
      decisionConversions: t.decisionConversions,
      decisionScore: auctionNetScore({
        conversions: t.decisionConversions,
        spend: t.decisionSpend,
        targetCpa,
      }),
      cpaPenalty: cpaPenalty(realised),
      sales: salesOutcome({
        paid: t.conversions,
        baseline: organicBaseline,
        displaced: t.displaced,
        halo: t.halo,
      }),
      history: this.history,
    };
  }
}

/**
 * A policy's multiplier made safe for the engine: NaN and negatives become 0 (no bid); +Infinity is
 * allowed (the bid is then the remaining budget).
 *
 * @example
 * ```ts
 * sanitiseMultiplier(Number.NaN); // 0
 * ```
 */
export function sanitiseMultiplier(alpha: number): number {
  return alpha >= 0 ? alpha : 0;
}
