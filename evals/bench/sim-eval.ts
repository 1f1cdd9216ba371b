/**
 * Evaluation: the baseline bidding policies over ≥ 20 seeds in the AuctionNet-style market and in
 * its stationary variant, with 95 % intervals, paired differences for the claimed orderings, and
 * the checks the simulator is expected to show:
 *
 * - overspend is 0 everywhere;
 * - on score, OnlineLP > fixed multiplier > PID (paired, per seed);
 * - PID spends about all its budget but loses about half its conversions to the CPA penalty;
 * - dual pacing reaches a competitive ratio ≥ 0.9 (vs the planned hindsight optimum) in the
 *   stationary market.
 *
 * Each seed puts the policy on six focal advertisers (one per category, rotating through all 48
 * campaigns over 8 seeds) among 42 competitors running the market's mix; all policies see the same
 * seeds. Progress goes to stderr, the JSON table to stdout. Run: `npm run bench:sim-eval`.
 * Options: `--seeds 20 --markets auctionnet,stationary --compact`.
 */
import { parseArgs } from 'node:util';
import {
  EVALUATION_METRICS,
  auctionNetMarket,
  evaluatePolicies,
  pairedDifference,
  policyByName,
  stationaryMarket,
  type Evaluation,
  type MetricSummary,
} from '../../simulator/index.js';

const { values: args } = parseArgs({
  options: {
    seeds: { type: 'string', default: '20' },
    markets: { type: 'string', default: 'auctionnet,stationary' },
    policies: { type: 'string', default: 'fixed-multiplier,pid-pacing,online-lp,dual-pacing' },
    compact: { type: 'boolean', default: false },
  },
});
const seeds = Number(args.seeds);
const policies = args.policies.split(',').map(policyByName);
const markets = { auctionnet: auctionNetMarket, stationary: stationaryMarket } as const;

const round = (x: number) => Number(x.toPrecision(4));
const interval = (m: MetricSummary) => ({ mean: round(m.mean), ci95: [round(m.low), round(m.high)] });

function table(evaluation: Evaluation) {
  return evaluation.policies.map((p) => ({
    policy: p.policy,
    ...Object.fromEntries(EVALUATION_METRICS.map((metric) => [metric, interval(p.metrics[metric])])),
  }));
}

const results: Record<string, unknown> = {};
const checks: Record<string, unknown> = {};
const started = performance.now();
for (const name of args.markets.split(',')) {
  const make = markets[name as keyof typeof markets];
  if (!make) throw new Error(`Unknown market "${name}"; known: ${Object.keys(markets).join(', ')}`);
  const evaluation = evaluatePolicies({
    seeds,
    policies,
    market: make(),
    onRow: (row) =>
      process.stderr.write(`${name} ${row.policy} seed ${row.seed}: score ${row.score.toFixed(2)}\n`),
  });
  results[name] = { seeds: evaluation.seeds.length, focal: evaluation.focal, policies: table(evaluation) };
  const metric = (policy: string, m: (typeof EVALUATION_METRICS)[number]) =>
    evaluation.policies.find((p) => p.policy === policy)?.metrics[m];
  const has = (...names: string[]) => names.every((n) => evaluation.policies.some((p) => p.policy === n));
  checks[`${name}.overspendZero`] = evaluation.policies.every((p) =>
    p.rows.every((r) => r.overspendCount === 0),
  );
  if (name === 'auctionnet' && has('online-lp', 'fixed-multiplier', 'pid-pacing')) {
    const lpOverFixed = pairedDifference(evaluation, 'online-lp', 'fixed-multiplier', 'score');
    const fixedOverPid = pairedDifference(evaluation, 'fixed-multiplier', 'pid-pacing', 'score');
    checks['auctionnet.scoreOnlineLpMinusFixed'] = interval(lpOverFixed);
    checks['auctionnet.scoreFixedMinusPid'] = interval(fixedOverPid);
    checks['auctionnet.orderingOnlineLpFixedPid'] = lpOverFixed.mean > 0 && fixedOverPid.mean > 0;
    checks['auctionnet.pidBudgetUsed'] = interval(metric('pid-pacing', 'budgetUsed') as MetricSummary);
    checks['auctionnet.pidCpaPenalty'] = interval(metric('pid-pacing', 'cpaPenalty') as MetricSummary);
  }
  if (name === 'stationary' && has('dual-pacing')) {
    const ratio = metric('dual-pacing', 'competitiveRatio') as MetricSummary;
    checks['stationary.dualCompetitiveRatio'] = interval(ratio);
    checks['stationary.dualCompetitiveRatioAtLeast0.9'] = ratio.mean >= 0.9;
  }
}
const output = { seeds, seconds: Math.round((performance.now() - started) / 1000), markets: results, checks };
process.stdout.write(`${JSON.stringify(output, null, args.compact ? undefined : 2)}\n`);
