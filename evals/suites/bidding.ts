/**
 * `bidding`: the four baseline bidding policies in the seeded market digital twin (simulator/,
 * AuctionNet-style GSP with budgets, CPA targets and hindsight optima), one task per seed.
 *
 * Each seed plays, with common random numbers, fixed multiplier, PID pacing, OnlineLP and dual
 * pacing on the six focal advertisers of the AuctionNet market (one per category, rotating over the
 * 48 campaigns; 42 competitors run the market's mix), and dual pacing in the stationary market.
 * Per seed the suite records every policy's metrics as `metric:policy` (`metric:dual-pacing@stationary`
 * for the stationary market) and the paired score differences behind the AuctionNet ordering
 * (`score:online-lp-minus-fixed-multiplier`, `score:fixed-multiplier-minus-pid-pacing`), so the
 * harness reports each with its mean and 95% interval over seeds (an interval of a difference is
 * paired by seed). The suite's aggregate turns the means into the checks of the claim (see
 * {@link biddingChecks}): ordering, PID's budget and CPA penalty, zero overspend, the stationary
 * competitive ratio.
 *
 * The baseline is the fixed multiplier put in every policy's slot, so the report's `Δ vs baseline`
 * of `score:online-lp` is OnlineLP minus fixed multiplier, paired by seed (both roles read one play
 * of the seed). A seed passes when no advertiser overspent in any of its episodes and dual pacing
 * (the baseline: the fixed multiplier) reached at least 90% of the hindsight optimum in the
 * stationary market.
 *
 * Market size: `simulator/` owns the full-size evaluation (`npm run bench:sim-eval`, 500,000
 * opportunities, ~3 s an episode). Here each market is a coarse-grained AuctionNet day (see
 * {@link coarseMarket}): the 48 campaigns with their full budgets and target CPAs, 48 ticks, the
 * perturbed traffic curve, but 12,500 opportunities (25,000 in the stationary market), each
 * proportionally more likely to convert, so expected conversions, spend and CPA per tick stay the
 * full day's and so does the noise of realised conversions. Sampling the day instead (fewer
 * opportunities and budgets scaled down, `focalMarket`'s way) leaves ~1 conversion per advertiser
 * and that small-count noise reverses fixed multiplier and PID (measured at 50,000: 1.01 vs 1.14).
 * The stationary market gets 25,000 because coarser items cost dual pacing a little ratio (0.901
 * at 12,500, 0.907 at 25,000, 0.911 at 500,000) and it is only two episodes a seed. 30 seeds
 * because fixed multiplier − PID is the thin gap (+1.1 at full size): on seeds 1–20 here it is
 * +0.31 [−0.55, 1.16], on 1–30 +0.78 [0.12, 1.43], on 1–40 +0.97 [0.35, 1.59]; 30 seeds run in
 * ~20 s on two busy cores.
 *
 * With `--model`, the bid strategist's LLM policy plans each focal campaign of the seed (its
 * budget and target CPA, one day), and the plan's pacing within its multiplier bounds bids for it
 * in the same AuctionNet market with the same random numbers (see bidding-plan.ts). Its metrics
 * join the four policies' as `metric:llm-plan`, with paired differences against each
 * (`score:llm-plan-minus-dual-pacing`…); the four policies and the checks are unchanged.
 */
import {
  auctionNetMarket,
  defineMarket,
  evaluatePolicies,
  policyByName,
  rotatingFocal,
  stationaryMarket,
  type EvaluationRow,
  type MarketConfig,
  type PolicyFactory,
} from '../../simulator/index.js';
import { fileURLToPath } from 'node:url';
import type { BidPlan } from '../../src/core/index.js';
import {
  dataHash,
  defineSuite,
  meanInterval,
  type MetricInfo,
  type ScoredTrial,
  type TrialContext,
  shareMetric,
} from '../harness/index.js';
import { PLAN_POLICY, planCampaigns, plannedPolicy } from './bidding-plan.js';

