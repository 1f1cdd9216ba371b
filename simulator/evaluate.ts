import { InvalidInputError, NotFoundError } from '../src/core/index.js';
import { runEpisode } from './episode.js';
import type { MarketConfig } from './market-config.js';
import type { PolicyFactory } from './policies/index.js';
import { summarise, type MetricSummary } from './stats.js';
import { streamHindsight } from './stream.js';
import { buildValueModel } from './values.js';

/** The metrics of one policy on one seed, averaged over the focal advertisers. */
export interface EvaluationRow {
  readonly policy: string;
  readonly seed: number;
  /** Mean AuctionNet score (realised conversions) per focal advertiser. */
  readonly score: number;
  /** Mean realised paid conversions per focal advertiser. */
  readonly conversions: number;
  /** Pooled realised CPA over target CPA: Σ spend / Σ (target × conversions). */
  readonly cpaRatio: number;
  /** Mean of spend / budget. */
  readonly budgetUsed: number;
  /** Advertisers of the whole market (not only focal) whose charges exceeded their budget. */
  readonly overspendCount: number;
  /**
   * Mean of decision score / planned hindsight optimum: the expected score of the policy's own
   * decisions against the best plan knowing the stream's prices and true pCVRs (competitors fixed).
   */
  readonly competitiveRatio: number;
  /** Mean of realised expected score / clairvoyant optimum (which also knows scroll depth). */
  readonly clairvoyantRatio: number;
  /** Mean CPA penalty factor min(1, (target / CPA)²) of the score. */
  readonly cpaPenalty: number;
  /** Mean incremental sales (paid − displaced + halo) per focal advertiser. */
  readonly incrementalSales: number;
  /** Mean total sales (paid + organic) per focal advertiser. */
  readonly totalSales: number;
}

/** Names of the summarised metrics. */
export const EVALUATION_METRICS = [
  'score',
  'conversions',
  'cpaRatio',
  'budgetUsed',
  'overspendCount',
  'competitiveRatio',
  'clairvoyantRatio',
  'cpaPenalty',
  'incrementalSales',
  'totalSales',
] as const satisfies readonly (keyof EvaluationRow)[];
export type EvaluationMetric = (typeof EVALUATION_METRICS)[number];

/** One policy's per-seed rows and their means with 95 % intervals. */
export interface PolicyEvaluation {
  readonly policy: string;
  readonly metrics: Readonly<Record<EvaluationMetric, MetricSummary>>;
  readonly rows: readonly EvaluationRow[];
}

/** The result of {@link evaluatePolicies}. */
export interface Evaluation {
  readonly market: string;
  readonly seeds: readonly number[];
  /** Focal advertisers, or "rotating" (see {@link rotatingFocal}). */
  readonly focal: readonly number[] | 'rotating';
  readonly policies: readonly PolicyEvaluation[];
}

/**
 * The default focal advertisers of a seed: one per category, rotating through each category's
 * campaigns from seed to seed, so that over 8 seeds every AuctionNet campaign (budgets 2,000–4,850,
 * CPA 60–130) is evaluated once — the policy is judged on the whole campaign mix, as AuctionNet
 * scores it, while each episode keeps 42 competitors.
 *
 * @example
 * ```ts
 * rotatingFocal(auctionNetMarket(), 1); // six indices, one per category
 * ```
 */
export function rotatingFocal(market: MarketConfig, seed: number): number[] {
  const focal: number[] = [];
  for (let c = 0; c < market.categories; c++) {
    const members = market.campaigns.filter((x) => x.category === c);
    const member = members[(((seed + c) % members.length) + members.length) % members.length];
    if (member) focal.push(member.index);
  }
  return focal;
}

/**
 * Evaluates policies on the same seeds: per seed, one game episode per policy with the policy on
 * the focal advertisers and the market's competitor mix elsewhere (common random numbers across
 * policies), each focal advertiser's hindsight optimum computed on the stream it faced.
 *
 * @param args.seeds A list of seeds, or a count n for seeds 1..n.
 * @param args.focal Focal advertisers; default {@link rotatingFocal} (one per category, rotating).
 * @param args.onRow Called after each episode (progress reporting).
 * @example
 * ```ts
 * const evaluation = evaluatePolicies({ seeds: 20, policies: [fixedMultiplier(), dualPacing()], market: auctionNetMarket() });
 * evaluation.policies[1]?.metrics.competitiveRatio.mean;
 * ```
 */
