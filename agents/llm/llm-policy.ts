import type { z } from 'zod';
import type { AgentDefinition } from '../define-agent.js';
import type { ChatModel } from '../../src/core/model/index.js';
import { ToolRegistry, type ToolDescriptor } from '../../tools/define-tool.js';
import type { BudgetLedger } from './budget.js';
import type { ModelCallCache } from './call-cache.js';
import type { LoopEvent } from './events.js';
import type { OutputCheck } from './final-output.js';
import { initialMessages } from './prompt.js';
import type { RetryPolicy } from './retry.js';
import { runToolLoop, type ToolLoopResult } from './run-tool-loop.js';

/** What an LLM policy runs with, provided per run by the composition root. */
export interface LlmRunDeps {
  readonly model: ChatModel;
  /** Every registered tool; the agent gets only those its definition names. */
  readonly tools: ToolRegistry | readonly ToolDescriptor[];
  /** The run's shared ledger (per-run and per-agent budgets). */
  readonly ledger: BudgetLedger;
  /** The run's journal as a cache: a replay or a resume answers from it. */
  readonly cache?: ModelCallCache;
  /** Journal and progress listener, e.g. `journalLoopEvents(record)` plus the CLI's. */
  readonly onEvent?: (event: LoopEvent) => void;
  readonly modelName?: string;
  readonly retry?: RetryPolicy;
  readonly maxRepairs?: number;
  readonly callTimeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** The LLM policy of an agent: same input and output schemas as its offline policy. */
export type LlmPolicy<I extends z.ZodType, O extends z.ZodType> = (
  input: z.output<I>,
  deps: LlmRunDeps,
) => Promise<ToolLoopResult<z.output<O>>>;

/**
 * Makes an agent's LLM policy: the tool loop over the tools the agent's definition names (an
 * unknown name fails, listing the registered tools), its output schema, its instructions, and an
 * optional output check (the audience reasoner's is `faithfulnessCheck`).
 *
 * @example
 * ```ts
 * const reasonAudienceLlm = createLlmPolicy(audienceReasoner, {
 *   instructions: 'You find audience segments for the products, citing real baskets and customers.',
 *   check: faithfulnessCheck({ agent: 'audience-reasoner' }),
 * });
 * const { output } = await reasonAudienceLlm(input, { model, tools: registry, ledger, cache, onEvent });
 * ```
 */
export function createLlmPolicy<I extends z.ZodType, O extends z.ZodType>(
  agent: Pick<AgentDefinition<I, O>, 'name' | 'output' | 'tools'>,
  options: { instructions: string; check?: OutputCheck; key?: string },
): LlmPolicy<I, O> {
  return (input, deps) => {
    const registry = deps.tools instanceof ToolRegistry ? deps.tools : registryOf(deps.tools);
    const tools = agent.tools.map((name) => registry.get(name));
    return runToolLoop({
      agent: options.key ?? agent.name,
      tools,
      output: agent.output,
      messages: initialMessages({ instructions: options.instructions, output: agent.output, input }),
      ...(options.check ? { check: options.check } : {}),
      ...loopOptionsOf(deps),
    });
  };
}

/**
 * The tool-loop options an LLM run's deps carry — model, ledger, and the optional cache, event
 * listener, model name, retry policy, re-ask bound, call timeout and abort signal — for
 * `runToolLoop({ agent, output, messages, ...loopOptionsOf(deps) })`.
 *
 * @example
 * ```ts
 * await runToolLoop({ agent: 'x', output, messages, ...loopOptionsOf(deps) });
 * ```
 */
export function loopOptionsOf(deps: Omit<LlmRunDeps, 'tools'>) {
  return {
    model: deps.model,
    ledger: deps.ledger,
    ...(deps.cache ? { cache: deps.cache } : {}),
    ...(deps.onEvent ? { onEvent: deps.onEvent } : {}),
    ...(deps.modelName ? { modelName: deps.modelName } : {}),
    ...(deps.retry ? { retry: deps.retry } : {}),
    ...(deps.maxRepairs === undefined ? {} : { maxRepairs: deps.maxRepairs }),
    ...(deps.callTimeoutMs === undefined ? {} : { callTimeoutMs: deps.callTimeoutMs }),
    ...(deps.signal ? { signal: deps.signal } : {}),
  };
}

function registryOf(tools: readonly ToolDescriptor[]): ToolRegistry {
  const registry = new ToolRegistry();
  for (const tool of tools) registry.register(tool);
  return registry;
}
