import { join } from 'node:path';
import {
  createLlmSupportPolicy,
  DEFAULT_SUPPORT_BUDGET,
  type IntentClassifier,
  type ProductSearch,
  type SupportPolicy,
} from '../../agents/customer-service/index.js';
import {
  BudgetLedger,
  costLedger,
  journalCallCache,
  journalLoopEvents,
  type CostLedger,
  type LoopEvent,
  type ModelCallCache,
} from '../../agents/llm/index.js';
import { openSqliteLeadStore, type CouponPolicy } from '../../tools/leads/index.js';
import type { SupportDeps, SupportReply, SupportThreadResult } from '../../workflows/index.js';
import {
  fixedClock,
  InvalidInputError,
  NotFoundError,
  SqliteJournal,
  type Clock,
  type Config,
  type Journal,
  type JournalEntry,
  type RunRecord,
} from '../core/index.js';
import { budgetsFromConfig, pricesFromConfig, type LlmSetup, type RunBudgets } from './llm-runtime.js';
import { llmSetup, replaySetup, type LlmSetupOptions } from './llm-setup.js';
import { resumedBudgets, type RunError } from './run-journal.js';
import { withRunLease } from './run-lease.js';
import { serializeError } from './step-recorder.js';
import {
  couponsOf,
  driveThread,
  settleThread,
  threadSettings,
  type SupportRunResult,
  type SupportRunStarted,
} from './support-run-drive.js';
import { journaledClock, journaledIds, recordingClock, recordingIds } from './support-run-inputs.js';
import { recordingLeadStore, seededLeadStore } from './support-run-leads.js';

export type { SupportRunResult, SupportRunStarted } from './support-run-drive.js';

/** The journal kind of a `support --thread` run. */
export const SUPPORT_THREAD_KIND = 'support-thread';

/** LLM mode of a support thread: the model setup and the thread's budgets. */
export interface SupportLlm {
  readonly setup: LlmSetup;
  readonly budgets: RunBudgets;
}

/** What a replay found: the re-run's result and whether it matches the journaled one. */
export interface SupportReplayResult extends SupportRunResult {
  /** True when the replies and actions (or the error code) are the journaled ones. */
  readonly identical: boolean;
  /** Model calls made live: always 0 for a replay. */
  readonly modelCalls: number;
  /** Model calls answered from the journal. */
  readonly replayedCalls: number;
}

/** One support thread run as its journal holds it. */
export interface SupportRunView {
  readonly run: RunRecord;
  readonly started: SupportRunStarted;
  /** The thread's outcome; a resumed run's is its last drive's (none while that drive is unfinished). */
  readonly result?: SupportThreadResult;
  /** The error of the last drive, when it failed (an earlier drive's failure that a resume got past is not). */
  readonly error?: RunError;
  readonly entries: readonly JournalEntry[];
}

/**
 * The run journal of a data dir (`<dataDir>/journal.db`), shared with `plan` runs.
 *
 * @example
 * ```ts
 * const journal = openRunJournal(config);
 * journal.listRuns({ kind: SUPPORT_THREAD_KIND });
 * ```
 */
export function openRunJournal(config: Config): SqliteJournal {
  return new SqliteJournal(join(config.dataDir, 'journal.db'));
}

/**
 * LLM mode of support threads from the config (or a chat model handed in), or undefined offline.
 * Budgets come from the config over {@link DEFAULT_SUPPORT_BUDGET}. A bad model setting throws a
 * `ConfigError` here, before any store is opened or any call made.
 *
 * @example
 * ```ts
 * const llm = supportLlmFromConfig(loadConfig({ LODESTONE_MODEL: 'openai:gpt-4o-mini', OPENAI_API_KEY: key }));
 * ```
 */
export function supportLlmFromConfig(
  config: Config,
  options: Omit<LlmSetupOptions, 'config'> = {},
): SupportLlm | undefined {
  const setup = llmSetup({ config, ...options });
  if (!setup) return undefined;
  const budgets = budgetsFromConfig(config, { run: DEFAULT_SUPPORT_BUDGET, agent: DEFAULT_SUPPORT_BUDGET });
  return { setup, budgets };
}

/**
 * The customer-service LLM policy of one thread: its decisions share one budget ledger (clocked
 * by `clock`); `cache` answers calls from a journal, `onEvent` hears every loop event.
 *
 * @example
 * ```ts
 * const policy = llmSupportPolicy(llm, { clock: systemClock, onEvent: journalLoopEvents(record) });
 * ```
 */
export function llmSupportPolicy(
  llm: SupportLlm,
  options: {
    clock: Clock;
    cache?: ModelCallCache;
    onEvent?: (event: LoopEvent) => void;
    couponPolicy?: CouponPolicy;
  },
): SupportPolicy {
  const { setup } = llm;
  return createLlmSupportPolicy({
    model: setup.modelFor('customer-service'),
    modelName: setup.modelName,
    ledger: new BudgetLedger({ clock: options.clock, prices: setup.prices, ...llm.budgets }),
    retry: setup.retry,
    callTimeoutMs: setup.callTimeoutMs,
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.couponPolicy ? { couponPolicy: options.couponPolicy } : {}),
  });
}

