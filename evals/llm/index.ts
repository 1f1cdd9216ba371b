/**
 * The plumbing of the suites' LLM policies: the agents' LLM policies run in eval trials with the
 * run's chat model (built in each worker from the model setup), a record/replay cache of model
 * calls keyed on model, parameters, messages, tools and trial index, and every call's tokens and
 * dollars on the trial's meter.
 *
 * @example
 * ```ts
 * import { withEvalLlm } from '../llm/index.js';
 * llm: () => ({ name: 'llm', description: '…', run: (task, ctx) => withEvalLlm(ctx, tools, (deps) => agentLlm(task, deps)) }),
 * ```
 */
export * from './eval-call-cache.js';
export * from './eval-llm-deps.js';
export * from './testing.js';
