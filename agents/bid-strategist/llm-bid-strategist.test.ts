import { describe, expect, it } from 'vitest';
import type { BidPlan } from '../../src/core/index.js';
import { ScriptedChatModel, script, testAgentContext } from '../../src/testing/index.js';
import { targetCpaBid } from '../../tools/bidding/index.js';
import { allocateBudget, splitBudgetOverHours } from '../../tools/planning/index.js';
import { audienceReasoner } from '../audience-reasoner/index.js';
import { briefParser } from '../brief-parser/index.js';
import { contentText } from '../llm/index.js';
import { describeLlmAgent, scriptedDeps } from '../llm/agent-scenarios.js';
import { bidStrategist, MULTIPLIER_BOUNDS } from './bid-strategist.js';
import { planBidsLlm } from './llm-bid-strategist.js';

const ctx = testAgentContext();
const tools = [allocateBudget, splitBudgetOverHours, targetCpaBid];
const brief = await briefParser.run(
  { goal: 'Sell our ceramic tableware this month, budget 3000 GBP per day, keep CPA under 12 GBP' },
  ctx,
);
const { segments } = await audienceReasoner.run(
  { productIds: brief.productIds, audience: brief.audience },
  ctx,
);
const input = bidStrategist.input.parse({ brief, segments });
const offline = await bidStrategist.run(input, ctx);
const bidStep = () => [
  script.toolCall('target_cpa_bid', { pCvrs: segments.map((s) => s.predictedCvr), targetCpa: 12 }),
];

describeLlmAgent({
  agent: 'bid-strategist',
  tools,
  run: (deps) => planBidsLlm(input, ctx, deps),
  toolSteps: bidStep,
  invalidCall: {
    name: 'allocate_budget',
    args: { budget: -5, weights: [] },
    issue: /Too small: expected array to have >=1 items/,
  },
  final: () => offline,
  verify: (plan) => expect(plan).toEqual(offline),
});

/** Checks the invariants the guards hold, whatever the model answered. */
function expectWithinBounds(plan: BidPlan): void {
  expect(plan.dailyBudget).toBe(3000);
  expect(plan.hourly.reduce((a, h) => a + h.budget, 0)).toBeLessThanOrEqual(plan.dailyBudget);
  expect(plan.segments.reduce((a, s) => a + s.budgetShare, 0)).toBeLessThanOrEqual(1 + 1e-9);
  for (const s of plan.segments) {
    expect(s.minMultiplier).toBeGreaterThanOrEqual(MULTIPLIER_BOUNDS.min);
    expect(s.maxMultiplier).toBeLessThanOrEqual(MULTIPLIER_BOUNDS.max);
    expect(s.multiplier).toBeGreaterThanOrEqual(s.minMultiplier);
    expect(s.multiplier).toBeLessThanOrEqual(s.maxMultiplier);
    expect(s.bid).toBe(offline.segments.find((o) => o.segment === s.segment)?.bid);
  }
}

describe('bid strategist LLM: guards, not prompts', () => {
  it('clamps multipliers and bounds, recomputes bids, keeps the budget and the hours within it', async () => {
    const greedy: BidPlan = {
      ...offline,
      dailyBudget: 1_000_000,
      totalBudget: 30_000_000,
      targetCpa: 500,
      segments: offline.segments.map((s) => ({
        ...s,
        bid: 500,
        multiplier: 50,
        minMultiplier: 0.01,
        maxMultiplier: 100,
        budgetShare: 0.9,
      })),
      hourly: offline.hourly.map((h) => ({ ...h, budget: h.budget * 400 })),
      pacing: { ...offline.pacing, params: { ...offline.pacing.params, maxMultiplier: 100 } },
    };
    const model = new ScriptedChatModel([...bidStep(), script.json(greedy)]);
    const { deps, events } = scriptedDeps(model, tools);
    const plan = await planBidsLlm(input, ctx, deps);
    expectWithinBounds(plan);
    expect(plan.targetCpa).toBe(12);
    expect(plan.totalBudget).toBe(offline.totalBudget);
    expect(plan.pacing.params.maxMultiplier).toBe(MULTIPLIER_BOUNDS.max);
    expect(plan.expected.spendPerDay).toBeLessThanOrEqual(3000);
    const guarded = events.find((e) => e.type === 'output.guarded');
    const corrections = guarded?.type === 'output.guarded' ? guarded.corrections : [];
    expect(corrections).toContain('dailyBudget 1000000 → 3000 (brief)');
    expect(corrections).toContain('Broad reach.multiplier 50 → 1.2 (bounds)');
  });

  it('re-asks a plan that drops or renames a segment', async () => {
    const renamed = { ...offline, segments: [{ ...offline.segments[0]!, segment: 'Everyone, max bid' }] };
    const model = new ScriptedChatModel([script.json(renamed), script.json(offline)]);
    const plan = await planBidsLlm(input, ctx, scriptedDeps(model, tools).deps);
    expect(plan).toEqual(offline);
    expect(contentText(model.calls[1]?.messages.at(-1)?.content ?? '')).toMatch(
      /"Everyone, max bid" is not an input segment/,
    );
  });

  it('gives the model the budget, the target CPA, the bounds and the real traffic curve', async () => {
    const model = new ScriptedChatModel([script.json(offline)]);
    await planBidsLlm(input, ctx, scriptedDeps(model, tools).deps);
    const facts = JSON.parse(
      contentText(model.calls[0]?.messages[1]?.content ?? '').replace(/^Input:\n/, ''),
    ) as {
      dailyBudget: number;
      targetCpa: number;
      multiplierBounds: unknown;
      trafficCurve: number[];
    };
    expect(facts).toMatchObject({ dailyBudget: 3000, targetCpa: 12, multiplierBounds: MULTIPLIER_BOUNDS });
    expect(facts.trafficCurve).toHaveLength(24);
  });
});