/**
 * Runs a buyer thread as a journaled run of kind `support-thread`, holding the run's lease: the
 * messages, mode and campaign (`run.started`), every model response, retry and re-ask of LLM mode
 * (`llm.*`), every clock reading and id the tools used (`clock.read`, `id.issued`: lead ids and
 * timestamps reach the model's prompt, so a replay must see the same ones), each tool action
 * after its turn (`support.action`), and the result (`support.result`). Status: `resolved`,
 * `handoff` or `failed`.
 *
 * @example
 * ```ts
 * const run = await runSupportThreadJournaled(readThreadFile(file), { journal, deps, llm });
 * run.status; // 'resolved'
 * ```
 */
export async function runSupportThreadJournaled(
  messages: readonly string[] | AsyncIterable<string>,
  options: {
    journal: Journal;
    /** Stores, search, clock and ids of the thread; the policy is `llm`'s, or the offline one. */
    deps: Omit<SupportDeps, 'policy'>;
    llm?: SupportLlm | undefined;
    onEvent?: (event: LoopEvent) => void;
    /** Each buyer message's reply as it comes (interactive threads print it). */
    onReply?: (reply: SupportReply | undefined, done: boolean) => void;
  },
): Promise<SupportRunResult> {
  const { journal, deps, llm } = options;
  const now = () => deps.clock.now().toISOString();
  const runId = deps.ids('run');
  const known = Array.isArray(messages) ? (messages as readonly string[]) : undefined;
  const first = (known?.[0] ?? 'chat').trim();
  const title = first.length > 120 ? `${first.slice(0, 119)}…` : first;
  journal.createRun({ id: runId, kind: SUPPORT_THREAD_KIND, title, at: now() });
  const started: SupportRunStarted = {
    messages: known ?? [],
    ...(llm
      ? { mode: 'llm' as const, model: llm.setup.modelName, budgets: llm.budgets }
      : { mode: 'offline' as const }),
    ...(deps.sourceCampaign === undefined ? {} : { campaign: deps.sourceCampaign }),
    ...(deps.couponPolicy === undefined ? {} : { couponPolicy: deps.couponPolicy }),
    ...(deps.maxStepsPerTurn === undefined ? {} : { maxStepsPerTurn: deps.maxStepsPerTurn }),
  };
  return withRunLease(journal, runId, deps.clock, () => {
    const record = (type: string, data: unknown) => void journal.append(runId, type, data, now());
    record('run.started', started);
    const journalEvents = journalLoopEvents(record);
    const onEvent = (event: LoopEvent) => {
      journalEvents(event);
      options.onEvent?.(event);
    };
    const policy = llm && llmSupportPolicy(llm, { clock: deps.clock, onEvent, ...couponsOf(started) });
    const thread: SupportDeps = {
      ...deps,
      leads: recordingLeadStore(deps.leads, record),
      clock: recordingClock(deps.clock, record),
      ids: recordingIds(deps.ids, record),
      ...(policy ? { policy } : {}),
    };
    return settleThread({
      runId,
      journal,
      now,
      record,
      // An interactive thread's messages are journaled as they come: they are the replay's input.
      messages: known ?? journaledMessages(messages as AsyncIterable<string>, record),
      deps: thread,
      onTurn: (turn, actions) => {
        for (const action of actions) record('support.action', { turn, ...action });
      },
      onReply: options.onReply,
    });
  });
}

/**
 * Re-runs a support thread from its journal: its messages through the same workflow, each model
 * call answered from the journal by a model that cannot call out (a miss or a changed prompt ends
 * the thread in a handoff, as the workflow does for any failed decision), the tools' clock
 * readings and ids as journaled, a fresh copy of the retail store (as every thread gets) and a
 * scratch in-memory lead store seeded, before each write, with what the real store held for that
 * buyer (`lead.prior`), so a repeat buyer replays as they ran. The run's journal is not written.
 *
 * @example
 * ```ts
 * const replay = await replaySupportRun(runId, { journal, config, search });
 * replay.identical; // true
 * replay.modelCalls; // 0
 * ```
 */
