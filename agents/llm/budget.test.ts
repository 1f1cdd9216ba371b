import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { ScriptedChatModel, script } from '../../src/testing/index.js';
import { BudgetExceededError, BudgetLedger, runToolLoop, type BudgetLimits } from './index.js';
import { audienceLoop, FINAL } from './test-fixtures.js';

const START = '2026-11-29T09:00:00Z';

function run(
  model: ScriptedChatModel,
  ledger: BudgetLedger,
  agent = 'audience-reasoner',
  onEvent = () => {},
) {
  return runToolLoop({
    ...audienceLoop(),
    agent,
    model,
    ledger,
    retry: { maxRetries: 0, delayMs: () => 0 },
    onEvent,
  });
}

const threeCalls = () => [
  script.toolCall('association_rules', { productId: '22720' }),
  script.toolCall('user_history', { userId: '17850' }),
  script.json(FINAL),
];

async function exhausted(limits: BudgetLimits, model: ScriptedChatModel, clock = fixedClock(START)) {
  const error = await run(model, new BudgetLedger({ clock, agent: limits })).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BudgetExceededError);
  return error as BudgetExceededError;
}

describe('budgets are checked before each call', () => {
  it('steps: the call past the limit is never made', async () => {
    const model = new ScriptedChatModel(threeCalls());
    const error = await exhausted({ steps: 2 }, model);
    expect(error).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      budget: 'steps',
      scope: 'agent',
      limit: 2,
      used: 2,
    });
    expect(error.message).toBe(
      'Agent audience-reasoner stopped: the agent steps budget is 2, 2 used and the next call would bring it to 3. Raise the agent budget or shorten the task.',
    );
    expect(model.calls).toHaveLength(2);
  });

  it('tokens: usage plus the next prompt’s estimate may not pass the limit', async () => {
    const model = new ScriptedChatModel([
      script.withUsage(script.toolCall('association_rules', { productId: '22720' }), {
        input: 700,
        output: 250,
      }),
      script.json(FINAL),
    ]);
    const error = await exhausted({ tokens: 1000 }, model);
    expect(error).toMatchObject({ budget: 'tokens', limit: 1000, used: 950 });
    expect(error.projected).toBeGreaterThan(1000);
    expect(model.calls).toHaveLength(1);
  });

  it('money: priced by the versioned table for the model', async () => {
    const model = new ScriptedChatModel(
      [
        script.withUsage(script.toolCall('association_rules', { productId: '22720' }), {
          input: 100_000,
          output: 10_000,
        }),
        script.json(FINAL),
      ],
      { model: 'gpt-4o' },
    );
    const error = await exhausted({ usd: 0.3 }, model);
    // 100k input at $2.50/M + 10k output at $10/M = $0.35.
    expect(error).toMatchObject({ budget: 'usd', limit: 0.3, used: 0.35 });
    expect(model.calls).toHaveLength(1);
  });

  it('wall time: measured with the injected clock', async () => {
    const clock = fixedClock(START);
    const model = new ScriptedChatModel(threeCalls());
    const ledger = new BudgetLedger({ clock, agent: { wallTimeMs: 60_000 } });
    const error = await run(model, ledger, 'audience-reasoner', () => clock.advance(45_000)).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ budget: 'wallTimeMs', limit: 60_000 });
    expect((error as BudgetExceededError).used).toBeGreaterThan(60_000);
  });

  it('a run budget is shared by the agents of the run', async () => {
    const ledger = new BudgetLedger({ clock: fixedClock(START), run: { steps: 4 }, agent: { steps: 10 } });
    await run(new ScriptedChatModel(threeCalls()), ledger, 'creative-analyst');
    const second = new ScriptedChatModel(threeCalls());
    const error = await run(second, ledger, 'audience-reasoner').catch((e: unknown) => e);
    expect(error).toMatchObject({
      budget: 'steps',
      scope: 'run',
      limit: 4,
      used: 4,
      agent: 'audience-reasoner',
    });
    expect(second.calls).toHaveLength(1);
    expect(ledger.usage()).toMatchObject({ steps: 4 });
    expect(ledger.usage('creative-analyst')).toMatchObject({ steps: 3 });
  });

  it('per-agent limits override the default agent limits', () => {
    const ledger = new BudgetLedger({
      clock: fixedClock(START),
      agent: { steps: 5 },
      agents: { 'bid-strategist': { steps: 1 } },
    });
    ledger.charge('bid-strategist', 'gpt-4o-mini', { inputTokens: 10, outputTokens: 5, totalTokens: 15 });
    expect(ledger.check('bid-strategist', { promptTokens: 10, model: 'gpt-4o-mini' })).toMatchObject({
      budget: 'steps',
      limit: 1,
    });
    expect(ledger.check('audience-reasoner', { promptTokens: 10, model: 'gpt-4o-mini' })).toBeUndefined();
  });
});

describe('budgets and agents in parallel', () => {
  it('a checked call is in flight until charged or released: parallel agents cannot pass a run budget together', () => {
    const ledger = new BudgetLedger({ clock: fixedClock(START), run: { steps: 3 } });
    const next = { promptTokens: 10, model: 'gpt-4o-mini' };
    const usage = { inputTokens: 10, outputTokens: 5, totalTokens: 15 };
    expect(ledger.check('creative-analyst', next)).toBeUndefined();
    expect(ledger.check('audience-reasoner', next)).toBeUndefined();
    ledger.charge('creative-analyst', 'gpt-4o-mini', usage);
    expect(ledger.check('creative-analyst', next)).toBeUndefined();
    // 1 charged + 2 in flight: the audience reasoner's next call would be the 4th.
    ledger.charge('audience-reasoner', 'gpt-4o-mini', usage);
    expect(ledger.check('audience-reasoner', next)).toMatchObject({ budget: 'steps', scope: 'run', used: 3 });
    // A failed call releases its slot.
    ledger.release('creative-analyst');
    expect(ledger.check('audience-reasoner', next)).toBeUndefined();
  });
});
