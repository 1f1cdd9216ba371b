import { modelAnswerFailure, type RecordFn } from '../../agents/llm/index.js';
import type { CouponPolicy } from '../../tools/leads/index.js';
import {
  createSupportSession,
  type SupportAction,
  type SupportDeps,
  type SupportReply,
  type SupportThreadResult,
} from '../../workflows/index.js';
import type { Journal } from '../core/index.js';
import type { RunBudgets } from './llm-runtime.js';
import type { RunError } from './run-journal.js';
import { serializeError } from './step-recorder.js';

/** The `run.started` entry of a support thread: everything its replay needs. */
export interface SupportRunStarted {
  /**
   * The buyer's messages, in order, when known upfront (`support --thread`). An interactive thread
   * (`chat`) starts with none and journals each message as it comes (`support.message`).
   */
  readonly messages: readonly string[];
  readonly mode: 'offline' | 'llm';
  /** The model name (LLM mode). */
  readonly model?: string;
  /** The budgets in force (LLM mode), so a replay stops where the thread stopped. */
  readonly budgets?: RunBudgets;
  /** The campaign whose ad brought the buyer. */
  readonly campaign?: string;
  readonly couponPolicy?: CouponPolicy;
  readonly maxStepsPerTurn?: number;
}

/** How a support thread run ended. */
export interface SupportRunResult {
  readonly runId: string;
  readonly status: 'resolved' | 'handoff' | 'failed';
  readonly result?: SupportThreadResult;
  /** Set when the thread failed (a fault outside the workflow's handoff: a store, the classifier). */
  readonly error?: RunError;
  /** The original error object, for callers that rethrow it. */
  readonly cause?: unknown;
}

/** The thread's settings as journaled at its start: the campaign, coupon policy and step limit. */
export function threadSettings(
  started: SupportRunStarted,
): Pick<SupportDeps, 'sourceCampaign' | 'couponPolicy' | 'maxStepsPerTurn'> {
  return {
    ...(started.campaign === undefined ? {} : { sourceCampaign: started.campaign }),
    ...(started.couponPolicy === undefined ? {} : { couponPolicy: started.couponPolicy }),
    ...(started.maxStepsPerTurn === undefined ? {} : { maxStepsPerTurn: started.maxStepsPerTurn }),
  };
}

/** The coupon policy journaled at the thread's start, as an option to spread. */
export const couponsOf = (started: SupportRunStarted): { couponPolicy?: CouponPolicy } =>
  started.couponPolicy === undefined ? {} : { couponPolicy: started.couponPolicy };

/** A turn's tool actions, as the thread reports them after each buyer message. */
export type OnTurn = (turn: number, actions: readonly SupportAction[]) => void;

/** Sends the messages one by one (none after a handoff), reporting each turn's new tool actions. */
export async function driveThread(
  messages: Iterable<string> | AsyncIterable<string>,
  deps: SupportDeps,
  onTurn: OnTurn,
  onReply?: (reply: SupportReply | undefined, done: boolean) => void,
): Promise<{ result: SupportThreadResult; fault: unknown }> {
  const session = createSupportSession(deps);
  try {
    let seen = 0;
    let turn = 0;
    for await (const message of messages) {
      if (session.done) break;
      const reply = await session.send(message);
      const { actions } = session.result();
      onTurn(turn++, actions.slice(seen));
      seen = actions.length;
      onReply?.(reply, session.done);
      if (session.done) break;
    }
    return { result: session.result(), fault: session.fault };
  } finally {
    session.stop();
  }
}

/**
 * Drives a journaled thread to its end and settles its run: the result (`support.result`) and
 * the status — `resolved`, `handoff`, or `failed` with its error (`run.failed`). The buyer is
 * handed off either way when a step faults; a fault that is not the model's own failure (the
 * endpoint down after its retries, a bug) also fails the run, so it is not mistaken for a
 * decision to hand off, and can be resumed.
 */
export async function settleThread(o: {
  readonly runId: string;
  readonly journal: Journal;
  readonly now: () => string;
  readonly record: RecordFn;
  readonly messages: Iterable<string> | AsyncIterable<string>;
  readonly deps: SupportDeps;
  readonly onTurn: OnTurn;
  readonly onReply?: ((reply: SupportReply | undefined, done: boolean) => void) | undefined;
}): Promise<SupportRunResult> {
  const { runId, journal, now, record } = o;
  try {
    const { result, fault } = await driveThread(o.messages, o.deps, o.onTurn, o.onReply);
    record('support.result', result);
    if (fault !== undefined && !modelAnswerFailure(fault)) {
      const error = serializeError(fault);
      record('run.failed', { error });
      journal.setStatus(runId, 'failed', now());
      return { runId, status: 'failed', result, error, cause: fault };
    }
    const status = result.handoff ? 'handoff' : 'resolved';
    journal.setStatus(runId, status, now());
    return { runId, status, result };
  } catch (cause) {
    const error = serializeError(cause);
    record('run.failed', { error });
    journal.setStatus(runId, 'failed', now());
    return { runId, status: 'failed', error, cause };
  }
}
