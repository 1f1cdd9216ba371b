import type { LoopEvent } from '../../agents/llm/index.js';
import type { Clock, Journal, JournalEntry, Logger } from '../core/index.js';
import { LodestoneError } from '../core/index.js';

/**
 * Live progress of a run, for the CLI and other listeners: steps starting and ending, and in LLM
 * mode every event of an agent's tool loop (`model.token`, `tool.called`, `loop.state`, ...).
 */
export type ProgressEvent =
  | { type: 'step.started'; runId: string; step: string }
  | { type: 'step.completed'; runId: string; step: string; ms: number; replayed: boolean }
  | { type: 'step.failed'; runId: string; step: string; message: string }
  | { type: 'llm'; runId: string; event: LoopEvent };

/** How an error is journaled: typed errors keep their code and fields. */
export function serializeError(error: unknown): { code: string; message: string } & Record<string, unknown> {
  if (error instanceof LodestoneError) return { name: error.name, ...error.toJSON() };
  if (error instanceof Error) return { code: 'INTERNAL', name: error.name, message: error.message };
  return { code: 'INTERNAL', message: String(error) };
}

/**
 * Runs the steps of one run through the journal: a step whose output is already journaled is
 * not run again (replay, resume, approval later); a new step's output is appended before it is
 * returned, so that nothing acknowledged is lost.
 */
export class StepRecorder {
  readonly #recorded = new Map<string, unknown>();

  constructor(
    readonly runId: string,
    private readonly journal: Journal,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly onProgress: (event: ProgressEvent) => void = () => {},
    entries: readonly JournalEntry[] = [],
  ) {
    for (const entry of entries) {
      if (entry.type === 'step.completed') {
        const data = entry.data as { step: string; output: unknown };
        this.#recorded.set(data.step, data.output);
      }
    }
  }

  /**
   * Runs `fn` as step `step`, or returns its journaled output. A step cancelled through `signal`
   * (the workflow left its state) is not journaled as failed: it did not fail, it was stopped.
   */
  async step<T>(step: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.#recorded.has(step)) {
      this.onProgress({ type: 'step.completed', runId: this.runId, step, ms: 0, replayed: true });
      return this.#recorded.get(step) as T;
    }
    this.onProgress({ type: 'step.started', runId: this.runId, step });
    const started = performance.now();
    try {
      const output = await fn();
      const ms = Math.round(performance.now() - started);
      this.journal.append(this.runId, 'step.completed', { step, ms, output }, this.clock.now().toISOString());
      this.#recorded.set(step, output);
      this.logger.debug({ runId: this.runId, step, ms }, 'step completed');
      this.onProgress({ type: 'step.completed', runId: this.runId, step, ms, replayed: false });
      return output;
    } catch (error) {
      if (signal?.aborted) throw error;
      this.journal.append(
        this.runId,
        'step.failed',
        { step, error: serializeError(error) },
        this.clock.now().toISOString(),
      );
      this.onProgress({
        type: 'step.failed',
        runId: this.runId,
        step,
        message: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  }
}