/** Seeds evaluated, one task each. */
export const BIDDING_SEEDS = 30;
/** The policies compared, by their simulator names. */
export const BIDDING_POLICIES = ['fixed-multiplier', 'pid-pacing', 'online-lp', 'dual-pacing'] as const;
export type BiddingPolicy = (typeof BIDDING_POLICIES)[number];
/** Opportunities of the coarse-grained day in each market. */
export const BIDDING_MARKETS = { auctionnet: 12_500, stationary: 25_000 } as const;
/** The metrics recorded per policy (the simulator's evaluation row). */
export const BIDDING_METRICS = [
  'score',
  'conversions',
  'cpaRatio',
  'budgetUsed',
  'overspendCount',
  'competitiveRatio',
  'cpaPenalty',
] as const satisfies readonly (keyof EvaluationRow)[];
export type BiddingMetric = (typeof BIDDING_METRICS)[number];

/** The thresholds of the checks (the AuctionNet picture the twin should reproduce). */
export const BIDDING_THRESHOLDS = {
  /** PID spends about all its budget: mean budget used at least this. */
  pidBudgetUsed: 0.9,
  /** PID loses about half its conversions to the CPA penalty: mean penalty factor at most this. */
  pidCpaPenalty: 0.6,
  /** Dual pacing in the stationary market: mean competitive ratio at least this. */
  stationaryCompetitiveRatio: 0.9,
  /** Seeds the means must rest on. */
  seeds: 20,
} as const;

/** The metric name of a policy's metric in a market: `score:pid-pacing`, `competitiveRatio:dual-pacing@stationary`. */
export function metricName(
  metric: BiddingMetric,
  policy: BiddingPolicy,
  market: 'auctionnet' | 'stationary' = 'auctionnet',
): string {
  return `${metric}:${policy}${market === 'stationary' ? '@stationary' : ''}`;
}
/** The paired (per seed) score differences behind the ordering OnlineLP > fixed > PID. */
export const ORDERING = [
  ['online-lp', 'fixed-multiplier'],
  ['fixed-multiplier', 'pid-pacing'],
] as const satisfies readonly (readonly [BiddingPolicy, BiddingPolicy])[];
/** `score:online-lp-minus-fixed-multiplier` */
export function differenceName(a: BiddingPolicy, b: BiddingPolicy): string {
  return `score:${a}-minus-${b}`;
}

/** One seed of the market. */
export interface SeedTask {
  readonly id: string;
  readonly seed: number;
}

/** A policy's metrics on one seed (from the simulator's evaluation row). */
export type PolicyOutcome = Readonly<Record<BiddingMetric, number>>;

/** The bid strategist's plans played in the AuctionNet market (the LLM policy's addition). */
export interface PlanOutcome {
  readonly outcome: PolicyOutcome;
  /** Per focal campaign, the plan's pacing and bounds, e.g. `c7: dual 0.5–1.2`. */
  readonly pacing: readonly string[];
}

/** Every policy in the AuctionNet market and dual pacing in the stationary market, on one seed. */
export interface SeedOutcome {
  readonly auctionnet: Readonly<Record<BiddingPolicy, PolicyOutcome>>;
  readonly stationary: { readonly 'dual-pacing': PolicyOutcome };
  /** Present in LLM runs: the bid strategist's plans for the same campaigns. */
  readonly plan?: PlanOutcome;
}

/** What one seed plays: the four policies in the AuctionNet market, dual pacing and the fixed multiplier in the stationary one. */
export interface SeedPlay {
  readonly auctionnet: Readonly<Record<BiddingPolicy, PolicyOutcome>>;
  readonly stationary: Readonly<Record<'dual-pacing' | 'fixed-multiplier', PolicyOutcome>>;
}

