/**
 * Benchmark: the cold-start success rate. Over `--campaigns` new campaigns (≥ 50), the share that
 * reach K conversions within their first T ticks (of 48 a day) when the delivery machine bids —
 * cold start at the top of the plan's multiplier bounds until K conversions, the plan's pacing
 * tool every tick, the offline strategist on its cadence and on anomalies — against the named
 * baseline `fixed-multiplier-1` (the plain target-CPA bid), on the same markets, seeds and slots.
 * Also the pooled CPA ÷ target over the T ticks: what the faster cold start costs.
 *
 * New campaigns are drawn per seed: order value 30–300 (CNY), target CPA 0.6–1.5 × the market's
 * going rate (30 % of order value), a daily budget of 8–40 target CPAs, dual pacing within
 * [0.5, 1.2], a slot of the AuctionNet market (so every category takes part).
 *
 * K = 10 conversions (a learning phase's worth for a small campaign) within T = 48 ticks (its
 * first day). `deliveryOnly` / `fixedOnly` count the discordant pairs (the paired comparison).
 * Progress on stderr, one JSON line on stdout. Run: `npx tsx evals/bench/cold-start.ts`.
 * Options: `--campaigns 100 --k 10 --t 48 --seed 1`.
 */
import { parseArgs } from 'node:util';
import { mix32, RandomStream } from '../../simulator/index.js';
import type { BidPlan } from '../../src/core/index.js';
import { coldStartSuccess, type ColdStartCampaign } from '../../src/app/deliver.js';

const { values: args } = parseArgs({
  options: {
    campaigns: { type: 'string', default: '100' },
    k: { type: 'string', default: '10' },
    t: { type: 'string', default: '48' },
    seed: { type: 'string', default: '1' },
  },
});
const count = Math.max(50, Number(args.campaigns));
const K = Number(args.k);
const T = Number(args.t);
const base = Number(args.seed);

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A new campaign's plan, as the bid strategist would shape it (only what delivery reads matters). */
function newCampaign(i: number): ColdStartCampaign {
  const rng = new RandomStream(mix32(base * 1_000_003 + i));
  const orderValue = round2(rng.uniform(30, 300));
  const targetCpa = round2(0.3 * orderValue * rng.uniform(0.6, 1.5));
  const dailyBudget = round2(targetCpa * rng.uniform(8, 40));
  const bidPlan: BidPlan = {
    currency: 'CNY',
    dailyBudget,
    totalBudget: dailyBudget,
    days: 1,
    targetCpa,
    targetCpaSource: 'brief',
    segments: [
      {
        segment: 'new campaign',
        predictedCvr: 0.02,
        bid: round2(0.02 * targetCpa),
        multiplier: 1,
        minMultiplier: 0.5,
        maxMultiplier: 1.2,
        budgetShare: 1,
      },
    ],
    hourly: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      trafficShare: 1 / 24,
      budget: dailyBudget / 24,
    })),
    pacing: {
      policy: 'dual',
      description: 'dual pacing',
      params: { minMultiplier: 0.5, maxMultiplier: 1.2 },
    },
    expected: {
      spendPerDay: dailyBudget,
      conversionsPerDay: dailyBudget / (0.8 * targetCpa),
      cpa: 0.8 * targetCpa,
    },
  };
  return { bidPlan, orderValue, slotIndex: i, seed: base * 10_007 + i };
}

const started = process.hrtime.bigint();
const cpu = process.cpuUsage();
const campaigns = Array.from({ length: count }, (_, i) => newCampaign(i));
const result = await coldStartSuccess({
  campaigns,
  K,
  T,
  onCampaign: (done) => {
    if (done % 10 === 0) process.stderr.write(`${done}/${count} campaigns\n`);
  },
});
const used = process.cpuUsage(cpu);
const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
process.stdout.write(
  `${JSON.stringify({
    bench: 'cold-start',
    K,
    T,
    ticksPerDay: 48,
    campaigns: result.campaigns,
    delivery: {
      ...result.delivery,
      share: round3(result.delivery.share),
      cpaRatio: round3(result.delivery.cpaRatio),
    },
    baseline: {
      name: 'fixed-multiplier-1',
      ...result.fixed,
      share: round3(result.fixed.share),
      cpaRatio: round3(result.fixed.cpaRatio),
    },
    shareDifference: round3(result.delivery.share - result.fixed.share),
    deliveryOnly: result.deliveryOnly,
    fixedOnly: result.fixedOnly,
    seconds: round3(Number(process.hrtime.bigint() - started) / 1e9),
    cpuSeconds: round3((used.user + used.system) / 1e6),
    node: process.version,
  })}\n`,
);
