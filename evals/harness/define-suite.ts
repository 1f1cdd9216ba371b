import type { CostMeter } from './cost.js';
import type { EvalModelSetup } from './model-setup.js';

/** Which half of a dataset a task belongs to: `train` may be looked at and tuned on, `test` not. */
export type Split = 'train' | 'test';

/** One task of a suite. Its id is stable across versions of the dataset. */
export interface EvalTask {
  readonly id: string;
  readonly split?: Split;
}

/** A versioned set of tasks: `hash` is the sha256 of the data files it was built from. */
export interface Dataset<T extends EvalTask> {
  readonly id: string;
  readonly hash: string;
  readonly tasks: readonly T[];
}

/** What a dataset is built with: tasks that draw at random (a held-out item) use the seed. */
export interface DatasetOptions {
  /** The run's seed; derive per-task seeds from it with `deriveSeed(seed, suite, taskId)`. */
  readonly seed: string;
}

/** A task's score: did it pass, and its metrics (a metric left out does not apply to the task). */
export interface TaskScore {
  readonly pass: boolean;
  readonly metrics: Readonly<Record<string, number>>;
  /** Small JSON the report shows for a task (what went wrong, say). */
  readonly details?: unknown;
}

/** What one trial of a policy receives beside the task. */
export interface TrialContext<E> {
  readonly suite: string;
  readonly policy: string;
  /** 0-based trial index. */
  readonly trial: number;
  /** This trial's seed, `deriveSeed(runSeed, suite, taskId, trial)`; shared by the policies compared. */
  readonly seed: number;
  /** A generator seeded with `seed`. */
  readonly random: () => number;
  /** What `setup` built once per process (mined rules, a loaded catalog…). */
  readonly env: E;
  /** Record model usage here, per agent (LLM policies; cached calls too, marked as such). */
  readonly meter: CostMeter;
  /** How LLM policies reach their model: set when the run's `--model` is not offline. */
  readonly llm?: EvalModelSetup;
  readonly signal?: AbortSignal;
}

/** A way of answering a suite's tasks. */
export interface Policy<T extends EvalTask, O, E> {
  readonly name: string;
  readonly description: string;
  run(task: T, ctx: TrialContext<E>): O | Promise<O>;
}

/** How to read a metric. Metrics not declared are taken as higher-is-better. */
export interface MetricInfo {
  readonly description: string;
  readonly better: 'higher' | 'lower';
  /** The values the metric can take, e.g. [0, 1] for a share; intervals are clipped to it. */
  readonly range?: readonly [number, number];
}

/**
 * A metric that is a share (or a 0/1 per task): its range is [0, 1].
 *
 * @example
 * ```ts
 * metrics: { success: shareMetric('database end state equals the gold replay'), handoff: shareMetric('handed off', 'lower') }
 * ```
 */
export function shareMetric(description: string, better: MetricInfo['better'] = 'higher'): MetricInfo {
  return { description, better, range: [0, 1] };
}

/** One scored trial, as aggregates see it (outputs stay on the worker). */
export interface ScoredTrial {
  readonly taskId: string;
  readonly trial: number;
  readonly score: TaskScore;
}

/** A suite: a dataset, the policies that answer it, a scorer. */
export interface SuiteDefinition<T extends EvalTask, O, E = undefined> {
  /** kebab-case, unique. */
  readonly name: string;
  readonly description: string;
  /**
   * The URL of the module that defines (and exports) the suite — write `module: import.meta.url`.
   * Worker threads load the suite from it; a suite without it runs in the main thread.
   */
  readonly module?: string;
  readonly dataset: (options: DatasetOptions) => Dataset<T> | Promise<Dataset<T>>;
  /** Built once per process and suite (on each worker): indexes, mined rules, a loaded catalog. */
  readonly setup?: (dataset: Dataset<T>, options: DatasetOptions) => E | Promise<E>;
  /** The offline policy: deterministic, no key, no network. */
  readonly run: (task: T, ctx: TrialContext<E>) => O | Promise<O>;
  /** What the offline policy is, in a sentence (reports show it). */
  readonly runDescription?: string;
  /** A simple reference the offline policy must beat, scored the same way. */
  readonly baseline?: Policy<T, O, E>;
  /**
   * The LLM policy for a model id (`openai:<model>`); it reaches the model through `ctx.llm` (see
   * evals/llm). Absent means `--model` other than offline fails with `PolicyUnavailableError`.
   */
  readonly llm?: (model: string) => Policy<T, O, E>;
  /** Why the suite has no `llm` entry, for that error (a suite that will never have one says why). */
  readonly llmUnavailable?: string;
  /** Pure: the same task and output always score the same. */
  readonly score: (task: T, output: O) => TaskScore;
  /** Suite-level figures that are not means of task metrics (macro-F1, pooled AUC…). */
  readonly aggregate?: (trials: readonly ScoredTrial[]) => Record<string, number>;
  readonly metrics?: Readonly<Record<string, MetricInfo>>;
  /** The metric the report leads with. Default: the pass rate. */
  readonly primaryMetric?: string;
}

/** A suite with its types erased, as registries and runners hold it. */
export type AnySuite = SuiteDefinition<EvalTask, unknown, unknown>;

/**
 * Declares a suite. Scorers must be pure; policies get per-trial seeds; datasets carry a content
 * hash so that runs on different data are never compared as if equal.
 *
 * @example
 * ```ts
 * export default defineSuite({
 *   name: 'double',
 *   description: 'Doubles numbers',
 *   dataset: () => ({ id: 'double', hash: 'inline', tasks: [{ id: 'two', x: 2 }] }),
 *   run: (task) => task.x * 2,
 *   score: (task, output) => ({ pass: output === task.x * 2, metrics: {} }),
 * });
 * ```
 */
export function defineSuite<T extends EvalTask, O, E = undefined>(
  definition: SuiteDefinition<T, O, E>,
): SuiteDefinition<T, O, E> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name))
    throw new TypeError(`Suite name "${definition.name}" must be kebab-case (a-z, 0-9, -)`);
  return definition;
}

/**
 * Erases a suite's task, output and environment types so that suites of different types can sit
 * in one registry. Sound because the harness only ever hands a suite its own dataset's tasks and
 * its own policies' outputs.
 */
export function eraseSuite<T extends EvalTask, O, E>(suite: SuiteDefinition<T, O, E>): AnySuite {
  return suite as unknown as AnySuite;
}
