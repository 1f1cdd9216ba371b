import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, sequentialIds } from '../../src/core/index.js';
import { ScriptedChatModel, script, type ScriptedStep } from '../../src/testing/index.js';
import { openSqliteLeadStore, type LeadStore } from '../../tools/leads/index.js';
import { openRetailStore, TRANSFER_MESSAGE, type RetailStore } from '../../tools/retail/index.js';
import { runSupportThread } from '../../workflows/index.js';
import {
  BudgetExceededError,
  BudgetLedger,
  contentText,
  InvalidModelOutputError,
  ModelRefusalError,
  type BudgetLedgerOptions,
  type LoopEvent,
} from '../llm/index.js';
import { createLlmSupportPolicy } from './llm-policy.js';
import {
  CANCEL_KEYS,
  CANCEL_THREAD,
  cancelDecisions as d,
  cancelThreadSteps,
  CONFIRM_TEXT,
  decision,
  DONE_TEXT,
  YUSUF,
} from './llm-test-fixtures.js';
import type { SupportPolicy } from './policy-types.js';
import { createSampleProductSearch } from './sample-catalog.js';

const clock = fixedClock('2026-11-29T09:00:00Z');
const pristine = openRetailStore().stateHash();
const opened: LeadStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** A cancel thread with the LLM policy over a strict scripted model. */
function llmThread(
  steps: ScriptedStep[],
  budgets: Omit<BudgetLedgerOptions, 'clock'> = {},
  maxRepairs?: number,
) {
  const model = new ScriptedChatModel(steps);
  const events: LoopEvent[] = [];
  const errors: unknown[] = [];
  const ledger = new BudgetLedger({ clock, ...budgets });
  const llm = createLlmSupportPolicy({
    model,
    ledger,
    retry: { maxRetries: 3, delayMs: () => 0 },
    onEvent: (e) => events.push(e),
    ...(maxRepairs === undefined ? {} : { maxRepairs }),
  });
  const policy: SupportPolicy = async (view) => {
    try {
      return await llm(view);
    } catch (error) {
      errors.push(error);
      throw error;
    }
  };
  const store = openRetailStore();
  const leads = openSqliteLeadStore(':memory:');
  opened.push(leads);
  const run = (messages: readonly string[] = CANCEL_THREAD) =>
    runSupportThread(messages, {
      search: createSampleProductSearch(),
      leads,
      store,
      clock,
      ids: sequentialIds(),
      policy,
    });
  return { model, events, errors, ledger, store, run };
}

/** What the message before call `n` told the model (a re-ask's feedback). */
const lastMessage = (model: ScriptedChatModel, n: number) =>
  contentText(model.calls[n]?.messages.at(-1)?.content ?? '');

function expectCancelled(store: RetailStore, result: Awaited<ReturnType<typeof runSupportThread>>) {
  expect(result.userId).toBe(YUSUF.userId);
  expect(result.replies.map((r) => r.text)).toEqual([
    'Thank you, you are verified. How can I help?',
    CONFIRM_TEXT,
    DONE_TEXT,
  ]);
  expect(result.actions.map((a) => [a.tool, a.ok])).toEqual([
    ['find_user_id_by_email', true],
    ['get_user_details', true],
    ['get_order_details', true],
    ['cancel_pending_order', true],
  ]);
  expect(result.state).toBe('resolved');
  expect(result.handoff).toBe(false);
  expect(store.db.orders[YUSUF.order]).toMatchObject({
    status: 'cancelled',
    cancel_reason: 'ordered by mistake',
  });
}

function expectHandedOffUnchanged(store: RetailStore, result: Awaited<ReturnType<typeof runSupportThread>>) {
  expect(result.handoff).toBe(true);
  expect(result.state).toBe('handedOff');
  expect(result.replies.at(-1)?.text).toBe(TRANSFER_MESSAGE);
  expect(result.actions.at(-1)).toMatchObject({ tool: 'transfer_to_human_agents', ok: true });
  expect(result.actions.some((a) => a.tool === 'cancel_pending_order')).toBe(false);
  expect(store.stateHash()).toBe(pristine);
}