export function evaluatePolicies(args: {
  seeds: number | readonly number[];
  policies: readonly PolicyFactory[];
  market: MarketConfig;
  focal?: readonly number[];
  onRow?: (row: EvaluationRow) => void;
}): Evaluation {
  const seeds =
    typeof args.seeds === 'number' ? Array.from({ length: args.seeds }, (_, i) => i + 1) : [...args.seeds];
  if (seeds.length === 0) throw new InvalidInputError('seeds', 'at least one seed', args.seeds);
  const names = args.policies.map((p) => p.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new InvalidInputError('policies', 'policies with distinct names', duplicate);
  const model = buildValueModel(args.market);
  const policies = args.policies.map((policy) => {
    const rows = seeds.map((seed) => {
      const focal = args.focal ?? rotatingFocal(args.market, seed);
      const row = evaluateEpisode(args.market, policy, focal, seed, model);
      args.onRow?.(row);
      return row;
    });
    const metrics = Object.fromEntries(
      EVALUATION_METRICS.map((m) => [m, summarise(rows.map((r) => r[m]))]),
    ) as Record<EvaluationMetric, MetricSummary>;
    return { policy: policy.name, metrics, rows };
  });
  return { market: args.market.name, seeds, focal: args.focal ?? 'rotating', policies };
}

/**
 * The per-seed difference `a − b` of a metric between two evaluated policies, with its 95 %
 * interval. Both ran on the same seeds and focal advertisers, so the pairing removes the
 * between-seed variance that widens each policy's own interval.
 *
 * @example
 * ```ts
 * pairedDifference(evaluation, 'online-lp', 'fixed-multiplier', 'score').low > 0; // OnlineLP ahead
 * ```
 */
export function pairedDifference(
  evaluation: Evaluation,
  a: string,
  b: string,
  metric: EvaluationMetric,
): MetricSummary {
  const find = (name: string) => {
    const found = evaluation.policies.find((p) => p.policy === name);
    if (!found)
      throw new NotFoundError(
        'evaluated policy',
        name,
        evaluation.policies.map((p) => p.policy),
      );
    return found;
  };
  const rowsA = find(a).rows;
  const rowsB = find(b).rows;
  return summarise(rowsA.map((row, i) => row[metric] - (rowsB[i]?.[metric] ?? NaN)));
}

function evaluateEpisode(
  market: MarketConfig,
  policy: PolicyFactory,
  focal: readonly number[],
  seed: number,
  model: ReturnType<typeof buildValueModel>,
): EvaluationRow {
  const result = runEpisode(market, { policy, advertisers: focal }, seed, { model });
  const mine = result.advertisers.filter((a) => focal.includes(a.index));
  const mean = (f: (x: (typeof mine)[number]) => number) => mine.reduce((s, x) => s + f(x), 0) / mine.length;
  const ratios = mine.map((a) => {
    const stream = result.streams.get(a.index);
    const bounds = stream ? streamHindsight(stream) : undefined;
    const planned = bounds?.planned.score ?? NaN;
    const clairvoyant = bounds?.clairvoyant.score ?? NaN;
    return {
      competitive: planned > 0 ? a.decisionScore / planned : 1,
      clairvoyant: clairvoyant > 0 ? a.expectedScore / clairvoyant : 1,
    };
  });
  const targetSpend = mine.reduce((s, a) => s + a.targetCpa * a.conversions, 0);
  return {
    policy: policy.name,
    seed,
    score: mean((a) => a.score),
    conversions: mean((a) => a.conversions),
    cpaRatio: targetSpend > 0 ? mine.reduce((s, a) => s + a.spend, 0) / targetSpend : Infinity,
    budgetUsed: mean((a) => a.spend / a.budget),
    overspendCount: result.advertisers.reduce((s, a) => s + a.overspend, 0),
    competitiveRatio: ratios.reduce((s, r) => s + r.competitive, 0) / ratios.length,
    clairvoyantRatio: ratios.reduce((s, r) => s + r.clairvoyant, 0) / ratios.length,
    cpaPenalty: mean((a) => a.cpaPenalty),
    incrementalSales: mean((a) => a.sales.incremental),
    totalSales: mean((a) => a.sales.total),
  };
}
