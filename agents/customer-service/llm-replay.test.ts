import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, sequentialIds } from '../../src/core/index.js';
import { ScriptedChatModel, script } from '../../src/testing/index.js';
import { openSqliteLeadStore, type LeadStore } from '../../tools/leads/index.js';
import { openRetailStore } from '../../tools/retail/index.js';
import { runSupportThread } from '../../workflows/index.js';
import {
  BudgetLedger,
  journalCallCache,
  journalLoopEvents,
  ReplayDivergedError,
  type JournalLike,
  type LoopEvent,
  type ModelCallCache,
} from '../llm/index.js';
import { createLlmSupportPolicy } from './llm-policy.js';
import { CANCEL_KEYS, CANCEL_THREAD, cancelThreadSteps, decision, YUSUF } from './llm-test-fixtures.js';
import type { SupportPolicy } from './policy-types.js';
import { createSampleProductSearch } from './sample-catalog.js';

const clock = fixedClock('2026-11-29T09:00:00Z');
const opened: LeadStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function run(
  messages: readonly string[],
  model: ScriptedChatModel,
  options: { cache?: ModelCallCache; onEvent?: (e: LoopEvent) => void },
) {
  const errors: unknown[] = [];
  const llm = createLlmSupportPolicy({
    model,
    ledger: new BudgetLedger({ clock }),
    retry: { maxRetries: 3, delayMs: () => 0 },
    ...options,
  });
  const policy: SupportPolicy = (view) =>
    llm(view).catch((error: unknown) => {
      errors.push(error);
      throw error;
    });
  const store = openRetailStore();
  const leads = openSqliteLeadStore(':memory:');
  opened.push(leads);
  const result = runSupportThread(messages, {
    search: createSampleProductSearch(),
    leads,
    store,
    clock,
    ids: sequentialIds(),
    policy,
  });
  return { result, store, errors };
}

/** A live thread (with a re-ask and a 429 inside decisions), journaled as plain JSON entries. */
async function journaledThread() {
  const steps = cancelThreadSteps();
  steps.splice(
    4,
    0,
    decision.call('cancel_pending_order', { order_id: YUSUF.order, reason: 'because' }, 'Cancel? yes'),
  );
  steps.unshift(script.httpError(429));
  const entries: JournalLike[] = [];
  const live = run(CANCEL_THREAD, new ScriptedChatModel(steps), {
    onEvent: journalLoopEvents((type, data) => entries.push({ type, data })),
  });
  const result = await live.result;
  // What a journal stores: JSON.
  return { result, store: live.store, entries: JSON.parse(JSON.stringify(entries)) as JournalLike[] };
}

describe('replaying a support thread from its journal', () => {
  it('answers every decision from the journal: zero model calls, identical replies, actions and store', async () => {
    const live = await journaledThread();
    expect(live.result.actions.some((a) => a.tool === 'cancel_pending_order' && a.ok)).toBe(true);
    const responded = live.entries.filter((e) => e.type === 'llm.model.responded');
    expect(responded.map((e) => (e.data as { agent: string }).agent)).toEqual([
      ...CANCEL_KEYS.slice(0, 5),
      CANCEL_KEYS[4],
      CANCEL_KEYS[5],
    ]);

    const model = new ScriptedChatModel([]);
    const events: LoopEvent[] = [];
    const replay = run(CANCEL_THREAD, model, {
      cache: journalCallCache(live.entries, { strict: true }),
      onEvent: (e) => events.push(e),
    });
    const result = await replay.result;
    expect(model.calls).toHaveLength(0);
    expect(replay.errors).toEqual([]);
    expect(result).toEqual(live.result);
    expect(replay.store.stateHash()).toBe(live.store.stateHash());
    const replayed = events.filter((e) => e.type === 'model.responded');
    expect(replayed).toHaveLength(7);
    expect(replayed.every((e) => e.replayed)).toBe(true);
    expect(events.some((e) => e.type === 'model.requested')).toBe(false);
  });

  it('a different thread diverges from the journal: typed error, handoff, nothing written, no call', async () => {
    const live = await journaledThread();
    const model = new ScriptedChatModel([]);
    const changed = [CANCEL_THREAD[0], `Please cancel order ${YUSUF.order}, I no longer need it`, 'yes'];
    const replay = run(changed, model, { cache: journalCallCache(live.entries, { strict: true }) });
    const result = await replay.result;
    expect(model.calls).toHaveLength(0);
    expect(replay.errors[0]).toBeInstanceOf(ReplayDivergedError);
    expect(result.handoff).toBe(true);
    expect(result.handoffSummary).toMatch(/diverged at model call #0/);
    expect(replay.store.stateHash()).toBe(openRetailStore().stateHash());
  });
});