describe('customer-service LLM policy (scripted model, full threads)', () => {
  it('a normal run: authenticate, look up, propose a cancel with confirm, yes, the write runs', async () => {
    const t = llmThread(cancelThreadSteps());
    const result = await t.run();
    expectCancelled(t.store, result);
    t.model.assertComplete();
    // One tool loop per decision, no tools bound, each with its deterministic key.
    expect(t.model.calls.every((c) => c.tools.length === 0)).toBe(true);
    const keys = t.events.filter((e) => e.type === 'loop.done').map((e) => e.agent);
    expect(keys).toEqual(CANCEL_KEYS);
    expect(t.ledger.usage('customer-service').steps).toBe(6);
    // The last decision saw the write's outcome, after the buyer's yes.
    expect(lastMessage(t.model, 5)).toMatch(
      /"tool": "cancel_pending_order",\s+"args": \{[^}]*\},\s+"ok": true/,
    );
  });

  it('invalid tool arguments are re-asked with the exact zod issue, then the fixed call is proposed', async () => {
    const bad = decision.call(
      'cancel_pending_order',
      { order_id: YUSUF.order, reason: 'changed my mind' },
      CONFIRM_TEXT,
    );
    const steps = cancelThreadSteps();
    steps.splice(4, 0, bad);
    const t = llmThread(steps);
    expectCancelled(t.store, await t.run());
    t.model.assertComplete();
    const feedback = lastMessage(t.model, 5);
    expect(feedback).toContain('Invalid arguments for cancel_pending_order');
    expect(feedback).toContain('Invalid option: expected one of "no longer needed"|"ordered by mistake"');
    expect(feedback).toContain('→ at reason');
    expect(t.events.find((e) => e.type === 'loop.reasked')).toMatchObject({
      agent: 'customer-service/t1.s1',
      reason: 'output-check',
    });
  });

  it('malformed JSON is re-asked, then the decision goes through', async () => {
    const steps = cancelThreadSteps();
    steps.splice(2, 0, script.reply('{"kind": "reply", "text": "Thank you, you are'));
    const t = llmThread(steps);
    expectCancelled(t.store, await t.run());
    t.model.assertComplete();
    expect(lastMessage(t.model, 3)).toMatch(/Your final answer is not valid JSON/);
    expect(t.events.find((e) => e.type === 'loop.reasked')).toMatchObject({ reason: 'malformed-json' });
  });

  it('arguments still invalid after maxRepairs re-asks: InvalidModelOutputError, handoff, nothing written', async () => {
    const bad = () =>
      decision.call(
        'cancel_pending_order',
        { order_id: YUSUF.order, reason: 'changed my mind' },
        CONFIRM_TEXT,
      );
    const t = llmThread([d.authenticate(), d.profile(), d.greet(), d.lookUp(), bad(), bad()], {}, 1);
    const result = await t.run();
    t.model.assertComplete();
    expect(t.errors[0]).toBeInstanceOf(InvalidModelOutputError);
    expectHandedOffUnchanged(t.store, result);
    expect(result.handoffSummary).toMatch(
      /output check was still invalid after 1 re-ask\(s\): cancel_pending_order\.reason: Invalid option/,
    );
  });

  it('a refusal throws ModelRefusalError; the workflow hands off and nothing is written', async () => {
    const t = llmThread([
      d.authenticate(),
      d.profile(),
      d.greet(),
      d.lookUp(),
      script.reply("I'm sorry, but I can't help with cancelling orders."),
    ]);
    const result = await t.run();
    t.model.assertComplete();
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]).toBeInstanceOf(ModelRefusalError);
    expectHandedOffUnchanged(t.store, result);
    expect(result.handoffSummary).toMatch(
      /^The agent failed: Agent customer-service\/t1\.s1: the model refused/,
    );
    // The buyer's "yes" came after the handoff: no reply, no write.
    expect(result.replies).toHaveLength(2);
  });

  it('a 429 is retried as a state of the loop, then the thread completes', async () => {
    const limited = script.httpError(429, 'Rate limit reached', { 'retry-after': '1' });
    const t = llmThread([limited, ...cancelThreadSteps()]);
    expectCancelled(t.store, await t.run());
    t.model.assertComplete();
    expect(t.model.calls).toHaveLength(7);
    expect(t.events.find((e) => e.type === 'model.retry')).toMatchObject({
      agent: 'customer-service/t0.s0',
      kind: 'rate-limit',
      attempt: 1,
    });
  });

  it('a timeout is retried, then the thread completes', async () => {
    const steps = cancelThreadSteps();
    steps.splice(4, 0, script.timeout());
    const t = llmThread(steps);
    expectCancelled(t.store, await t.run());
    t.model.assertComplete();
    expect(t.events.find((e) => e.type === 'model.retry')).toMatchObject({
      agent: 'customer-service/t1.s1',
      kind: 'timeout',
    });
  });

  it('an exhausted budget (per agent, across every decision of the thread) hands off with a clear summary; nothing is written', async () => {
    const t = llmThread([d.authenticate(), d.profile(), d.greet(), d.lookUp()], { agent: { steps: 4 } });
    const result = await t.run();
    t.model.assertComplete();
    expect(t.errors[0]).toBeInstanceOf(BudgetExceededError);
    expect(t.errors[0]).toMatchObject({
      budget: 'steps',
      scope: 'agent',
      agent: 'customer-service',
      limit: 4,
    });
    expectHandedOffUnchanged(t.store, result);
    expect(result.handoffSummary).toBe(
      'The agent failed: Agent customer-service stopped: the agent steps budget is 4, 4 used and the next call would bring it to 5. Raise the agent budget or shorten the task.',
    );
    expect(t.events.at(-1)).toMatchObject({
      type: 'loop.failed',
      agent: 'customer-service/t1.s1',
      code: 'BUDGET_EXCEEDED',
    });
    expect(t.ledger.usage('customer-service').steps).toBe(4);
  });

  it('the run budget counts what other agents of the run spent', async () => {
    const t = llmThread([d.authenticate(), d.profile()], { run: { steps: 5 } });
    for (let i = 0; i < 3; i++)
      t.ledger.charge('brief-parser', 'gpt-4o-mini', { inputTokens: 10, outputTokens: 1, totalTokens: 11 });
    const result = await t.run();
    t.model.assertComplete();
    expect(t.errors[0]).toMatchObject({ code: 'BUDGET_EXCEEDED', scope: 'run', limit: 5 });
    expectHandedOffUnchanged(t.store, result);
  });
});
