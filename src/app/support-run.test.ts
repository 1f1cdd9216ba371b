import { describe, expect, it } from 'vitest';
import {
  CANCEL_KEYS,
  CANCEL_THREAD,
  cancelThreadSteps,
  decision,
  YUSUF,
} from '../../agents/customer-service/llm-test-fixtures.js';
import { loadConfig, sequentialIds, systemClock } from '../core/index.js';
import { script, ScriptedChatModel } from '../testing/index.js';
import {
  replaySupportRun,
  runSupportThreadJournaled,
  SUPPORT_THREAD_KIND,
  supportLlmFromConfig,
  supportRunCost,
  supportRunMessages,
  supportRunView,
} from './support-run.js';
import { withRunLease } from './run-lease.js';
import { supportRunTestKit } from './support-run-test-kit.js';

const config = loadConfig({});
const { search, stores, liveDeps } = supportRunTestKit();

const llm = (model: ScriptedChatModel) =>
  supportLlmFromConfig(config, { model, retry: { maxRetries: 3, delayMs: () => 0 } });

/** The sample thread (agents/customer-service/samples/thread.jsonl): the offline policy captures a lead. */
const SAMPLE_THREAD = [
  'Hi there!',
  'Do you sell the white hanging heart t-light holder? How much is it?',
  "Lovely. I'd like to buy 24 of them for my gift shop, can you send me a quote?",
  'My email is amy.baker@example.com',
  'Thanks, bye!',
];

const QUOTE_THREAD = [
  'Do you sell the white hanging heart t-light holder?',
  'Please send a quote, my email is amy.baker@example.com',
];

/** The lead's id and timestamp reach the second decision's prompt. */
const quoteSteps = () => [
  decision.call('search_products', { query: 'white hanging heart t-light holder', k: 3 }),
  decision.reply('Yes: the WHITE HANGING HEART T-LIGHT HOLDER is £2.95.', { citations: ['85123A'] }),
  decision.call('capture_lead', { buyer: 'amy.baker@example.com', productId: '85123A', intentScore: 0.9 }),
  decision.reply('Thanks! Our sales team will email you a quote.', { resolved: true }),
];

describe('runSupportThreadJournaled', () => {
  it('journals the start, every model response, each tool action and the result, and settles the run', async () => {
    const { journal, leads } = stores();
    const model = new ScriptedChatModel(cancelThreadSteps(), { model: 'gpt-4o-mini' });
    const run = await runSupportThreadJournaled(CANCEL_THREAD, {
      journal,
      deps: { ...liveDeps(leads), sourceCampaign: 'run_xmas' },
      llm: llm(model),
    });
    model.assertComplete();
    expect(run.status).toBe('resolved');
    expect(journal.getRun(run.runId)).toMatchObject({
      kind: SUPPORT_THREAD_KIND,
      status: 'resolved',
      title: CANCEL_THREAD[0],
    });

    const view = supportRunView(journal, run.runId);
    expect(view.started).toMatchObject({
      messages: CANCEL_THREAD,
      mode: 'llm',
      model: 'gpt-4o-mini',
      campaign: 'run_xmas',
      budgets: { agent: { steps: 64 } },
    });
    const responded = view.entries.filter((e) => e.type === 'llm.model.responded');
    expect(responded.map((e) => (e.data as { agent: string }).agent)).toEqual(CANCEL_KEYS);
    const actions = view.entries.filter((e) => e.type === 'support.action').map((e) => e.data);
    expect(actions).toEqual([
      { turn: 0, tool: 'find_user_id_by_email', args: { email: YUSUF.email }, ok: true },
      { turn: 0, tool: 'get_user_details', args: { user_id: YUSUF.userId }, ok: true },
      { turn: 1, tool: 'get_order_details', args: { order_id: YUSUF.order }, ok: true },
      expect.objectContaining({ turn: 2, tool: 'cancel_pending_order', ok: true }),
    ]);
    expect(view.result).toEqual(JSON.parse(JSON.stringify(run.result)));
    // The lease was given back: another drive can take the run.
    await expect(withRunLease(journal, run.runId, systemClock, () => Promise.resolve(1))).resolves.toBe(1);
  });

  it('fails the run (the buyer still handed off) when the endpoint stays down, but not when the model refuses', async () => {
    const { journal, leads } = stores();
    const down = new ScriptedChatModel(Array.from({ length: 4 }, () => script.httpError(503)));
    const failed = await runSupportThreadJournaled(QUOTE_THREAD, {
      journal,
      deps: liveDeps(leads),
      llm: llm(down),
    });
    down.assertComplete();
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'MODEL_CALL_FAILED' } });
    expect(failed.result?.handoff).toBe(true);
    expect(journal.getRun(failed.runId)?.status).toBe('failed');
    expect(journal.entries(failed.runId).map((e) => e.type)).toContain('run.failed');

    const refusing = new ScriptedChatModel([script.reply("I'm sorry, I can't help with that.")]);
    const refused = await runSupportThreadJournaled(QUOTE_THREAD, {
      journal,
      deps: liveDeps(leads),
      llm: llm(refusing),
    });
    expect(refused.status).toBe('handoff');
    expect(refused.error).toBeUndefined();
  });

  it('offline: the thread is journaled, and a handoff settles the run as `handoff`', async () => {
    const { journal, leads } = stores();
    const run = await runSupportThreadJournaled(['I want to talk to a human agent right now'], {
      journal,
      deps: liveDeps(leads),
    });
    expect(run.result?.handoff).toBe(true);
    expect(journal.getRun(run.runId)?.status).toBe('handoff');
    expect(supportRunView(journal, run.runId).started).toEqual({
      messages: ['I want to talk to a human agent right now'],
      mode: 'offline',
    });
  });
});

