import { NotFoundError, type JournalEntry, type Plan } from '../core/index.js';
import type { CampaignLaunchEvent } from '../../workflows/index.js';
import type { RunBudgets } from './llm-runtime.js';

/** The `run.started` entry: everything a run needs to be resumed or replayed as it was. */
export interface RunStarted {
  readonly goal: string;
  /** The date the agents saw (YYYY-MM-DD). */
  readonly today: string;
  /** Absent in journals written before LLM mode: those runs are offline. */
  readonly mode?: 'offline' | 'llm';
  /** The model name (LLM mode). */
  readonly model?: string;
  /** The budgets in force when the run started (LLM mode), so a replay stops where it stopped. */
  readonly budgets?: RunBudgets;
  /** `plan --yes`: the approval that was given with the goal. */
  readonly approval?: { readonly by: string; readonly at: string };
}

/** The serialized error of a failed run. */
export type RunError = { code: string; message: string } & Record<string, unknown>;

/**
 * The `run.started` data of a run's journal; throws `NotFoundError` when the journal has none.
 *
 * @example
 * ```ts
 * runStartOf(journal.entries(runId)).goal;
 * ```
 */
export function runStartOf(runId: string, entries: readonly JournalEntry[]): RunStarted {
  const started = entries.find((e) => e.type === 'run.started')?.data as RunStarted | undefined;
  if (!started) throw new NotFoundError('run start entry', runId);
  return started;
}

/** The approval decisions journaled for a run, in order (what a replay sends again). */
export function decisionsOf(entries: readonly JournalEntry[]): CampaignLaunchEvent[] {
  return entries
    .filter((e) => e.type === 'plan.approved' || e.type === 'plan.rejected' || e.type === 'approval.expired')
    .map((e) => e.data as CampaignLaunchEvent);
}

/** The last plan a run's journal holds, if any. */
export function lastPlanOf(entries: readonly JournalEntry[]): Plan | undefined {
  return (entries.filter((e) => e.type === 'plan.snapshot').pop()?.data as { plan?: Plan } | undefined)?.plan;
}

/** The error of a run's last failure, if any. */
export function lastErrorOf(entries: readonly JournalEntry[]): RunError | undefined {
  return (entries.filter((e) => e.type === 'run.failed').pop()?.data as { error?: RunError } | undefined)
    ?.error;
}

/** When the run last settled (its last plan or failure), for a replay's clock. */
export function settledAt(entries: readonly JournalEntry[]): string | undefined {
  return entries.filter((e) => e.type === 'plan.snapshot' || e.type === 'run.failed').pop()?.at;
}

/** The budgets of the run's last resume, if it was resumed in LLM mode. */
export function resumedBudgets(entries: readonly JournalEntry[]): RunBudgets | undefined {
  return (entries.filter((e) => e.type === 'run.resumed').pop()?.data as { budgets?: RunBudgets } | undefined)
    ?.budgets;
}
