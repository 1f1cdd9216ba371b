import { LodestoneError, SystemError } from '../../src/core/index.js';

/** The budgets an LLM run is held to. */
export type BudgetName = 'steps' | 'tokens' | 'usd' | 'wallTimeMs';

/**
 * A budget would be exceeded by the next model call, so the call was not made. Names the budget,
 * its scope (the whole run or one agent), the limit and what had been used.
 */
export class BudgetExceededError extends SystemError {
  readonly code = 'BUDGET_EXCEEDED';
  constructor(
    readonly budget: BudgetName,
    readonly scope: 'run' | 'agent',
    readonly agent: string,
    readonly limit: number,
    readonly used: number,
    /** What the next call would have brought the usage to (tokens and money are projected). */
    readonly projected: number,
  ) {
    super(
      `Agent ${agent} stopped: the ${scope} ${budget} budget is ${limit}, ${round(used)} used` +
        (projected > used ? ` and the next call would bring it to ${round(projected)}` : '') +
        `. Raise the ${scope} budget or shorten the task.`,
      { context: { budget, scope, agent, limit, used: round(used), projected: round(projected) } },
    );
  }
}

/** The model endpoint failed and retries (if the failure was retryable) were exhausted. */
export class ModelCallError extends SystemError {
  readonly code = 'MODEL_CALL_FAILED';
  constructor(
    readonly agent: string,
    readonly attempts: number,
    readonly kind: string,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`Agent ${agent}: the model call failed after ${attempts} attempt(s) (${kind}): ${detail}`, {
      cause,
      context: { agent, attempts, kind },
    });
  }
}

/** The model declined the task instead of answering in the required structure. */
export class ModelRefusalError extends SystemError {
  readonly code = 'MODEL_REFUSAL';
  constructor(
    readonly agent: string,
    readonly text: string,
  ) {
    super(`Agent ${agent}: the model refused to answer: ${JSON.stringify(text.slice(0, 200))}`, {
      context: { agent, text: text.slice(0, 500) },
    });
  }
}

/**
 * The model kept producing invalid tool calls or an invalid final answer after every allowed
 * re-ask. `issues` are the last problems it was told about.
 */
export class InvalidModelOutputError extends SystemError {
  readonly code = 'INVALID_MODEL_OUTPUT';
  constructor(
    readonly agent: string,
    readonly reason: ReaskReason,
    readonly attempts: number,
    readonly issues: readonly string[],
  ) {
    super(
      `Agent ${agent}: the model's ${reason.replace(/-/g, ' ')} was still invalid after ${attempts} re-ask(s): ${issues.slice(0, 5).join(' | ')}`,
      { context: { agent, reason, attempts, issues: issues.slice(0, 20) } },
    );
  }
}

/** Why the model was asked again. */
export type ReaskReason = 'tool-calls' | 'malformed-json' | 'invalid-output' | 'output-check';

/** An audience reasoning chain cites evidence that no tool returned in this run. */
export class UnfaithfulReasoningError extends SystemError {
  readonly code = 'UNFAITHFUL_REASONING';
  constructor(
    readonly agent: string,
    readonly unsupported: readonly string[],
  ) {
    super(
      `Agent ${agent}: the reasoning cites evidence no tool returned: ${unsupported.slice(0, 10).join(', ')}`,
      { context: { agent, unsupported: unsupported.slice(0, 50) } },
    );
  }
}

/** A tool failed for a reason the model cannot fix (a fault, not a bad argument). */
export class ToolExecutionError extends SystemError {
  readonly code = 'TOOL_FAILED';
  constructor(
    readonly agent: string,
    readonly tool: string,
    cause: unknown,
  ) {
    super(`Agent ${agent}: tool ${tool} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
      context: { agent, tool },
    });
  }
}

/** A replay needed a model response the journal does not hold; a replay makes no model calls. */
export class ReplayMissError extends SystemError {
  readonly code = 'REPLAY_MISS';
  constructor(
    readonly agent: string,
    readonly callIndex: number,
  ) {
    super(
      `Replay of agent ${agent} needs model call #${callIndex}, which the journal does not hold; resume the run instead of replaying it.`,
      { context: { agent, callIndex } },
    );
  }
}

/** A replayed run sent the model a different prompt than the journaled run did. */
export class ReplayDivergedError extends SystemError {
  readonly code = 'REPLAY_DIVERGED';
  constructor(
    readonly agent: string,
    readonly callIndex: number,
  ) {
    super(
      `Replay of agent ${agent} diverged at model call #${callIndex}: the prompt differs from the journaled one (code, prompt or data changed since the run).`,
      { context: { agent, callIndex } },
    );
  }
}

/** Codes of the errors that mean the model's answer failed the agent's checks (a wrong answer). */
export const MODEL_ANSWER_FAILURES: ReadonlySet<string> = new Set([
  'INVALID_MODEL_OUTPUT',
  'MODEL_REFUSAL',
  'UNFAITHFUL_REASONING',
  'BUDGET_EXCEEDED',
]);

/**
 * The code and message of an error that means the model gave no acceptable answer — re-asks
 * exhausted, a refusal, an unfaithful chain, a budget spent — or undefined for any other error
 * (an endpoint down, a replay miss, a bug). Evals score the first kind as wrong answers; a support
 * thread hands the buyer off either way, but only the second kind fails the run.
 *
 * @example
 * ```ts
 * const failure = modelAnswerFailure(error); // { code: 'MODEL_REFUSAL', message: '...' }
 * ```
 */
export function modelAnswerFailure(error: unknown): { code: string; message: string } | undefined {
  return error instanceof LodestoneError && MODEL_ANSWER_FAILURES.has(error.code)
    ? { code: error.code, message: error.message }
    : undefined;
}

function round(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(6));
}
