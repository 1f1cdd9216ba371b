import { HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { assign, fromPromise, setup } from 'xstate';
import type { z } from 'zod';
import { LodestoneError } from '../../src/core/index.js';
import type { ModelResponse } from '../../src/core/model/index.js';
import type { ToolDescriptor } from '../../tools/define-tool.js';
import type { BudgetLedger } from './budget.js';
import type { ModelCallCache } from './call-cache.js';
import { callModel, type BoundModel, type CallModelInput, type CallModelOutput } from './call-model.js';
import { InvalidModelOutputError, ModelCallError, ModelRefusalError, ToolExecutionError } from './errors.js';
import type { LoopEvent, ToolResultRecord } from './events.js';
import { judgeFinalAnswer, type OutputCheck, type Verdict } from './final-output.js';
import { estimatePromptTokens, toHistoryMessage } from './messages.js';
import { classifyModelError, type RetryPolicy } from './retry.js';
import { observationMessages, planIssues, planToolCalls, runToolCalls, type ToolPlan } from './tool-calls.js';

/** What one loop runs with; fixed for the loop's life. */
export interface ToolLoopDeps {
  readonly agent: string;
  /** For pricing and the journal. */
  readonly modelName: string;
  readonly bound: BoundModel;
  /** The only tools that may run, by name. */
  readonly tools: ReadonlyMap<string, ToolDescriptor>;
  readonly output: z.ZodType;
  readonly check: OutputCheck | undefined;
  readonly ledger: BudgetLedger;
  readonly cache: ModelCallCache | undefined;
  readonly retry: RetryPolicy;
  /** Re-asks allowed in total (bad tool calls, bad JSON, bad output, failed checks). */
  readonly maxRepairs: number;
  readonly callTimeoutMs: number | undefined;
  readonly emit: (event: LoopEvent) => void;
}

export interface ToolLoopContext {
  deps: ToolLoopDeps;
  messages: BaseMessage[];
  /** Index of the model call being made (retries keep it). */
  callIndex: number;
  /** Failed attempts of the current call. */
  attempt: number;
  /** Model responses received (live or replayed). */
  calls: number;
  retryDelayMs: number;
  response: ModelResponse | undefined;
  plan: ToolPlan | undefined;
  toolResults: ToolResultRecord[];
  repairs: number;
  verdict: Verdict | undefined;
  output: unknown;
  error: LodestoneError | undefined;
}

export type ToolLoopOutput =
  | { ok: true; output: unknown; calls: number; messages: BaseMessage[]; toolResults: ToolResultRecord[] }
  | {
      ok: false;
      error: LodestoneError;
      calls: number;
      messages: BaseMessage[];
      toolResults: ToolResultRecord[];
    };

/**
 * The LLM tool loop as a statechart: checkingBudget → thinking → (validatingTools → runningTools →
 * observing → checkingBudget …) → validatingOutput → done. Budgets are checked before every call;
 * 429/5xx/timeouts wait in `backingOff` (named delay `backoff`) and call again; bad tool calls,
 * bad JSON, schema failures and failed checks are re-asked a bounded number of times; a refusal
 * or an exhausted bound ends in `failed` with a typed error. Tests swap `callModel`/`runTools`
 * or the `backoff` delay with `.provide()`.
 *
 * @example
 * ```ts
 * const actor = createActor(toolLoopMachine, { input: { deps, messages } }).start();
 * const result = await toPromise(actor); // ToolLoopOutput
 * ```
 */
export const toolLoopMachine = setup({
  types: {
    context: {} as ToolLoopContext,
    input: {} as { deps: ToolLoopDeps; messages: BaseMessage[] },
    output: {} as ToolLoopOutput,
  },
  actors: {
    callModel: fromPromise<CallModelOutput, CallModelInput>(({ input, signal }) => callModel(input, signal)),
    runTools: fromPromise<ToolResultRecord[], { plan: ToolPlan; deps: ToolLoopDeps; callIndex: number }>(
      ({ input }) =>
        runToolCalls(input.plan, {
          agent: input.deps.agent,
          callIndex: input.callIndex,
          cache: input.deps.cache,
          emit: input.deps.emit,
        }),
    ),
  },
  delays: {
    backoff: ({ context }) => context.retryDelayMs,
  },
}).createMachine({
  id: 'tool-loop',
  context: ({ input }) => ({
    deps: input.deps,
    messages: input.messages,
    callIndex: 0,
    attempt: 0,
    calls: 0,
    retryDelayMs: 0,
    response: undefined,
    plan: undefined,
    toolResults: [],
    repairs: 0,
    verdict: undefined,
    output: undefined,
    error: undefined,
  }),
  initial: 'checkingBudget',
  states: {
    checkingBudget: {
      entry: assign({
        error: ({ context: { deps, messages, callIndex } }) =>
          deps.ledger.check(deps.agent, {
            promptTokens: estimatePromptTokens(messages),
            model: deps.modelName,
            live: deps.cache?.model(deps.agent, callIndex) === undefined,
          }),
      }),
      always: [
        { guard: ({ context }) => context.error !== undefined, target: 'failed' },
        { target: 'thinking' },
      ],
    },
    thinking: {
      invoke: {
        src: 'callModel',
        input: ({ context: { deps, callIndex, attempt, messages } }) => ({
          agent: deps.agent,
          callIndex,
          attempt,
          messages,
          bound: deps.bound,
          tools: [...deps.tools.values()],
          cache: deps.cache,
          callTimeoutMs: deps.callTimeoutMs,
          emit: deps.emit,
        }),
        onDone: {
          target: 'deciding',
          actions: assign(({ context: { deps, messages, callIndex, calls }, event: { output } }) => {
            const usd = deps.ledger.charge(deps.agent, deps.modelName, output.response.usage);
            deps.emit({
              type: 'model.responded',
              agent: deps.agent,
              callIndex,
              model: deps.modelName,
              response: output.response,
              usd,
              requestHash: output.requestHash,
              replayed: output.replayed,
            });
            return {
              response: output.response,
              attempt: 0,
              calls: calls + 1,
              messages: [...messages, toHistoryMessage(output.response)],
            };
          }),
        },
        onError: [
          {
            guard: ({ context, event }) =>
              !(event.error instanceof LodestoneError) &&
              classifyModelError(event.error).retryable &&
              context.attempt < context.deps.retry.maxRetries,
            target: 'backingOff',
            actions: assign(({ context: { deps, callIndex, attempt }, event }) => {
              deps.ledger.release(deps.agent);
              const failure = classifyModelError(event.error);
              const delayMs = deps.retry.delayMs(attempt + 1, failure);
              const message = event.error instanceof Error ? event.error.message : String(event.error);
              deps.emit({
                type: 'model.retry',
                agent: deps.agent,
                callIndex,
                attempt: attempt + 1,
                delayMs,
                kind: failure.kind,
                message,
              });
              return { attempt: attempt + 1, retryDelayMs: delayMs };
            }),
          },
          {
            target: 'failed',
            actions: assign({
              error: ({ context, event }) => {
                context.deps.ledger.release(context.deps.agent);
                return event.error instanceof LodestoneError
                  ? event.error
                  : new ModelCallError(
                      context.deps.agent,
                      context.attempt + 1,
                      classifyModelError(event.error).kind,
                      event.error,
                    );
              },
            }),
          },
        ],
      },
    },
    backingOff: { after: { backoff: 'checkingBudget' } },
    deciding: {
      always: [
        {
          guard: ({ context: { response } }) =>
            (response?.toolCalls.length ?? 0) + (response?.invalidToolCalls.length ?? 0) > 0,
          target: 'validatingTools',
        },
        { target: 'validatingOutput' },
      ],
    },
    validatingTools: {
      entry: assign({ plan: ({ context: { response, deps } }) => planToolCalls(response!, deps.tools) }),
      always: 'runningTools',
    },
    runningTools: {
      invoke: {
        src: 'runTools',
        input: ({ context: { plan, deps, callIndex } }) => ({ plan: plan!, deps, callIndex }),
        onDone: {
          target: 'observing',
          actions: assign(
            ({ context: { plan, messages, toolResults, repairs, deps, callIndex }, event: { output } }) => {
              const issues = planIssues(plan!);
              if (issues.length > 0)
                deps.emit({
                  type: 'loop.reasked',
                  agent: deps.agent,
                  reason: 'tool-calls',
                  attempt: repairs + 1,
                  issues,
                });
              for (const r of plan!.rejected)
                deps.emit({
                  type: 'tool.refused',
                  agent: deps.agent,
                  callIndex,
                  toolCallId: r.call.id,
                  name: r.call.name,
                  reason: r.reason,
                });
              return {
                messages: [...messages, ...observationMessages(plan!, output)],
                toolResults: [...toolResults, ...output],
                repairs: issues.length > 0 ? repairs + 1 : repairs,
              };
            },
          ),
        },
        onError: {
          target: 'failed',
          actions: assign({
            error: ({ context, event }) =>
              event.error instanceof LodestoneError
                ? event.error
                : new ToolExecutionError(context.deps.agent, '(tool loop)', event.error),
          }),
        },
      },
    },
    observing: {
      always: [
        {
          guard: ({ context }) => context.repairs > context.deps.maxRepairs,
          target: 'failed',
          actions: assign({
            error: ({ context }) =>
              new InvalidModelOutputError(
                context.deps.agent,
                'tool-calls',
                context.deps.maxRepairs,
                planIssues(context.plan!),
              ),
          }),
        },
        { target: 'checkingBudget', actions: assign({ callIndex: ({ context }) => context.callIndex + 1 }) },
      ],
    },
    validatingOutput: {
      entry: assign({
        verdict: ({ context: { response, deps, toolResults } }) =>
          judgeFinalAnswer(response!, deps.output, deps.check, toolResults),
      }),
      always: [
        {
          guard: ({ context }) => context.verdict?.kind === 'ok',
          target: 'done',
          actions: assign({ output: ({ context }) => (context.verdict as { output: unknown }).output }),
        },
        {
          guard: ({ context }) => context.verdict?.kind === 'refusal',
          target: 'failed',
          actions: assign({
            error: ({ context }) =>
              new ModelRefusalError(context.deps.agent, (context.verdict as { text: string }).text),
          }),
        },
        {
          guard: ({ context }) => context.verdict?.kind === 'fatal',
          target: 'failed',
          actions: assign({ error: ({ context }) => (context.verdict as { error: LodestoneError }).error }),
        },
        { guard: ({ context }) => context.repairs < context.deps.maxRepairs, target: 'reasking' },
        {
          target: 'failed',
          actions: assign({
            error: ({ context }) => {
              const verdict = context.verdict as Extract<Verdict, { kind: 'reask' }>;
              return new InvalidModelOutputError(
                context.deps.agent,
                verdict.reason,
                context.repairs,
                verdict.issues,
              );
            },
          }),
        },
      ],
    },
    reasking: {
      entry: assign(({ context: { verdict, messages, repairs, deps, callIndex } }) => {
        const reask = verdict as Extract<Verdict, { kind: 'reask' }>;
        deps.emit({
          type: 'loop.reasked',
          agent: deps.agent,
          reason: reask.reason,
          attempt: repairs + 1,
          issues: reask.issues,
        });
        return {
          messages: [...messages, new HumanMessage(reask.feedback)],
          repairs: repairs + 1,
          callIndex: callIndex + 1,
        };
      }),
      always: 'checkingBudget',
    },
    done: { type: 'final' },
    failed: { type: 'final' },
  },
  output: ({ context }) => {
    const common = { calls: context.calls, messages: context.messages, toolResults: context.toolResults };
    return context.error
      ? { ok: false as const, error: context.error, ...common }
      : { ok: true as const, output: context.output, ...common };
  },
});
