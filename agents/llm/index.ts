/**
 * The shared LLM agent runtime: the tool loop (an XState machine) that every agent's LLM policy
 * runs — budgets checked before each call, zod-validated tool arguments and output re-asked with
 * the exact issues, 429/5xx/timeouts retried with backoff, typed events for the journal and the
 * CLI, replay and resume from the journal, and the faithfulness check of reasoning chains.
 *
 * @example
 * ```ts
 * import { createLlmPolicy, BudgetLedger, journalCallCache, journalLoopEvents } from '../llm/index.js';
 * ```
 */
export * from './errors.js';
export * from './events.js';
export * from './budget.js';
export * from './retry.js';
export * from './call-cache.js';
export * from './tool-adapter.js';
export * from './tool-calls.js';
export * from './final-output.js';
export * from './faithfulness.js';
export * from './prompt.js';
export * from './messages.js';
export {
  callModel,
  CallTimeoutError,
  type BoundModel,
  type CallModelInput,
  type CallModelOutput,
} from './call-model.js';
export {
  toolLoopMachine,
  type ToolLoopContext,
  type ToolLoopDeps,
  type ToolLoopOutput,
} from './tool-loop.js';
export * from './run-tool-loop.js';
export * from './llm-policy.js';
export * from './journal-only-model.js';
export * from './cost-ledger.js';
export * from './guards.js';