/** The markets every seed is drawn in, and the plays of the last seeds (both roles read one play). */
export interface BiddingEnv {
  readonly auctionnet: MarketConfig;
  readonly stationary: MarketConfig;
  readonly plays: Map<number, SeedPlay>;
}

/**
 * A coarse-grained day of a market: `opportunities` instead of the market's, each
 * `market.opportunities / opportunities` times as likely to convert (the base conversion rate is
 * scaled), budgets and target CPAs unchanged. Expected conversions and the value of traffic per
 * tick stay the full day's, so budgets bind as they do there, and realised conversions keep their
 * full-day counts (and noise); only the items of the knapsack are coarser.
 *
 * @example
 * ```ts
 * coarseMarket(auctionNetMarket(), 12_500).values.baseCvr; // 4e-3
 * ```
 */
export function coarseMarket(market: MarketConfig, opportunities: number): MarketConfig {
  const factor = market.opportunities / opportunities;
  return defineMarket({
    ...market,
    name: `${market.name}-coarse-${opportunities}`,
    opportunities,
    values: { ...market.values, baseCvr: market.values.baseCvr * factor },
  });
}

/** The markets of the suite (what `setup` builds). */
export function biddingEnv(): BiddingEnv {
  return {
    auctionnet: coarseMarket(auctionNetMarket(), BIDDING_MARKETS.auctionnet),
    stationary: coarseMarket(stationaryMarket(), BIDDING_MARKETS.stationary),
    plays: new Map(),
  };
}

function outcomes<P extends string>(
  market: MarketConfig,
  seed: number,
  policies: readonly PolicyFactory[],
): Record<P, PolicyOutcome> {
  const evaluation = evaluatePolicies({ seeds: [seed], policies, market });
  return Object.fromEntries(
    policies.map(({ name }) => {
      const row = evaluation.policies.find((p) => p.policy === name)?.rows[0];
      if (!row) throw new Error(`The simulator returned no row for ${name} on seed ${seed}`);
      return [name, Object.fromEntries(BIDDING_METRICS.map((m) => [m, row[m]])) as PolicyOutcome];
    }),
  ) as Record<P, PolicyOutcome>;
}

/**
 * Plays one seed (deterministic: common random numbers, focal advertisers rotating with the seed):
 * the four policies in the AuctionNet market, dual pacing and the fixed multiplier in the
 * stationary one. The last plays are kept on `env`, so the baseline's trial of a seed reads the
 * play the policy's trial made instead of replaying the fixed multiplier.
 */
export function playSeed(seed: number, env: BiddingEnv): SeedPlay {
  const kept = env.plays.get(seed);
  if (kept) return kept;
  const play: SeedPlay = {
    auctionnet: outcomes<BiddingPolicy>(env.auctionnet, seed, BIDDING_POLICIES.map(policyByName)),
    stationary: outcomes<'dual-pacing' | 'fixed-multiplier'>(
      env.stationary,
      seed,
      ['dual-pacing', 'fixed-multiplier'].map(policyByName),
    ),
  };
  if (env.plays.size >= 4) env.plays.clear();
  env.plays.set(seed, play);
  return play;
}

/** The policy's output: every policy in its own slot. */
export function policiesOutcome(play: SeedPlay): SeedOutcome {
  return { auctionnet: play.auctionnet, stationary: { 'dual-pacing': play.stationary['dual-pacing'] } };
}

const describePlan = (index: number, plan: BidPlan): string => {
  const { minMultiplier, maxMultiplier } = plan.pacing.params;
  return `c${index}: ${plan.pacing.policy} ${minMultiplier ?? '?'}–${maxMultiplier ?? '?'}`;
};

/**
 * The LLM policy's output: the four policies of the seed's play, and the bid strategist's plans
 * for the seed's focal campaigns played in the same AuctionNet market (same random numbers).
 */
