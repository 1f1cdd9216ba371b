import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { SAMPLE_THREAD_DECISIONS } from '../../agents/customer-service/llm-test-fixtures.js';
import { openSqliteLeadStore } from '../../tools/leads/index.js';
import { loadConfig, RunBusyError, type JournalEntry, type SqliteJournal } from '../core/index.js';
import { script, ScriptedChatModel, type ScriptedStep } from '../testing/index.js';
import type { RunBudgets } from './llm-runtime.js';
import { resumeSupportRun } from './support-run-resume.js';
import { supportRunTestKit } from './support-run-test-kit.js';
import {
  replaySupportRun,
  runSupportThreadJournaled,
  SUPPORT_THREAD_KIND,
  supportLlmFromConfig,
  supportRunCost,
  supportRunView,
} from './support-run.js';

const config = loadConfig({});
const { search, stores, liveDeps, closeAfter } = supportRunTestKit();

const model = (steps: readonly ScriptedStep[]) => new ScriptedChatModel(steps, { model: 'gpt-4o-mini' });
const llm = (m: ScriptedChatModel, env: Record<string, string> = {}) =>
  supportLlmFromConfig(loadConfig(env), { model: m, retry: { maxRetries: 3, delayMs: () => 0 } });

/** agents/customer-service/samples/thread.jsonl: greet, search, answer, ask for an email, capture the lead, quote, close. */
const SAMPLE_THREAD = [
  'Hi there!',
  'Do you sell the white hanging heart t-light holder? How much is it?',
  "Lovely. I'd like to buy 24 of them for my gift shop, can you send me a quote?",
  'My email is amy.baker@example.com',
  'Thanks, bye!',
];
const DECISIONS = SAMPLE_THREAD_DECISIONS.map((d) => script.json(d));
/** The endpoint down for a whole call: the first try and its three retries. */
const DOWN = Array.from({ length: 4 }, () => script.httpError(503));

/** Offline, the buyer gets a lead and a coupon on the second message. */
const COUPON_THREAD = [
  'Do you sell lunch bags?',
  'Can I get a discount? My email is bo@example.com',
  'Thanks, bye!',
];

const types = (entries: readonly JournalEntry[], type: string) => entries.filter((e) => e.type === type);

/** A copy of a run's journal up to and including entry `last`, as a run killed just after writing it. */
function killedCopy(journal: SqliteJournal, runId: string, last: number, tag = ''): string {
  const entries = journal.entries(runId).slice(0, last + 1);
  const id = `${runId}_killed_${last}${tag}`;
  journal.createRun({ id, kind: SUPPORT_THREAD_KIND, title: 'killed', at: entries[0]?.at ?? '' });
  for (const e of entries) journal.append(id, e.type, e.data, e.at);
  return id;
}

