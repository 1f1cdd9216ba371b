import {
  journalCallCache,
  journalLoopEvents,
  type LoopEvent,
  type RecordFn,
} from '../../agents/llm/index.js';
import type { SupportAction, SupportDeps } from '../../workflows/index.js';
import { ConfigError, InvalidInputError, type Journal, type JournalEntry } from '../core/index.js';
import { withRunLease } from './run-lease.js';
import {
  couponsOf,
  settleThread,
  threadSettings,
  type OnTurn,
  type SupportRunResult,
} from './support-run-drive.js';
import { resumingClock, resumingIds } from './support-run-inputs.js';
import { resumingLeadStore } from './support-run-leads.js';
import {
  llmSupportPolicy,
  supportRunMessages,
  supportRunView,
  type SupportLlm,
  type SupportRunView,
} from './support-run.js';

/** What a resumed thread runs with: the stores, search, clock and ids; its settings are the run's. */
export type SupportResumeDeps = Omit<
  SupportDeps,
  'policy' | 'sourceCampaign' | 'couponPolicy' | 'maxStepsPerTurn'
>;

/**
 * Resumes a support thread that was interrupted (its process died: status `running`) or failed
 * (the endpoint went down, a store failed: status `failed`), holding the run's lease. The thread is
 * driven again from its journaled messages (a `chat` thread finishes with the messages it had):
 * every model response the journal holds answers its call instead of the model (a call it does not
 * hold goes to the live model and is journaled), the tools read the journaled clock readings, ids
 * and lead-store answers first and live ones after, and a lead or coupon written before the stop
 * is not written again. `run.resumed` records the budgets in force now (the config's, so a thread
 * can be resumed with larger ones); the model must be the run's. Afterwards `replay` re-runs the
 * whole thread from the journal with zero model calls.
 *
 * Throws `InvalidInputError` for a settled thread (resolved or handoff), `ConfigError` when the
 * model is not the run's, `RunBusyError` while another live process drives the run.
 *
 * @example
 * ```ts
 * const llm = supportLlmFromConfig(config);
 * const run = await resumeSupportRun(runId, { journal, deps, llm });
 * run.status; // 'resolved'
 * ```
 */
export async function resumeSupportRun(
  runId: string,
  options: {
    journal: Journal;
    deps: SupportResumeDeps;
    /** LLM mode (the run must have run in it, with this model); offline when absent. */
    llm?: SupportLlm | undefined;
    onEvent?: (event: LoopEvent) => void;
  },
): Promise<SupportRunResult> {
  const { journal, deps, llm } = options;
  // An unknown run, or one of another kind, fails here, before the lease is taken.
  supportRunView(journal, runId);
  return withRunLease(journal, runId, deps.clock, async () => {
    // Read again under the lease: the run may have been settled meanwhile.
    const view = supportRunView(journal, runId);
    checkResumable(view, llm);
    const now = () => deps.clock.now().toISOString();
    const record: RecordFn = (type, data) => void journal.append(runId, type, data, now());
    const { entries, started } = view;
    record('run.resumed', llm ? { budgets: llm.budgets } : {});
    journal.setStatus(runId, 'running', now());
    const journalEvents = journalLoopEvents(unlessJournaled(entries, record));
    const onEvent = (event: LoopEvent) => {
      journalEvents(event);
      options.onEvent?.(event);
    };
    const policy =
      llm &&
      llmSupportPolicy(llm, {
        clock: deps.clock,
        // Not strict: a call the journal does not hold goes to the model. Exact: a call it holds
        // answers only the prompt it answered, so a thread that went another way (code, prompt or
        // data changed) fails with REPLAY_DIVERGED rather than act on another conversation's answer.
        cache: journalCallCache(entries, { exact: true }),
        onEvent,
        ...couponsOf(started),
      });
    const leads = resumingLeadStore(deps.leads, entries, record);
    try {
      return await settleThread({
        runId,
        journal,
        now,
        record,
        messages: supportRunMessages(view),
        deps: {
          ...deps,
          ...threadSettings(started),
          leads,
          clock: resumingClock(entries, deps.clock, record),
          ids: resumingIds(entries, deps.ids, record),
          ...(policy ? { policy } : {}),
        },
        onTurn: newActions(entries, record),
      });
    } finally {
      leads.close();
    }
  });
}

/** Throws unless the run can be resumed: interrupted or failed, and with the run's own model. */
function checkResumable(view: SupportRunView, llm: SupportLlm | undefined): void {
  const { run, started } = view;
  if (run.status !== 'running' && run.status !== 'failed') {
    throw new InvalidInputError(
      `run ${run.id}`,
      `an interrupted or failed support thread (status running or failed); a ${run.status} thread is settled: replay it with lodestone replay ${run.id}, or send the thread again with lodestone support --thread`,
      run.status,
    );
  }
  const wanted = started.mode === 'llm' ? `openai:${started.model ?? ''}` : 'offline';
  const have = llm ? `openai:${llm.setup.modelName}` : 'offline';
  if (wanted !== have) {
    throw new ConfigError([
      {
        key: 'LODESTONE_MODEL',
        message: `support thread ${run.id} ran with ${wanted}; resume it with LODESTONE_MODEL=${wanted} (now ${have}), or replay it with lodestone replay ${run.id}`,
      },
    ]);
  }
}

/**
 * `record`, skipping the audit entries of a decision the journal answered (its end, re-asks,
 * guard corrections and refusals come again, identical, as the thread is re-driven). Retries and
 * failures are always new: they are what happened this time.
 */
function unlessJournaled(entries: readonly JournalEntry[], record: RecordFn): RecordFn {
  const repeatable = new Set(['llm.loop.done', 'llm.loop.reasked', 'llm.output.guarded', 'llm.tool.refused']);
  const seen = new Set(
    entries.filter((e) => repeatable.has(e.type)).map((e) => `${e.type} ${JSON.stringify(e.data)}`),
  );
  return (type, data) => {
    if (!seen.has(`${type} ${JSON.stringify(data)}`)) record(type, data);
  };
}

/**
 * Journals each turn's tool actions (`support.action`) that the journal does not already hold for
 * that turn: a turn that ran before the stop is not journaled twice, and where the resumed turn
 * goes another way than the failed one (a live decision instead of a handoff), what it did is.
 */
function newActions(entries: readonly JournalEntry[], record: RecordFn): OnTurn {
  const key = (action: SupportAction) => JSON.stringify(action);
  const journaled = new Map<number, string[]>();
  for (const e of entries.filter((x) => x.type === 'support.action')) {
    const { turn, ...action } = e.data as SupportAction & { turn: number };
    journaled.set(turn, [...(journaled.get(turn) ?? []), key(action)]);
  }
  return (turn, actions) => {
    const before = journaled.get(turn) ?? [];
    const differs = actions.findIndex((action, i) => before[i] !== key(action));
    for (const action of actions.slice(differs === -1 ? actions.length : differs))
      record('support.action', { turn, ...action });
  };
}