async function planOutcome(task: SeedTask, ctx: TrialContext<BiddingEnv>): Promise<SeedOutcome> {
  const market = ctx.env.auctionnet;
  const focal = rotatingFocal(market, task.seed);
  const plans = await planCampaigns(ctx, market, focal);
  const evaluation = evaluatePolicies({
    seeds: [task.seed],
    policies: [plannedPolicy(plans)],
    market,
    focal,
  });
  const row = evaluation.policies[0]?.rows[0];
  if (!row) throw new Error(`The simulator returned no row for the plans on seed ${task.seed}`);
  return {
    ...policiesOutcome(playSeed(task.seed, ctx.env)),
    plan: {
      outcome: Object.fromEntries(BIDDING_METRICS.map((m) => [m, row[m]])) as PolicyOutcome,
      pacing: [...plans].map(([index, plan]) => describePlan(index, plan)),
    },
  };
}

/** The baseline's output: the fixed multiplier in every slot, so `Δ vs baseline` is each policy minus it. */
export function fixedOutcome(play: SeedPlay): SeedOutcome {
  const fixed = play.auctionnet['fixed-multiplier'];
  return {
    auctionnet: Object.fromEntries(BIDDING_POLICIES.map((p) => [p, fixed])) as SeedOutcome['auctionnet'],
    stationary: { 'dual-pacing': play.stationary['fixed-multiplier'] },
  };
}

/** A seed's flat metrics: every policy's, the stationary dual pacing's, the paired differences. */
export function seedMetrics(outcome: SeedOutcome): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const policy of BIDDING_POLICIES)
    for (const m of BIDDING_METRICS) metrics[metricName(m, policy)] = outcome.auctionnet[policy][m];
  for (const m of BIDDING_METRICS)
    metrics[metricName(m, 'dual-pacing', 'stationary')] = outcome.stationary['dual-pacing'][m];
  for (const [a, b] of ORDERING)
    metrics[differenceName(a, b)] = outcome.auctionnet[a].score - outcome.auctionnet[b].score;
  if (outcome.plan) {
    const plan = outcome.plan.outcome;
    for (const m of BIDDING_METRICS) metrics[`${m}:${PLAN_POLICY}`] = plan[m];
    for (const policy of BIDDING_POLICIES)
      metrics[planDifferenceName(policy)] = plan.score - outcome.auctionnet[policy].score;
  }
  return metrics;
}

/**
 * The metric of the plans' score minus a policy's, paired by seed.
 *
 * @example
 * ```ts
 * planDifferenceName('dual-pacing'); // 'score:llm-plan-minus-dual-pacing'
 * ```
 */
