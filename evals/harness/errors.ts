import { SystemError, UserError } from '../../src/core/index.js';

/**
 * A fault of the infrastructure a trial ran on — a model endpoint timing out, a 429, a worker that
 * died — rather than of the policy under test. Only these are retried: a policy that throws a
 * plain error or returns a wrong answer has failed the task, and retrying it would flatter it.
 *
 * @example
 * ```ts
 * throw new InfraError('model endpoint returned 503', { context: { status: 503 } });
 * ```
 */
export class InfraError extends SystemError {
  readonly code = 'EVAL_INFRA';
}

/** True when an error marks an infrastructure fault (and the trial may be retried). */
export function isInfraError(error: unknown): error is InfraError {
  return error instanceof InfraError || (error instanceof Error && error.name === 'InfraError');
}

/** A suite without an LLM policy, and why it has none (when the suite says). */
export interface MissingPolicy {
  readonly suite: string;
  readonly reason?: string;
}

/**
 * Suites were asked to run with a model but have no LLM policy. Lists each with its reason and
 * says what to do: run those suites offline, or run the ones that have a policy.
 *
 * @example
 * ```ts
 * throw new PolicyUnavailableError([{ suite: 'complements', reason: 'no agent ranks groceries' }], 'openai:gpt-4o-mini', ['brief-parsing']);
 * ```
 */
export class PolicyUnavailableError extends UserError {
  readonly code = 'POLICY_UNAVAILABLE';
  constructor(
    readonly missing: readonly MissingPolicy[],
    readonly model: string,
    /** Suites of the same run that do have an LLM policy. */
    readonly available: readonly string[] = [],
  ) {
    const names = missing.map((m) => m.suite);
    const why = (m: MissingPolicy) => m.reason ?? 'it has no LLM policy yet.';
    const list =
      missing.length === 1
        ? ` ${why(missing[0]!)}`
        : missing.map((m) => `\n- ${m.suite}: ${why(m)}`).join('');
    const them = missing.length === 1 ? 'it' : 'them';
    const rest =
      available.length > 0
        ? `, or leave ${them} out: lodestone eval run ${available.join(' ')} --model ${model}`
        : '';
    super(
      `No LLM policy for ${names.join(', ')} (asked for --model ${model}):${list}\nRun ${them} with --model offline${rest}.`,
      { context: { suites: names, model, available } },
    );
  }
}

/** A run cannot be resumed or reported as asked (its data changed, its files are corrupt). */
export class EvalRunError extends UserError {
  readonly code = 'EVAL_RUN';
}

/**
 * A replay cache was asked for a model call it never recorded (the prompt, the tools, the model,
 * its parameters or the trial differ from the recording). It stops the run: a replay that called
 * the model instead would not be a replay, and scoring the trial as failed would blame the policy.
 */
export class CacheMissError extends SystemError {
  readonly code = 'EVAL_CACHE_MISS';
}

/**
 * True for a {@link CacheMissError}, also one that crossed a thread as a plain error with its code.
 *
 * @example
 * ```ts
 * if (isCacheMiss(error)) throw error; // a replay miss stops the run
 * ```
 */
export function isCacheMiss(error: unknown): error is CacheMissError {
  return (
    error instanceof CacheMissError ||
    (error instanceof Error && (error as { code?: unknown }).code === 'EVAL_CACHE_MISS')
  );
}
