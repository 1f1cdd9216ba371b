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

/** A suite was asked to run a model policy it does not have yet. */
export class PolicyUnavailableError extends UserError {
  readonly code = 'POLICY_UNAVAILABLE';
  constructor(suite: string, model: string) {
    super(
      `LLM policies are not available yet for suite ${suite} (asked for --model ${model}). ` +
        'The LLM port is being built; run the offline policy with --model offline.',
      { context: { suite, model } },
    );
  }
}

/** A run cannot be resumed or reported as asked (its data changed, its files are corrupt). */
export class EvalRunError extends UserError {
  readonly code = 'EVAL_RUN';
}

/** A replay cache was asked for a model call it never recorded. */
export class CacheMissError extends SystemError {
  readonly code = 'EVAL_CACHE_MISS';
}
