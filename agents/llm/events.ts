import type { ModelResponse } from '../../src/core/model/index.js';
import type { ReaskReason } from './errors.js';

/** A tool's result as the run saw it: what the faithfulness check and the journal read. */
export interface ToolResultRecord {
  readonly agent: string;
  readonly callIndex: number;
  readonly toolCallId: string;
  readonly name: string;
  readonly args: unknown;
  /** The validated output, or undefined when the tool refused the input (see `error`). */
  readonly result?: unknown;
  /** Set when the tool rejected the input with a user-level error the model can fix. */
  readonly error?: string;
}

/**
 * Everything the tool loop does, as typed events: state transitions, model calls and their
 * streamed tokens, tool calls and results, retries, re-asks, the end. Listeners drive CLI live
 * progress; {@link journalLoopEvents} journals the ones replay and the cost ledger need.
 */
export type LoopEvent =
  | { type: 'loop.state'; agent: string; state: string }
  | { type: 'model.requested'; agent: string; callIndex: number; attempt: number }
  | { type: 'model.token'; agent: string; callIndex: number; text: string }
  | {
      type: 'model.responded';
      agent: string;
      callIndex: number;
      model: string;
      response: ModelResponse;
      usd: number;
      requestHash: string;
      replayed: boolean;
    }
  | {
      type: 'model.retry';
      agent: string;
      callIndex: number;
      attempt: number;
      delayMs: number;
      kind: string;
      message: string;
    }
  | { type: 'tool.called'; agent: string; callIndex: number; toolCallId: string; name: string; args: unknown }
  | ({ type: 'tool.result'; replayed: boolean } & ToolResultRecord)
  | {
      type: 'tool.refused';
      agent: string;
      callIndex: number;
      toolCallId: string;
      name: string;
      reason: string;
    }
  | { type: 'loop.reasked'; agent: string; reason: ReaskReason; attempt: number; issues: string[] }
  | { type: 'loop.done'; agent: string; calls: number; output: unknown }
  /** The agent's guards corrected a schema-valid answer (numbers clamped to the tools' bounds, say). */
  | { type: 'output.guarded'; agent: string; corrections: string[] }
  | { type: 'loop.failed'; agent: string; code: string; message: string };

export type LoopEventType = LoopEvent['type'];

/** A journal writer, e.g. `(type, data) => journal.append(runId, type, data, clock.now().toISOString())`. */
export type RecordFn = (type: string, data: unknown) => void;

/**
 * The events written to the run journal. Model responses and tool results are what replay and
 * resume read back ({@link journalCallCache}); retries, re-asks, refusals and the end are the
 * audit trail and the cost ledger's input. Tokens and state transitions are progress only.
 */
export const JOURNALED_LOOP_EVENTS = [
  'model.responded',
  'model.retry',
  'tool.result',
  'tool.refused',
  'loop.reasked',
  'loop.done',
  'loop.failed',
  'output.guarded',
] as const satisfies readonly LoopEventType[];

/**
 * A loop listener that journals {@link JOURNALED_LOOP_EVENTS} through `record`, prefixed `llm.`
 * (`llm.model.responded`, ...). Replayed responses and results are not written twice.
 *
 * @example
 * ```ts
 * await runToolLoop({ ..., onEvent: journalLoopEvents((type, data) => journal.append(runId, type, data, now())) });
 * ```
 */
export function journalLoopEvents(record: RecordFn): (event: LoopEvent) => void {
  const journaled = new Set<string>(JOURNALED_LOOP_EVENTS);
  return (event) => {
    if (!journaled.has(event.type)) return;
    if ('replayed' in event && event.replayed) return;
    const { type, ...data } = event;
    record(`llm.${type}`, data);
  };
}