describe('resumeSupportRun', () => {
  it('LLM: a thread whose endpoint went down resumes without repeating a completed call, and replays whole from its journal', async () => {
    const { journal, leads } = stores();
    // The endpoint goes down after the lead was captured (decision 5 of 7).
    const first = model([...DECISIONS.slice(0, 5), ...DOWN]);
    const failed = await runSupportThreadJournaled(SAMPLE_THREAD, {
      journal,
      deps: liveDeps(leads),
      llm: llm(first),
    });
    first.assertComplete();
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'MODEL_CALL_FAILED' } });
    const [lead] = leads.list();
    expect(leads.list()).toHaveLength(1);

    // Still down: the resume asks only for the missing decision, and the run stays failed.
    const stillDown = model(DOWN);
    const again = await resumeSupportRun(failed.runId, {
      journal,
      deps: liveDeps(leads),
      llm: llm(stillDown),
    });
    stillDown.assertComplete();
    expect(again).toMatchObject({ status: 'failed', error: { code: 'MODEL_CALL_FAILED' } });
    expect(supportRunView(journal, failed.runId).error?.code).toBe('MODEL_CALL_FAILED');

    const second = model(DECISIONS.slice(5));
    const resumed = await resumeSupportRun(failed.runId, {
      journal,
      deps: liveDeps(leads),
      llm: llm(second, { LODESTONE_AGENT_BUDGET_STEPS: '40' }),
    });
    second.assertComplete();
    expect(second.calls).toHaveLength(2);
    // The lead's journaled id and time reached the prompt of the first live decision.
    expect(JSON.stringify(second.calls[0]?.messages.map((m) => m.content))).toContain(lead?.id);
    expect(resumed.status).toBe('resolved');
    expect(resumed.result?.replies.map((r) => r.text)).toHaveLength(5);
    expect(resumed.result?.lead?.products).toEqual([
      { productId: '85123A', title: null, leadId: lead?.id, created: true },
    ]);
    expect(leads.list()).toEqual([lead]);

    const view = supportRunView(journal, failed.runId);
    expect(view.run.status).toBe('resolved');
    expect(view.error).toBeUndefined();
    expect(view.result).toEqual(JSON.parse(JSON.stringify(resumed.result)));
    // Each resume journals the budgets in force then, and the replay runs with the last ones.
    const budgets = types(view.entries, 'run.resumed').map((e) => e.data as { budgets: RunBudgets });
    expect(budgets.map((b) => b.budgets.agent?.steps)).toEqual([64, 40]);
    // Each id, lead-store answer and tool action once: the re-driven part journaled nothing again.
    expect(types(view.entries, 'id.issued')).toHaveLength(1);
    expect(types(view.entries, 'lead.prior')).toHaveLength(1);
    const actions = types(view.entries, 'support.action').map((e) => (e.data as { tool: string }).tool);
    expect(actions.filter((t) => t === 'capture_lead')).toHaveLength(1);
    expect(types(view.entries, 'llm.loop.done')).toHaveLength(7);

    const replay = await replaySupportRun(failed.runId, { journal, config, search });
    expect(replay).toMatchObject({ identical: true, modelCalls: 0, replayedCalls: 7, status: 'resolved' });
    const cost = supportRunCost(view, config);
    expect(cost.total).toMatchObject({ calls: 7, retries: 6 });
  });

  it('a thread killed mid-way resumes where it stopped; its lead and coupon are written once, whether or not the last write landed', async () => {
    const { journal, leads } = stores();
    const full = await runSupportThreadJournaled(COUPON_THREAD, { journal, deps: liveDeps(leads) });
    expect(full.result?.actions.map((a) => a.tool)).toEqual([
      'search_products',
      'capture_lead',
      'issue_coupon',
    ]);
    const entries = journal.entries(full.runId);
    // Killed right after journaling the coupon's save, before or after the store wrote it.
    const save = entries.findIndex(
      (e) => e.type === 'lead.prior' && (e.data as { kind: string }).kind === 'coupon',
    );
    expect(save).toBeGreaterThan(0);
    const landed = leads;
    const lost = openSqliteLeadStore(':memory:');
    closeAfter(lost);
    for (const [tag, store] of Object.entries({ landed, lost })) {
      const killed = killedCopy(journal, full.runId, save, tag);
      expect(journal.getRun(killed)?.status).toBe('running');
      const resumed = await resumeSupportRun(killed, { journal, deps: liveDeps(store) });
      expect(resumed.status).toBe('resolved');
      expect(resumed.result).toEqual(full.result);
      expect(store.list()).toEqual(leads.list());
      expect(store.listCoupons()).toEqual(leads.listCoupons());
      expect(store.listCoupons()).toHaveLength(1);
      const replay = await replaySupportRun(killed, { journal, config, search });
      expect(replay).toMatchObject({ identical: true, modelCalls: 0 });
    }
  });

  it('a chat thread finishes with the messages the buyer had typed', async () => {
    const { journal, leads } = stores();
    async function* typed(): AsyncGenerator<string> {
      for (const message of SAMPLE_THREAD) yield await Promise.resolve(message);
    }
    const chat = await runSupportThreadJournaled(typed(), { journal, deps: liveDeps(leads) });
    // Killed while answering the second message.
    const second = journal
      .entries(chat.runId)
      .findIndex((e) => e.type === 'support.message' && (e.data as { turn: number }).turn === 1);
    const killed = killedCopy(journal, chat.runId, second);
    const resumed = await resumeSupportRun(killed, { journal, deps: liveDeps(leads) });
    expect(resumed.status).toBe('resolved');
    expect(resumed.result?.replies).toEqual(chat.result?.replies.slice(0, 2));
    expect(await replaySupportRun(killed, { journal, config, search })).toMatchObject({ identical: true });
  });

  it('a thread that would go another way than its journal fails with REPLAY_DIVERGED, asking the model nothing', async () => {
    const { journal, leads } = stores();
    const failed = await runSupportThreadJournaled(SAMPLE_THREAD, {
      journal,
      deps: liveDeps(leads),
      llm: llm(model([...DECISIONS.slice(0, 5), ...DOWN])),
    });
    // As if the code or data had changed since: the third decision's journaled prompt is another.
    const entries = journal.entries(failed.runId);
    const id = 'run_changed';
    journal.createRun({ id, kind: SUPPORT_THREAD_KIND, title: 'changed', at: entries[0]?.at ?? '' });
    for (const e of entries) {
      const data = e.data as { agent?: string; requestHash?: string };
      const changed = e.type === 'llm.model.responded' && data.agent === 'customer-service/t1.s1';
      journal.append(id, e.type, changed ? { ...data, requestHash: 'another prompt' } : data, e.at);
    }
    journal.setStatus(id, 'failed', entries.at(-1)?.at ?? '');
    const untouched = model(DECISIONS.slice(5));
    const resumed = await resumeSupportRun(id, { journal, deps: liveDeps(leads), llm: llm(untouched) });
    expect(untouched.calls).toHaveLength(0);
    expect(resumed).toMatchObject({ status: 'failed', error: { code: 'REPLAY_DIVERGED' } });
    expect(resumed.error?.message).toContain('customer-service/t1.s1 diverged at model call #0');
  });

  it('refuses a settled thread, another model, and a run another live process drives', async () => {
    const { journal, leads } = stores();
    const resolved = await runSupportThreadJournaled(SAMPLE_THREAD, { journal, deps: liveDeps(leads) });
    await expect(resumeSupportRun(resolved.runId, { journal, deps: liveDeps(leads) })).rejects.toThrow(
      `Invalid run ${resolved.runId}: expected an interrupted or failed support thread (status running or failed); a resolved thread is settled: replay it with lodestone replay ${resolved.runId}`,
    );

    const killed = killedCopy(journal, resolved.runId, 3);
    const before = journal.entries(killed).length;
    const m = model(DECISIONS);
    await expect(resumeSupportRun(killed, { journal, deps: liveDeps(leads), llm: llm(m) })).rejects.toThrow(
      `LODESTONE_MODEL: support thread ${killed} ran with offline; resume it with LODESTONE_MODEL=offline (now openai:gpt-4o-mini)`,
    );
    expect(m.calls).toHaveLength(0);

    // A live process (this one, under another owner) holds the lease.
    journal.acquireLease(
      { runId: killed, owner: 'other', pid: process.pid, host: hostname(), at: 'then' },
      () => false,
    );
    await expect(resumeSupportRun(killed, { journal, deps: liveDeps(leads) })).rejects.toBeInstanceOf(
      RunBusyError,
    );
    expect(journal.entries(killed)).toHaveLength(before);
    journal.releaseLease(killed, 'other');
    expect((await resumeSupportRun(killed, { journal, deps: liveDeps(leads) })).status).toBe('resolved');
  });
});
