import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, Plan, SqliteJournal } from '../core/index.js';
import {
  ScriptedChatModel,
  demoCatalog,
  fixedClock,
  sequentialIds,
  testAgentContext,
} from '../testing/index.js';
import { createLodestone, type LodestoneOptions } from './lodestone.js';
import {
  PLANNING_AGENTS,
  planScript,
  scriptedModels,
  scriptedSteps,
  type PlanningAgent,
} from './llm-plan-fixtures.js';

const GOAL = 'Sell our ceramic tableware this month, budget 3000 GBP per day, keep CPA under 12 GBP';
const plan = await planScript(GOAL, testAgentContext());

function setup(
  models: Partial<Record<PlanningAgent, ScriptedChatModel>>,
  env: Record<string, string> = {},
  journal = new SqliteJournal(':memory:'),
  extra: Partial<LodestoneOptions> = {},
) {
  const lodestone = createLodestone({
    config: loadConfig(env),
    memory: false,
    clock: fixedClock('2026-11-29T09:00:00Z'),
    ids: sequentialIds(),
    journal,
    catalog: demoCatalog(),
    model: (agent) => models[agent as PlanningAgent] ?? new ScriptedChatModel([], { model: 'gpt-4o-mini' }),
    retry: { maxRetries: 2, delayMs: () => 0 },
    ...extra,
  });
  return { lodestone, journal };
}

