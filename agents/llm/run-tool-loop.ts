import type { BaseMessage } from '@langchain/core/messages';
import { createActor, toPromise } from 'xstate';
import type { z } from 'zod';
import { systemClock, type Clock } from '../../src/core/index.js';
import type { ChatModel } from '../../src/core/model/index.js';
import type { ToolDescriptor } from '../../tools/define-tool.js';
import { BudgetLedger, type BudgetUsage } from './budget.js';
import type { ModelCallCache } from './call-cache.js';
import type { BoundModel } from './call-model.js';
import type { LoopEvent, ToolResultRecord } from './events.js';
import type { OutputCheck } from './final-output.js';
import { exponentialBackoff, type RetryPolicy } from './retry.js';
import { toLangChainTools } from './tool-adapter.js';
import { toolLoopMachine } from './tool-loop.js';

export interface ToolLoopOptions<O extends z.ZodType> {
  /** The journal key of this agent invocation; unique within a run (e.g. `audience-reasoner`). */
  readonly agent: string;
  readonly model: ChatModel;
  /** For pricing; defaults to the model's `model` field (ChatOpenAI) or its name. */
  readonly modelName?: string;
  /** The tools this agent may use; no other tool can run. */
  readonly tools?: readonly ToolDescriptor[];
  readonly output: O;
  /** The opening messages (see `initialMessages`). */
  readonly messages: readonly BaseMessage[];
  readonly check?: OutputCheck;
  /** The run's shared ledger; a fresh one with default budgets when absent. */
  readonly ledger?: BudgetLedger;
  readonly clock?: Clock;
  /** Journaled responses for replay or resume. */
  readonly cache?: ModelCallCache;
  readonly retry?: RetryPolicy;
  /** Re-asks allowed in total; default 3. */
  readonly maxRepairs?: number;
  /** Per-call timeout enforced by the loop, on top of the client's own. */
  readonly callTimeoutMs?: number;
  readonly onEvent?: (event: LoopEvent) => void;
  readonly signal?: AbortSignal;
  /** Swaps machine implementations (actors, delays), as tests do. */
  readonly machine?: typeof toolLoopMachine;
}

export interface ToolLoopResult<T> {
  readonly output: T;
  /** Model responses received, live or replayed. */
  readonly calls: number;
  readonly messages: readonly BaseMessage[];
  readonly toolResults: readonly ToolResultRecord[];
  readonly usage: Readonly<BudgetUsage>;
}

/**
 * Runs the LLM tool loop to a validated output, or throws its typed error
 * (`BudgetExceededError`, `ModelCallError`, `ModelRefusalError`, `InvalidModelOutputError`,
 * `UnfaithfulReasoningError`, `ToolExecutionError`, `ReplayMissError`, `ReplayDivergedError`).
 *
 * @example
 * ```ts
 * const { output } = await runToolLoop({
 *   agent: 'audience-reasoner', model, tools: [associationRules, userHistory], output: AudienceReasonerOutput,
 *   messages: initialMessages({ instructions, output: AudienceReasonerOutput, input }),
 *   ledger, cache, onEvent: journalLoopEvents(record),
 * });
 * ```
 */
export async function runToolLoop<O extends z.ZodType>(
  options: ToolLoopOptions<O>,
): Promise<ToolLoopResult<z.output<O>>> {
  const tools = options.tools ?? [];
  const emit = options.onEvent ?? (() => {});
  const ledger = options.ledger ?? new BudgetLedger({ clock: options.clock ?? systemClock });
  ledger.start(options.agent);
  let state = '';
  // Every microstep, not only settled snapshots, so transient states (validatingTools,
  // observing, ...) reach the listener too.
  const onState = (value: unknown) => {
    const next = String(value);
    if (next !== state) emit({ type: 'loop.state', agent: options.agent, state: (state = next) });
  };
  const machine = options.machine ?? toolLoopMachine;
  // The initial microsteps run while the actor is constructed, before inspection reaches us.
  onState(machine.config.initial);
  const actor = createActor(machine, {
    input: {
      deps: {
        agent: options.agent,
        modelName: options.modelName ?? modelNameOf(options.model),
        bound: bindTools(options.model, tools),
        tools: new Map(tools.map((t) => [t.name, t])),
        output: options.output,
        check: options.check,
        ledger,
        cache: options.cache,
        retry: options.retry ?? exponentialBackoff(),
        maxRepairs: options.maxRepairs ?? 3,
        callTimeoutMs: options.callTimeoutMs,
        emit,
      },
      messages: [...options.messages],
    },
    inspect: (event) => {
      if (event.actorRef.sessionId !== event.rootId) return;
      if (event.type === '@xstate.microstep' || event.type === '@xstate.snapshot')
        onState((event.snapshot as { value?: unknown }).value);
    },
  });
  // Stopping the actor aborts the in-flight call (the invoked promise's signal) and completes it
  // with no output.
  const stop = () => actor.stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const done = toPromise(actor);
    if (options.signal?.aborted) throw options.signal.reason;
    actor.start();
    const result = await done;
    if (!result) throw options.signal?.reason ?? new Error(`Tool loop of ${options.agent} was stopped`);
    if (!result.ok) {
      emit({
        type: 'loop.failed',
        agent: options.agent,
        code: result.error.code,
        message: result.error.message,
      });
      throw result.error;
    }
    emit({ type: 'loop.done', agent: options.agent, calls: result.calls, output: result.output });
    return {
      output: result.output as z.output<O>,
      calls: result.calls,
      messages: result.messages,
      toolResults: result.toolResults,
      usage: ledger.usage(options.agent),
    };
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}

function bindTools(model: ChatModel, tools: readonly ToolDescriptor[]): BoundModel {
  if (tools.length === 0) return model as BoundModel;
  if (!model.bindTools)
    throw new TypeError(`The chat model ${model.getName()} cannot call tools (no bindTools)`);
  return model.bindTools(toLangChainTools(tools)) as BoundModel;
}

function modelNameOf(model: ChatModel): string {
  const name = (model as { model?: unknown }).model;
  return typeof name === 'string' ? name : model.getName();
}