describe('replaySupportRun', () => {
  it('re-runs an LLM thread from its journal: zero model calls, the same replies, actions and lead', async () => {
    const { journal, leads } = stores();
    const model = new ScriptedChatModel(quoteSteps(), { model: 'gpt-4o-mini' });
    const run = await runSupportThreadJournaled(QUOTE_THREAD, {
      journal,
      deps: liveDeps(leads),
      llm: llm(model),
    });
    model.assertComplete();
    expect(run.result?.lead?.products[0]?.created).toBe(true);
    const entries = journal.entries(run.runId);
    expect(entries.filter((e) => e.type === 'id.issued').map((e) => e.data)).toEqual([
      { prefix: 'lead', id: run.result?.lead?.products[0]?.leadId },
    ]);
    expect(entries.some((e) => e.type === 'clock.read')).toBe(true);

    const replay = await replaySupportRun(run.runId, { journal, config, search });
    expect(replay).toMatchObject({ identical: true, modelCalls: 0, replayedCalls: 4, status: 'resolved' });
    expect(replay.result).toEqual(JSON.parse(JSON.stringify(run.result)));
    // The replay wrote nothing to the run's journal.
    expect(journal.entries(run.runId)).toHaveLength(entries.length);
  });

  it('a thread stopped by its budget replays to the same handoff (the budgets are journaled)', async () => {
    const { journal, leads } = stores();
    const model = new ScriptedChatModel(quoteSteps().slice(0, 2), { model: 'gpt-4o-mini' });
    const tight = supportLlmFromConfig(loadConfig({ LODESTONE_AGENT_BUDGET_STEPS: '2' }), { model });
    const run = await runSupportThreadJournaled(QUOTE_THREAD, { journal, deps: liveDeps(leads), llm: tight });
    expect(run.status).toBe('handoff');
    expect(run.result?.handoffSummary).toMatch(/the agent steps budget is 2, 2 used/);
    // Replayed under today's (default) config: the journaled budget still stops it.
    const replay = await replaySupportRun(run.runId, { journal, config, search });
    expect(replay).toMatchObject({ identical: true, modelCalls: 0, replayedCalls: 2, status: 'handoff' });
    expect(replay.result?.handoffSummary).toBe(run.result?.handoffSummary);
  });

  it('offline threads replay identically', async () => {
    const { journal, leads } = stores();
    const run = await runSupportThreadJournaled(SAMPLE_THREAD, { journal, deps: liveDeps(leads) });
    expect(run.result?.actions.map((a) => a.tool)).toContain('capture_lead');
    const replay = await replaySupportRun(run.runId, { journal, config, search });
    expect(replay).toMatchObject({ identical: true, modelCalls: 0, replayedCalls: 0 });
    expect(replay.result).toEqual(JSON.parse(JSON.stringify(run.result)));
  });

  it('journals an interactive thread message by message, prints each reply as it comes, and replays it', async () => {
    const { journal, leads } = stores();
    // Messages that arrive one at a time, as a terminal gives them.
    async function* typed(): AsyncGenerator<string> {
      for (const message of SAMPLE_THREAD) yield await Promise.resolve(message);
    }
    const printed: string[] = [];
    const run = await runSupportThreadJournaled(typed(), {
      journal,
      deps: liveDeps(leads),
      onReply: (reply) => printed.push(reply?.text ?? ''),
    });
    expect(printed).toHaveLength(SAMPLE_THREAD.length);
    expect(printed).toEqual(run.result?.replies.map((r) => r.text));
    const view = supportRunView(journal, run.runId);
    expect(view.started.messages).toEqual([]);
    expect(supportRunMessages(view)).toEqual(SAMPLE_THREAD);
    expect(view.entries.filter((e) => e.type === 'support.message').map((e) => e.data)).toEqual(
      SAMPLE_THREAD.map((text, turn) => ({ turn, text })),
    );
    const replay = await replaySupportRun(run.runId, { journal, config, search });
    expect(replay).toMatchObject({ identical: true, modelCalls: 0 });
  });

  it('says DIFFERENT, with no model call, when the journal cannot answer a decision', async () => {
    const { journal, leads } = stores();
    const model = new ScriptedChatModel(quoteSteps(), { model: 'gpt-4o-mini' });
    const run = await runSupportThreadJournaled(QUOTE_THREAD, {
      journal,
      deps: liveDeps(leads),
      llm: llm(model),
    });
    // A copy of the run without its last model response.
    const entries = journal.entries(run.runId);
    const last = entries.findLastIndex((e) => e.type === 'llm.model.responded');
    journal.createRun({ id: 'run_cut', kind: SUPPORT_THREAD_KIND, title: 'cut', at: entries[0]?.at ?? '' });
    for (const e of entries.filter((_, i) => i !== last)) journal.append('run_cut', e.type, e.data, e.at);

    const replay = await replaySupportRun('run_cut', { journal, config, search });
    expect(replay).toMatchObject({ identical: false, modelCalls: 0, replayedCalls: 3, status: 'handoff' });
    expect(replay.result?.handoffSummary).toMatch(
      /customer-service\/t1\.s1 needs model call #0, which the journal does not hold/,
    );
  });

  it('a buyer who was already a lead replays as they ran: the scratch store is seeded with what the real one held', async () => {
    const { journal, leads } = stores();
    const first = await runSupportThreadJournaled(SAMPLE_THREAD, { journal, deps: liveDeps(leads) });
    const again = await runSupportThreadJournaled(SAMPLE_THREAD, { journal, deps: liveDeps(leads) });
    expect(again.result?.lead?.products[0]?.created).toBe(false);
    const priors = journal.entries(again.runId).filter((e) => e.type === 'lead.prior');
    expect(priors).toHaveLength(1);
    expect(priors[0]?.data).toMatchObject({ kind: 'lead', leads: [{ buyer: 'amy.baker@example.com' }] });
    const replay = await replaySupportRun(again.runId, { journal, config, search });
    expect(replay.identical).toBe(true);
    expect(replay.result?.lead?.products[0]).toMatchObject({ created: false });
    // The first thread met an empty store, and replays as a new lead.
    const firstReplay = await replaySupportRun(first.runId, { journal, config, search });
    expect(firstReplay).toMatchObject({ identical: true });
    expect(firstReplay.result?.lead?.products[0]?.created).toBe(true);
  });

  it('a buyer who already had a coupon replays as they ran: the coupon look-up is journaled too', async () => {
    const { journal, leads } = stores();
    const thread = ['Do you sell lunch bags?', 'Can I get a discount? My email is bo@example.com'];
    const first = await runSupportThreadJournaled(thread, { journal, deps: liveDeps(leads) });
    const again = await runSupportThreadJournaled(thread, { journal, deps: liveDeps(leads) });
    expect(again.result?.actions.map((a) => a.tool)).toContain('issue_coupon');
    expect(leads.listCoupons()).toHaveLength(1);
    const replay = await replaySupportRun(again.runId, { journal, config, search });
    expect(replay.identical).toBe(true);
    expect(replay.result?.replies.at(-1)?.text).toContain(leads.listCoupons()[0]?.code);
    expect(await replaySupportRun(first.runId, { journal, config, search })).toMatchObject({
      identical: true,
    });
  });

  it('rejects an unknown run and a run of another kind', async () => {
    const { journal } = stores();
    journal.createRun({ id: 'run_plan', kind: 'campaign-launch', title: 'g', at: '2026-11-29T09:00:00Z' });
    await expect(replaySupportRun('run_nope', { journal, config, search })).rejects.toThrow(
      /No support thread run named "run_nope"/,
    );
    await expect(replaySupportRun('run_plan', { journal, config, search })).rejects.toThrow(
      /expected a support-thread run, received "campaign-launch"/,
    );
  });
});

describe('supportRunCost', () => {
  it('books every decision of the thread under customer-service, with tokens and dollars', async () => {
    const { journal, leads } = stores();
    const steps = quoteSteps().map((s) => script.withUsage(s, { input: 1000, output: 50 }));
    const model = new ScriptedChatModel(steps, { model: 'gpt-4o-mini' });
    const run = await runSupportThreadJournaled(QUOTE_THREAD, {
      journal,
      deps: { ...liveDeps(leads), ids: sequentialIds() },
      llm: llm(model),
    });
    const cost = supportRunCost(supportRunView(journal, run.runId), config);
    expect(cost.agents).toEqual([
      expect.objectContaining({
        agent: 'customer-service',
        model: 'gpt-4o-mini',
        calls: 4,
        inputTokens: 4000,
        outputTokens: 200,
      }),
    ]);
    // 4 × (1000 × $0.15 + 50 × $0.60) per million tokens.
    expect(cost.total.usd).toBeCloseTo((4 * (1000 * 0.15 + 50 * 0.6)) / 1e6, 10);
  });
});
