/**
 * Benchmark: one default market episode — 500,000 opportunities × 48 advertisers × 48 ticks, GSP
 * with 3 slots, the default competitor mix (fixed multiplier, PID, OnlineLP with its what-if log,
 * dual pacing) — on one thread.
 *
 * Measures the fast engine (typed arrays, no per-bid objects) over `--runs` episodes after a
 * warm-up, and the named baseline `naive-object-per-bid` (an array of bid objects and a comparator
 * sort per opportunity) on the same episode; checks that both produce the same results. A bid
 * evaluation is one (opportunity, advertiser) pair: predicted pCVR drawn, bid computed, ranked;
 * the time includes drawing values, settling slots and outcomes, pacing and the what-if logs.
 *
 * `seconds` is wall time (median over runs), `cpuSeconds` the process CPU time of the same runs: on
 * a shared machine the second shows how much of the first was waiting for a core.
 *
 * Progress goes to stderr, one JSON line of results to stdout. Run: `npm run bench:sim`.
 * Options: `--runs 3 --baseline-runs 1 --seed 1 --opportunities 500000`.
 */
import { parseArgs } from 'node:util';
import {
  auctionNetMarket,
  buildValueModel,
  fixedMultiplier,
  runEpisode,
  type EpisodeResult,
} from '../../simulator/index.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'baseline-runs': { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    opportunities: { type: 'string', default: '500000' },
  },
});
const runs = Math.max(1, Number(args.runs));
const baselineRuns = Math.max(1, Number(args['baseline-runs']));
const seed = Number(args.seed);
const market = auctionNetMarket({ opportunities: Number(args.opportunities) });
const model = buildValueModel(market);
// Every advertiser runs the market's competitor mix (no focal policy, nothing recorded).
const policies = { policy: fixedMultiplier(), advertisers: [] };

function time(
  engine: 'typed' | 'naive',
  episodeSeed: number,
): { seconds: number; cpu: number; result: EpisodeResult } {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const result = runEpisode(market, policies, episodeSeed, { engine, model });
  const cpu = process.cpuUsage(cpuStart);
  return {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpu: (cpu.user + cpu.system) / 1e6,
    result,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const fingerprint = (r: EpisodeResult) =>
  JSON.stringify(r.advertisers.map((a) => [a.spend, a.conversions, a.wins]));

process.stderr.write('warm-up…\n');
runEpisode(auctionNetMarket({ opportunities: 50_000 }), policies, seed + 1000);
const typed: number[] = [];
const typedCpu: number[] = [];
let typedResult: EpisodeResult | undefined;
for (let i = 0; i < runs; i++) {
  const { seconds, cpu, result } = time('typed', seed);
  typed.push(seconds);
  typedCpu.push(cpu);
  typedResult = result;
  process.stderr.write(`typed run ${i + 1}: ${seconds.toFixed(3)} s (cpu ${cpu.toFixed(3)} s)\n`);
}
const naive: number[] = [];
const naiveCpu: number[] = [];
let naiveResult: EpisodeResult | undefined;
for (let i = 0; i < baselineRuns; i++) {
  const { seconds, cpu, result } = time('naive', seed);
  naive.push(seconds);
  naiveCpu.push(cpu);
  naiveResult = result;
  process.stderr.write(`naive run ${i + 1}: ${seconds.toFixed(3)} s (cpu ${cpu.toFixed(3)} s)\n`);
}

const evaluations = (typedResult?.opportunities ?? 0) * market.campaigns.length;
const seconds = median(typed);
const baselineSeconds = median(naive);
const round = (x: number, digits = 3) => Number(x.toFixed(digits));
process.stdout.write(
  `${JSON.stringify({
    opportunities: typedResult?.opportunities,
    advertisers: market.campaigns.length,
    ticks: market.ticks,
    slots: market.exposure.length,
    seconds: round(seconds),
    bidEvaluationsPerSec: Math.round(evaluations / seconds),
    cpuSeconds: round(median(typedCpu)),
    runs,
    baseline: {
      name: 'naive-object-per-bid',
      seconds: round(baselineSeconds),
      cpuSeconds: round(median(naiveCpu)),
      bidEvaluationsPerSec: Math.round(evaluations / baselineSeconds),
    },
    speedup: round(baselineSeconds / seconds, 1),
    identicalResults:
      typedResult && naiveResult ? fingerprint(typedResult) === fingerprint(naiveResult) : false,
    node: process.version,
  })}\n`,
);