export async function replaySupportRun(
  runId: string,
  options: {
    journal: Journal;
    config: Config;
    /** The catalogue search the thread ran with. */
    search: ProductSearch;
    classifier?: IntentClassifier;
    onEvent?: (event: LoopEvent) => void;
  },
): Promise<SupportReplayResult> {
  const view = supportRunView(options.journal, runId);
  const { started, entries } = view;
  let modelCalls = 0;
  let replayedCalls = 0;
  const onEvent = (event: LoopEvent) => {
    if (event.type === 'model.requested') modelCalls++;
    if (event.type === 'model.responded' && event.replayed) replayedCalls++;
    options.onEvent?.(event);
  };
  // Time does not pass in a replay: the budget ledger's clock stands still (wall time is not replayed).
  const clock = fixedClock(view.run.createdAt);
  // A resumed run may have been given larger budgets: the replay runs with the last ones.
  const budgets = resumedBudgets(entries) ?? started.budgets ?? {};
  const policy =
    started.mode === 'llm'
      ? llmSupportPolicy(
          { setup: replaySetup(options.config, started.model ?? 'unknown', budgets), budgets },
          { clock, cache: journalCallCache(entries, { strict: true }), onEvent, ...couponsOf(started) },
        )
      : undefined;
  const leads = openSqliteLeadStore(':memory:');
  const deps: SupportDeps = {
    search: options.search,
    leads: seededLeadStore(leads, entries),
    clock: journaledClock(entries, view.run.createdAt),
    ids: journaledIds(entries),
    ...threadSettings(started),
    ...(options.classifier ? { classifier: options.classifier } : {}),
    ...(policy ? { policy } : {}),
  };
  try {
    const { result } = await driveThread(supportRunMessages(view), deps, () => {});
    const before = view.result;
    const identical = before !== undefined && sameOutcome(before, result);
    const status = result.handoff ? 'handoff' : 'resolved';
    return { runId, status, result, identical, modelCalls, replayedCalls };
  } catch (cause) {
    const error = serializeError(cause);
    const identical = view.error?.code === error.code;
    return { runId, status: 'failed', error, cause, identical, modelCalls, replayedCalls };
  } finally {
    leads.close();
  }
}

/**
 * A support thread run from the journal: its record, start, result or error, and entries. Throws
 * `NotFoundError` for an unknown run and `InvalidInputError` for a run of another kind.
 *
 * @example
 * ```ts
 * supportRunView(journal, runId).result?.replies[0]?.text;
 * ```
 */
export function supportRunView(journal: Journal, runId: string): SupportRunView {
  const run = journal.getRun(runId);
  if (!run) {
    const known = journal.listRuns({ limit: 10, kind: SUPPORT_THREAD_KIND }).map((r) => r.id);
    throw new NotFoundError('support thread run', runId, known);
  }
  if (run.kind !== SUPPORT_THREAD_KIND)
    throw new InvalidInputError(`run ${runId}`, `a ${SUPPORT_THREAD_KIND} run`, run.kind);
  const entries = journal.entries(runId);
  // A resumed run's outcome is its last drive's: what came before its last `run.resumed` is history.
  const drive = entries.slice(entries.findLastIndex((e) => e.type === 'run.resumed') + 1);
  const last = (from: readonly JournalEntry[], type: string) =>
    from.filter((e) => e.type === type).pop()?.data;
  const started = last(entries, 'run.started') as SupportRunStarted | undefined;
  if (!started) throw new NotFoundError('run start entry', runId);
  const result = last(drive, 'support.result') as SupportThreadResult | undefined;
  const error = (last(drive, 'run.failed') as { error?: RunError } | undefined)?.error;
  return { run, started, entries, ...(result ? { result } : {}), ...(error ? { error } : {}) };
}

/**
 * A support thread's cost ledger: the customer-service agent's tokens and dollars (all its
 * decisions booked under `customer-service`), priced as the run was.
 *
 * @example
 * ```ts
 * renderCost(supportRunCost(supportRunView(journal, runId), config));
 * ```
 */
export function supportRunCost(view: SupportRunView, config: Config): CostLedger {
  return costLedger(view.entries, pricesFromConfig(config, view.started.model ?? ''));
}

/**
 * The buyer's messages of a support thread run: given upfront (`support --thread`), or journaled
 * one by one as they came (`chat`).
 *
 * @example
 * ```ts
 * supportRunMessages(supportRunView(journal, runId)); // ['Hi!', 'Do you sell …?']
 * ```
 */
export function supportRunMessages(view: SupportRunView): readonly string[] {
  if (view.started.messages.length > 0) return view.started.messages;
  return view.entries
    .filter((e) => e.type === 'support.message')
    .map((e) => (e.data as { text: string }).text);
}

/** Journals each message as it arrives (`support.message`), then passes it on. */
async function* journaledMessages(
  messages: AsyncIterable<string>,
  record: (type: string, data: unknown) => void,
): AsyncGenerator<string> {
  let turn = 0;
  for await (const text of messages) {
    record('support.message', { turn: turn++, text });
    yield text;
  }
}

function sameOutcome(a: SupportThreadResult, b: SupportThreadResult): boolean {
  const outcome = (r: SupportThreadResult) => JSON.stringify({ replies: r.replies, actions: r.actions });
  return outcome(a) === outcome(b);
}