describe('Lodestone.plan in LLM mode (scripted models)', () => {
  it('runs every agent’s LLM policy, journals every response and tool result, and plans within budget', async () => {
    const models = scriptedModels(plan);
    const { lodestone, journal } = setup(models);
    const result = await lodestone.plan(GOAL, { approve: true });
    expect(result.status, JSON.stringify(result.error)).toBe('planned');
    for (const agent of PLANNING_AGENTS) models[agent].assertComplete();
    const out = Plan.parse(result.plan);
    expect(out.brief).toEqual(plan.brief);
    expect(out.segments.map((s) => s.name)).toEqual(plan.segments.map((s) => s.name));
    expect(out.bidPlan).toEqual(plan.bidPlan);
    const entries = journal.entries(result.runId);
    const responded = entries.filter((e) => e.type === 'llm.model.responded');
    expect(new Set(responded.map((e) => (e.data as { agent: string }).agent))).toEqual(
      new Set(PLANNING_AGENTS),
    );
    expect(entries.filter((e) => e.type === 'llm.tool.result').length).toBe(5);
    expect(entries[0]?.data).toMatchObject({
      mode: 'llm',
      model: 'gpt-4o-mini',
      budgets: { run: { steps: 64 } },
    });
    const cost = lodestone.cost(result.runId);
    expect(cost.agents.map((a) => a.agent).sort()).toEqual([...PLANNING_AGENTS].sort());
    expect(cost.total.calls).toBe(8);
    expect(cost.total.usd).toBeGreaterThan(0);
    expect(cost.tools.map((t) => t.tool).sort()).toEqual(
      ['association_rules', 'catalog_search', 'next_buyers', 'score_copy', 'target_cpa_bid'].sort(),
    );
  });

  it('replays the run from its journal with zero model calls and a byte-identical plan', async () => {
    // A run that needed exactly its budget replays within it: replayed calls are charged once.
    const { lodestone, journal } = setup(scriptedModels(plan), { LODESTONE_BUDGET_STEPS: '8' });
    const first = await lodestone.plan(GOAL, { approve: true });
    const before = journal.entries(first.runId).length;
    const idle = setup({}, {}, journal).lodestone;
    const replay = await idle.replay(first.runId);
    expect(replay).toMatchObject({ status: 'planned', identical: true, modelCalls: 0, replayedCalls: 8 });
    expect(JSON.stringify(replay.plan)).toBe(JSON.stringify(first.plan));
    expect(journal.entries(first.runId)).toHaveLength(before);
  });

  it('an exhausted run budget fails the run with a typed error and an intact journal; resume with a larger one finishes it', async () => {
    const journal = new SqliteJournal(':memory:');
    const { lodestone } = setup(scriptedModels(plan), { LODESTONE_BUDGET_STEPS: '5' }, journal);
    const failed = await lodestone.plan(GOAL, { approve: true });
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'BUDGET_EXCEEDED', budget: 'steps', scope: 'run', limit: 5 });
    const entries = journal.entries(failed.runId);
    const responded = entries.filter((e) => e.type === 'llm.model.responded');
    // Parallel agents count each other's calls in flight: together they never pass the run budget.
    expect(responded.length).toBeLessThanOrEqual(5);
    expect(entries.map((e) => e.type)).toEqual(
      expect.arrayContaining(['step.failed', 'llm.loop.failed', 'run.failed']),
    );
    expect(journal.getRun(failed.runId)?.status).toBe('failed');

    // Resume with a larger budget: every journaled response is reused, none is asked again.
    const done = (agent: string) =>
      responded.filter((e) => (e.data as { agent: string }).agent === agent).length;
    const fresh = scriptedModels(plan);
    for (const agent of PLANNING_AGENTS)
      fresh[agent] = new ScriptedChatModel(scriptedSteps(plan.turns[agent].slice(done(agent))), {
        model: 'gpt-4o-mini',
      });
    const resumed = await setup(fresh, { LODESTONE_BUDGET_STEPS: '20' }, journal).lodestone.resume(
      failed.runId,
    );
    expect(resumed.status, JSON.stringify(resumed.error)).toBe('planned');
    for (const agent of PLANNING_AGENTS) {
      fresh[agent].assertComplete();
      expect(fresh[agent].calls).toHaveLength(plan.turns[agent].length - done(agent));
    }
    expect(JSON.stringify(resumed.plan?.bidPlan)).toBe(JSON.stringify(plan.bidPlan));
    expect(journal.entries(failed.runId).filter((e) => e.type === 'llm.model.responded')).toHaveLength(8);
    const again = setup({}, {}, journal).lodestone;
    expect(again.show(failed.runId)).toMatchObject({ run: { status: 'planned' } });
    expect(again.show(failed.runId).error).toBeUndefined();
    // The replay runs with the budgets of the resume, so it reaches the same plan.
    const replay = await again.replay(failed.runId);
    expect(replay).toMatchObject({ status: 'planned', identical: true, modelCalls: 0, replayedCalls: 8 });
  });

  it('a model that keeps failing fails the run with MODEL_CALL_FAILED (exit code 1), retries journaled', async () => {
    const journal = new SqliteJournal(':memory:');
    const broken = new ScriptedChatModel(
      Array.from({ length: 3 }, () => ({
        kind: 'error' as const,
        error: Object.assign(new Error('overloaded'), { status: 503 }),
      })),
    );
    const result = await setup({ 'brief-parser': broken }, {}, journal).lodestone.plan(GOAL);
    expect(result.error).toMatchObject({ code: 'MODEL_CALL_FAILED', attempts: 3, kind: 'server' });
    expect((result.cause as { exitCode: number }).exitCode).toBe(1);
    expect(journal.entries(result.runId).filter((e) => e.type === 'llm.model.retry')).toHaveLength(2);
  });
});

describe('LLM mode configuration fails before any call', () => {
  it('a missing key, a bad model id or LangChain tracing is a ConfigError at construction', () => {
    const make = (env: Record<string, string>) => () =>
      createLodestone({ config: loadConfig(env), journal: new SqliteJournal(':memory:'), memory: false });
    expect(make({ LODESTONE_MODEL: 'openai:gpt-4o-mini' })).toThrow(ConfigError);
    expect(make({ LODESTONE_MODEL: 'openai:gpt-4o-mini' })).toThrow(/OPENAI_API_KEY: required/);
    expect(make({ LODESTONE_MODEL: 'gpt4' })).toThrow(/expected offline, or openai:<model>/);
    expect(() =>
      createLodestone({
        config: { ...loadConfig({}), tracing: true },
        journal: new SqliteJournal(':memory:'),
        memory: false,
        model: new ScriptedChatModel([]),
      }),
    ).toThrow(/LangSmith/);
    const offline = make({
      LODESTONE_MODEL: 'openai:qwen2.5:7b',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    })();
    expect(offline.mode).toEqual({ mode: 'llm', model: 'qwen2.5:7b' });
  });
});
