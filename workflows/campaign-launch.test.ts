import { createActor, fromPromise, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  BadGoalError,
  type AudienceSegment,
  type BidPlan,
  type CampaignBrief,
  type CreativeInsight,
  type Forecast,
} from '../src/core/index.js';
import { campaignLaunchMachine } from './campaign-launch.js';

const brief: CampaignBrief = {
  goal: 'g',
  language: 'en',
  objective: 'sales',
  budget: { amount: 100, currency: 'GBP', period: 'day' },
  targetCpa: { amount: 10, currency: 'GBP' },
  schedule: { days: 2 },
  audience: {},
  productIds: [],
  channels: [],
};
const bidPlan = (daily = 100): BidPlan => ({
  currency: 'GBP',
  dailyBudget: daily,
  totalBudget: daily * 2,
  days: 2,
  targetCpa: 10,
  targetCpaSource: 'brief',
  segments: [
    {
      segment: 's',
      predictedCvr: 0.02,
      bid: 0.2,
      multiplier: 1,
      minMultiplier: 0.5,
      maxMultiplier: 1.2,
      budgetShare: 1,
    },
  ],
  hourly: Array.from({ length: 24 }, (_, hour) => ({
    hour,
    trafficShare: 1 / 24,
    budget: Math.floor((daily / 24) * 100) / 100,
  })),
  pacing: { policy: 'dual', description: '', params: {} },
  expected: { spendPerDay: daily, conversionsPerDay: 10, cpa: 8 },
});
const forecast: Forecast = {
  method: 'analytic',
  currency: 'GBP',
  days: 2,
  spend: 200,
  conversions: 25,
  cpa: 8,
  revenue: 500,
  roas: 2.5,
  conversionsInterval: [15, 35],
  assumptions: [],
};

function machine(
  over: { brief?: CampaignBrief; bidPlan?: BidPlan; parse?: () => Promise<CampaignBrief> } = {},
) {
  const order: string[] = [];
  const step = <T, I>(name: string, value: () => Promise<T>) =>
    fromPromise<T, I>(async () => {
      order.push(name);
      return value();
    });
  return {
    order,
    machine: campaignLaunchMachine.provide({
      actors: {
        parseBrief: step<CampaignBrief, { goal: string }>(
          'parse',
          over.parse ?? (() => Promise.resolve(over.brief ?? brief)),
        ),
        analyseCreative: step<CreativeInsight[], { brief: CampaignBrief }>('creative', () =>
          Promise.resolve([]),
        ),
        reasonAudience: step<AudienceSegment[], { brief: CampaignBrief }>('audience', () =>
          Promise.resolve([]),
        ),
        planBids: step<BidPlan, { brief: CampaignBrief; segments: AudienceSegment[] }>('bids', () =>
          Promise.resolve(over.bidPlan ?? bidPlan()),
        ),
        forecastPlan: step<Forecast, { brief: CampaignBrief; bidPlan: BidPlan }>('forecast', () =>
          Promise.resolve(forecast),
        ),
      },
    }),
  };
}

async function settle(m: ReturnType<typeof machine>['machine']) {
  const actor = createActor(m, { input: { goal: 'g' } }).start();
  await waitFor(actor, (s) => s.status === 'done' || s.matches('awaitingApproval'));
  return actor;
}

describe('campaign-launch workflow', () => {
  it('runs parse → creative ‖ audience → bids → forecast → review → awaiting approval', async () => {
    const { machine: m, order } = machine();
    const actor = await settle(m);
    expect(actor.getSnapshot().value).toBe('awaitingApproval');
    expect(order[0]).toBe('parse');
    expect(order.slice(1, 3).sort()).toEqual(['audience', 'creative']);
    expect(order.slice(3)).toEqual(['bids', 'forecast']);
    expect(actor.getSnapshot().context.review.every((c) => c.ok)).toBe(true);
  });

  it('approval leads to planned, rejection to rejected, each recorded', async () => {
    const approved = await settle(machine().machine);
    approved.send({ type: 'plan.approved', by: 'alice', at: 't1' });
    expect(approved.getSnapshot().value).toBe('planned');
    expect(approved.getSnapshot().context.approval).toEqual({ decision: 'approved', by: 'alice', at: 't1' });

    const rejected = await settle(machine().machine);
    rejected.send({ type: 'plan.rejected', by: 'bob', at: 't2', reason: 'too broad' });
    expect(rejected.getSnapshot().value).toBe('rejected');
    expect(rejected.getSnapshot().context.approval?.reason).toBe('too broad');
  });

  it('ignores an approval before the plan is ready', async () => {
    const actor = createActor(machine().machine, { input: { goal: 'g' } }).start();
    actor.send({ type: 'plan.approved', by: 'eager', at: 't0' });
    await waitFor(actor, (s) => s.status === 'done' || s.matches('awaitingApproval'));
    expect(actor.getSnapshot().value).toBe('awaitingApproval');
  });

  it('fails with the parser error for a goal without a budget', async () => {
    const error = new BadGoalError({ missing: ['budget'], goal: 'sell plates' });
    const { machine: m, order } = machine({ parse: () => Promise.reject(error) });
    const actor = await settle(m);
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error).toBe(error);
    expect(order).toEqual(['parse']);
  });

  it('review rejects a plan whose objective needs a target and has none', async () => {
    const { targetCpa: _cpa, ...noTarget } = brief;
    const actor = await settle(machine({ brief: noTarget }).machine);
    expect(actor.getSnapshot().value).toBe('rejected');
    expect(actor.getSnapshot().context.approval?.by).toBe('review');
    expect(actor.getSnapshot().context.approval?.reason).toMatch(/needs a CPA or ROAS target/);
  });

  it('review rejects a plan that would exceed the budget', async () => {
    const actor = await settle(machine({ bidPlan: bidPlan(150) }).machine);
    expect(actor.getSnapshot().value).toBe('rejected');
    expect(actor.getSnapshot().context.review.find((c) => c.name === 'within-budget')?.ok).toBe(false);
  });

  it('an awareness objective needs no target', async () => {
    const { targetCpa: _cpa, ...rest } = brief;
    const awareness: CampaignBrief = { ...rest, objective: 'awareness' };
    const actor = await settle(machine({ brief: awareness }).machine);
    expect(actor.getSnapshot().value).toBe('awaitingApproval');
  });
});
