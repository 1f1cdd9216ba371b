/**
 * One trial: one policy on one task with its own seed, scored, with infrastructure faults retried.
 * The same code runs in the main thread and on worker threads, so a result never depends on
 * where it was computed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { LodestoneError } from '../../src/core/index.js';
import { CostMeter } from './cost.js';
import type { AnySuite, Dataset, EvalTask, Policy } from './define-suite.js';
import { EvalRunError, isCacheMiss, isInfraError, PolicyUnavailableError } from './errors.js';
import type { EvalModelSetup } from './model-setup.js';
import type { ResultRow, TrialError } from './run-types.js';
import { deriveSeed, seededRandom } from './seeds.js';

/** The offline policy's name in results. */
export const OFFLINE = 'offline';

/** What one trial is: which suite, task, trial index and policy. */
export interface TrialJob {
  readonly suite: string;
  readonly taskId: string;
  readonly trial: number;
  readonly policy: string;
  readonly role: 'policy' | 'baseline';
}

/** A suite made ready to run in one process: its dataset, its environment, its policies. */
export interface SuiteRuntime {
  readonly suite: AnySuite;
  readonly dataset: Dataset<EvalTask>;
  readonly tasks: ReadonlyMap<string, EvalTask>;
  readonly env: unknown;
  readonly policies: ReadonlyMap<string, Policy<EvalTask, unknown, unknown>>;
}

/** The policy under test for a model: the offline policy, or the suite's LLM policy. */
export function policyUnderTest(suite: AnySuite, model: string): Policy<EvalTask, unknown, unknown> {
  if (model === OFFLINE)
    return { name: OFFLINE, description: suite.runDescription ?? 'The offline policy', run: suite.run };
  if (!suite.llm)
    throw new PolicyUnavailableError(
      [
        {
          suite: suite.name,
          ...(suite.llmUnavailable === undefined ? {} : { reason: suite.llmUnavailable }),
        },
      ],
      model,
    );
  return suite.llm(model);
}

/**
 * Loads a suite's dataset (unless given) and builds its environment.
 *
 * @param expectedHash When set, the dataset must have this hash (a worker checks it is scoring the
 *   data the run was started on).
 */
export async function loadRuntime(
  suite: AnySuite,
  options: { seed: string; model: string; dataset?: Dataset<EvalTask>; expectedHash?: string },
): Promise<SuiteRuntime> {
  const dataset = options.dataset ?? (await suite.dataset({ seed: options.seed }));
  if (options.expectedHash !== undefined && dataset.hash !== options.expectedHash)
    throw new EvalRunError(
      `The ${suite.name} dataset changed (hash ${dataset.hash.slice(0, 12)}, the run has ${options.expectedHash.slice(0, 12)}); start a new run.`,
    );
  const env = suite.setup ? await suite.setup(dataset, { seed: options.seed }) : undefined;
  const policies = new Map<string, Policy<EvalTask, unknown, unknown>>();
  const main = policyUnderTest(suite, options.model);
  policies.set(main.name, main);
  if (suite.baseline) policies.set(suite.baseline.name, suite.baseline);
  return { suite, dataset, tasks: new Map(dataset.tasks.map((t) => [t.id, t])), env, policies };
}

function toTrialError(error: unknown): TrialError {
  const infra = isInfraError(error);
  if (error instanceof LodestoneError) return { code: error.code, message: error.message, infra };
  if (error instanceof Error) return { code: error.name || 'ERROR', message: error.message, infra };
  return { code: 'ERROR', message: String(error), infra };
}

/**
 * Runs one trial and scores it. Infrastructure errors ({@link InfraError}) are retried up to
 * `retries` times with exponential backoff; a {@link CacheMissError} (a replay that lacks a
 * recording) is thrown and stops the run; any other error fails the trial (recorded, not thrown).
 *
 * @example
 * ```ts
 * const row = await executeTrial(runtime, { suite: 'complements', taskId: 'b17', trial: 0, policy: 'offline', role: 'policy' }, { seed: '1' });
 * ```
 */
export async function executeTrial(
  runtime: SuiteRuntime,
  job: TrialJob,
  options: { seed: string; retries?: number; retryDelayMs?: number; llm?: EvalModelSetup },
): Promise<ResultRow> {
  const task = runtime.tasks.get(job.taskId);
  const policy = runtime.policies.get(job.policy);
  if (!task || !policy)
    throw new EvalRunError(
      `Suite ${job.suite} has no ${task ? `policy ${job.policy}` : `task ${job.taskId}`}`,
    );
  const seed = deriveSeed(options.seed, job.suite, job.taskId, job.trial);
  const retries = options.retries ?? 2;
  const started = performance.now();
  let attempts = 0;
  for (;;) {
    attempts++;
    const meter = new CostMeter();
    try {
      const output = await policy.run(task, {
        suite: job.suite,
        policy: job.policy,
        trial: job.trial,
        seed,
        random: seededRandom(seed),
        env: runtime.env,
        meter,
        ...(options.llm === undefined ? {} : { llm: options.llm }),
      });
      const score = runtime.suite.score(task, output);
      return {
        ...job,
        seed,
        pass: score.pass,
        metrics: score.metrics,
        ...(score.details === undefined ? {} : { details: score.details }),
        attempts,
        cost: meter.cost(),
        ms: Math.round(performance.now() - started),
      };
    } catch (error) {
      if (isCacheMiss(error)) throw error;
      if (isInfraError(error) && attempts <= retries) {
        await sleep((options.retryDelayMs ?? 500) * 2 ** (attempts - 1));
        continue;
      }
      return {
        ...job,
        seed,
        pass: false,
        metrics: {},
        error: toTrialError(error),
        attempts,
        cost: meter.cost(),
        ms: Math.round(performance.now() - started),
      };
    }
  }
}
