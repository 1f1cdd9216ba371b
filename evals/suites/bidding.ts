/**
 * `bidding`: bidding policies in the seeded market digital twin (simulator/, AuctionNet-style GSP
 * with budgets, CPA targets and hindsight optima), one task per seed, 20 seeds. The policy under
 * test is dual pacing (the pacing the bid strategist plans with); the baseline a fixed bid
 * multiplier. A seed passes when the policy's decisions reach at least 90% of the hindsight
 * optimum (competitive ratio) without any advertiser overspending.
 *
 * The market is a reduced AuctionNet mix (12 advertisers in 3 categories, 50,000 opportunities,
 * 24 ticks) so that 20 seeds × 2 policies run in seconds; `simulator/` owns the full-size
 * evaluation (`evaluatePolicies` with `auctionNetMarket()`), ~3 s per episode.
 */
import {
  EVALUATION_METRICS,
  evaluatePolicies,
  policyByName,
  smallMarket,
  type EvaluationMetric,
  type EvaluationRow,
  type MarketConfig,
} from '../../simulator/index.js';
import { fileURLToPath } from 'node:url';
import { dataHash, defineSuite, type MetricInfo } from '../harness/index.js';

/** Seeds evaluated, one task each. */
export const BIDDING_SEEDS = 20;
/** The market every seed is drawn in. */
export const BIDDING_MARKET = { advertisers: 12, opportunities: 50_000, ticks: 24, categories: 3 } as const;

/** One seed of the market. */
export interface SeedTask {
  readonly id: string;
  readonly seed: number;
}

/** The policy's metrics on one seed (the simulator's evaluation row). */
export type SeedOutcome = Pick<EvaluationRow, EvaluationMetric>;

interface Env {
  readonly market: MarketConfig;
}

function play(policy: string, task: SeedTask, env: Env): SeedOutcome {
  const row = evaluatePolicies({ seeds: [task.seed], policies: [policyByName(policy)], market: env.market })
    .policies[0]?.rows[0];
  if (!row) throw new Error(`The simulator returned no row for ${policy} on seed ${task.seed}`);
  return Object.fromEntries(EVALUATION_METRICS.map((m) => [m, row[m]])) as SeedOutcome;
}

const LOWER: ReadonlySet<string> = new Set(['cpaRatio', 'overspendCount']);

export const bidding = defineSuite<SeedTask, SeedOutcome, Env>({
  name: 'bidding',
  module: import.meta.url,
  description: `Market twin, ${BIDDING_SEEDS} seeds: AuctionNet score, conversions, CPA ratio, budget use, overspends and competitive ratio against the hindsight optimum.`,
  dataset: () => ({
    id: 'simulator-small-market',
    // The twin's shipped configuration and the market settings: the data the seeds are drawn from.
    hash: dataHash(
      ['auctionnet-config/advertisers.csv', 'auctionnet-config/traffic_profile_48.csv'].map((f) =>
        fileURLToPath(new URL(`../../data/${f}`, import.meta.url)),
      ),
      [`seeds:1-${BIDDING_SEEDS}`, JSON.stringify(BIDDING_MARKET)],
    ),
    tasks: Array.from({ length: BIDDING_SEEDS }, (_, i) => ({ id: `seed-${i + 1}`, seed: i + 1 })),
  }),
  setup: () => ({ market: smallMarket(BIDDING_MARKET) }),
  run: (task, { env }) => play('dual-pacing', task, env),
  runDescription: 'Dual pacing (simulator/policies) on the focal advertisers of each seed',
  baseline: {
    name: 'fixed-multiplier',
    description: 'A fixed bid multiplier on the target-CPA bid',
    run: (task, { env }) => play('fixed-multiplier', task, env),
  },
  score: (_task, outcome) => ({
    pass: outcome.competitiveRatio >= 0.9 && outcome.overspendCount === 0,
    metrics: Object.fromEntries(EVALUATION_METRICS.map((m) => [m, outcome[m]])),
  }),
  metrics: Object.fromEntries(
    EVALUATION_METRICS.map((m): [string, MetricInfo] => [
      m,
      { description: `simulator metric ${m}`, better: LOWER.has(m) ? 'lower' : 'higher' },
    ]),
  ),
  primaryMetric: 'competitiveRatio',
});