export function planDifferenceName(policy: BiddingPolicy): string {
  return `score:${PLAN_POLICY}-minus-${policy}`;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Per task, the trial mean of each finite metric (how the harness averages before its interval). */
function perSeed(trials: readonly ScoredTrial[], name: string): number[] {
  const byTask = new Map<string, number[]>();
  for (const t of trials) {
    const v = t.score.metrics[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    byTask.set(t.taskId, [...(byTask.get(t.taskId) ?? []), v]);
  }
  return [...byTask.values()].map(mean);
}

/**
 * The checks of the AuctionNet picture, computed from the seeds' metrics (1 = holds, 0 = not), with
 * the figures they rest on:
 *
 * - `orderingHolds`: OnlineLP above fixed multiplier above PID on score, the paired per-seed
 *   differences positive on average; `orderingPaired95`: both paired 95% intervals above zero;
 * - `pidBudgetUsedAll`: PID's mean budget used ≥ 0.9; `pidPenaltyHalf`: PID's mean CPA penalty
 *   factor ≤ 0.6 (`pidConversionsLost` = 1 − score / conversions, the share lost to it);
 * - `overspendZero`: no advertiser overspent in any episode of any seed;
 * - `stationaryDualRatio`: dual pacing's mean competitive ratio ≥ 0.9 in the stationary market;
 * - `enoughSeeds`: the means rest on at least 20 seeds (`seeds`; fewer with `--limit`);
 * - `allChecks`: all of the above but `orderingPaired95`.
 *
 * @example
 * ```ts
 * biddingChecks(trials).orderingHolds; // 1
 * ```
 */
export function biddingChecks(trials: readonly ScoredTrial[]): Record<string, number> {
  const at = (name: string) => meanInterval(perSeed(trials, name));
  const differences = ORDERING.map(([a, b]) => at(differenceName(a, b)));
  const pidScore = at(metricName('score', 'pid-pacing')).mean;
  const pidConversions = at(metricName('conversions', 'pid-pacing')).mean;
  const overspends = trials.flatMap((t) =>
    Object.entries(t.score.metrics)
      .filter(([name]) => name.startsWith('overspendCount:'))
      .map(([, v]) => v),
  );
  const seeds = new Set(trials.map((t) => t.taskId)).size;
  const checks = {
    orderingHolds: differences.every((d) => d.n > 0 && d.mean > 0),
    pidBudgetUsedAll: at(metricName('budgetUsed', 'pid-pacing')).mean >= BIDDING_THRESHOLDS.pidBudgetUsed,
    pidPenaltyHalf: at(metricName('cpaPenalty', 'pid-pacing')).mean <= BIDDING_THRESHOLDS.pidCpaPenalty,
    overspendZero: overspends.length > 0 && overspends.every((v) => v === 0),
    stationaryDualRatio:
      at(metricName('competitiveRatio', 'dual-pacing', 'stationary')).mean >=
      BIDDING_THRESHOLDS.stationaryCompetitiveRatio,
    enoughSeeds: seeds >= BIDDING_THRESHOLDS.seeds,
  };
  const flag = (b: boolean) => (b ? 1 : 0);
  return {
    ...Object.fromEntries(Object.entries(checks).map(([k, v]) => [k, flag(v)])),
    orderingPaired95: flag(differences.every((d) => d.n > 1 && d.low > 0)),
    allChecks: flag(Object.values(checks).every(Boolean)),
    pidConversionsLost: pidConversions > 0 ? 1 - pidScore / pidConversions : NaN,
    seeds,
  };
}

const DESCRIPTIONS: Readonly<Record<BiddingMetric, MetricInfo>> = {
  score: { description: 'AuctionNet score per focal advertiser', better: 'higher' },
  conversions: { description: 'realised paid conversions per focal advertiser', better: 'higher' },
  cpaRatio: { description: 'pooled realised CPA over target CPA', better: 'lower' },
  budgetUsed: shareMetric('mean spend / budget'),
  overspendCount: { description: 'advertisers of the market charged beyond their budget', better: 'lower' },
  competitiveRatio: {
    description: 'decision score over the planned hindsight optimum',
    better: 'higher',
  },
  cpaPenalty: shareMetric('mean CPA penalty factor min(1, (target / CPA)²)'),
};

const LABEL: Readonly<Record<BiddingPolicy, string>> = {
  'fixed-multiplier': 'fixed multiplier',
  'pid-pacing': 'PID pacing',
  'online-lp': 'OnlineLP',
  'dual-pacing': 'dual pacing',
};

export const bidding = defineSuite<SeedTask, SeedOutcome, BiddingEnv>({
  name: 'bidding',
  module: import.meta.url,
  description: `Market twin, ${BIDDING_SEEDS} seeds, coarse-grained AuctionNet day (${BIDDING_MARKETS.auctionnet} opportunities; stationary ${BIDDING_MARKETS.stationary}): per policy (fixed multiplier, PID, OnlineLP, dual pacing) score, conversions, CPA ratio, budget use, overspends and competitive ratio against the hindsight optimum; paired score differences and the AuctionNet checks.`,
  dataset: () => ({
    id: 'simulator-auctionnet-coarse',
    // The twin's shipped configuration and the market settings: the data the seeds are drawn from.
    hash: dataHash(
      ['auctionnet-config/advertisers.csv', 'auctionnet-config/traffic_profile_48.csv'].map((f) =>
        fileURLToPath(new URL(`../../data/${f}`, import.meta.url)),
      ),
      [`seeds:1-${BIDDING_SEEDS}`, JSON.stringify(BIDDING_MARKETS), BIDDING_POLICIES.join(',')],
    ),
    tasks: Array.from({ length: BIDDING_SEEDS }, (_, i) => ({ id: `seed-${i + 1}`, seed: i + 1 })),
  }),
  setup: biddingEnv,
  run: (task, { env }) => policiesOutcome(playSeed(task.seed, env)),
  runDescription:
    'Fixed multiplier, PID pacing, OnlineLP and dual pacing (simulator/policies), each on the six focal advertisers of every seed with common random numbers; dual pacing also in the stationary market',
  llm: (model) => ({
    name: model,
    description: `The four policies as offline, plus planBidsLlm (agents/bid-strategist) on ${model} planning each focal campaign; the plan's pacing within its bounds bids in the same market (llm-plan)`,
    run: planOutcome,
  }),
  baseline: {
    name: 'fixed-multiplier',
    description:
      'The fixed bid multiplier in every slot (so Δ vs baseline is each policy minus it, paired by seed), in both markets',
    run: (task, { env }) => fixedOutcome(playSeed(task.seed, env)),
  },
  score: (_task, outcome) => {
    const metrics = seedMetrics(outcome);
    const overspend = Object.entries(metrics)
      .filter(([name]) => name.startsWith('overspendCount:'))
      .reduce((s, [, v]) => s + v, 0);
    const ratio = outcome.stationary['dual-pacing'].competitiveRatio;
    return {
      pass: overspend === 0 && ratio >= BIDDING_THRESHOLDS.stationaryCompetitiveRatio,
      metrics,
      details: {
        overspend,
        stationaryDualCompetitiveRatio: ratio,
        scoreOrder: [...BIDDING_POLICIES].sort(
          (a, b) => outcome.auctionnet[b].score - outcome.auctionnet[a].score,
        ),
        ...(outcome.plan ? { planPacing: outcome.plan.pacing } : {}),
      },
    };
  },
  aggregate: biddingChecks,
  metrics: {
    ...Object.fromEntries(
      BIDDING_POLICIES.flatMap((policy) =>
        BIDDING_METRICS.map((m): [string, MetricInfo] => [
          metricName(m, policy),
          { ...DESCRIPTIONS[m], description: `${LABEL[policy]}: ${DESCRIPTIONS[m].description}` },
        ]),
      ),
    ),
    ...Object.fromEntries(
      BIDDING_METRICS.map((m): [string, MetricInfo] => [
        metricName(m, 'dual-pacing', 'stationary'),
        { ...DESCRIPTIONS[m], description: `dual pacing, stationary market: ${DESCRIPTIONS[m].description}` },
      ]),
    ),
    ...Object.fromEntries(
      ORDERING.map(([a, b]): [string, MetricInfo] => [
        differenceName(a, b),
        { description: `score of ${LABEL[a]} minus ${LABEL[b]}, paired by seed`, better: 'higher' },
      ]),
    ),
    ...Object.fromEntries(
      BIDDING_METRICS.map((m): [string, MetricInfo] => [
        `${m}:${PLAN_POLICY}`,
        { ...DESCRIPTIONS[m], description: `bid strategist's plans (LLM): ${DESCRIPTIONS[m].description}` },
      ]),
    ),
    ...Object.fromEntries(
      BIDDING_POLICIES.map((p): [string, MetricInfo] => [
        planDifferenceName(p),
        {
          description: `score of the bid strategist's plans minus ${LABEL[p]}, paired by seed`,
          better: 'higher',
        },
      ]),
    ),
  },
  primaryMetric: metricName('competitiveRatio', 'dual-pacing', 'stationary'),
});
