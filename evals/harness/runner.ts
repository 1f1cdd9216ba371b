/**
 * Runs suites: every task × trial × policy (the policy under test and its baseline), each trial
 * appended to the run's `results.jsonl` as it finishes. A run stopped by its AbortSignal (or a
 * crash) resumes from that file: recorded trials are skipped, the rest run, and because each trial
 * depends only on (seed, suite, task, trial, policy) the resumed run's figures equal an
 * uninterrupted one's — on any number of workers.
 */
import { systemClock, type Clock, type IdGenerator, createIdGenerator } from '../../src/core/index.js';
import type { AnySuite, Dataset, EvalTask } from './define-suite.js';
import { EvalRunError, PolicyUnavailableError } from './errors.js';
import type { EvalModelSetup } from './model-setup.js';
import type { RunFiles, RunStore } from './run-store.js';
import { rowKey, type ResultRow, type RunManifest, type RunOptions, type SuiteEntry } from './run-types.js';
import { summarizeRun, type RunSummary } from './summarize.js';
import {
  executeTrial,
  loadRuntime,
  OFFLINE,
  policyUnderTest,
  type SuiteRuntime,
  type TrialJob,
} from './trial.js';
import { WorkerPool } from './worker-pool.js';

/** Progress after each finished trial. */
export interface RunProgress {
  readonly suite: string;
  readonly done: number;
  readonly total: number;
  readonly failed: number;
}

/** How to execute a run (none of it changes the results). */
export interface ExecutionOptions {
  /** Trials run at once; above 1 they run on worker threads. Default 1. */
  readonly concurrency?: number;
  /** Retries of a trial after infrastructure errors. Default 2. */
  readonly retries?: number;
  readonly retryDelayMs?: number;
  /** Stops the run after the trials in flight; it can be resumed. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  readonly onRow?: (row: ResultRow) => void;
  /**
   * How the LLM policies reach their model; required when the run's model is not `offline`. Its
   * cache policy changes how calls are made, not what they answer.
   */
  readonly llm?: EvalModelSetup;
}

/** What a run returns. */
export interface RunOutcome {
  readonly run: RunFiles;
  readonly summary: RunSummary;
  /** Worker threads the trials ran on (0: this thread). */
  readonly workers: number;
}

function selectTasks(dataset: Dataset<EvalTask>, options: RunOptions): EvalTask[] {
  const inSplit = dataset.tasks.filter(
    (t) => options.split === 'all' || t.split === undefined || t.split === options.split,
  );
  return options.limit === undefined ? inSplit : inSplit.slice(0, options.limit);
}

function entryOf(suite: AnySuite, dataset: Dataset<EvalTask>, options: RunOptions): SuiteEntry {
  const main = policyUnderTest(suite, options.model);
  return {
    name: suite.name,
    description: suite.description,
    dataset: { id: dataset.id, hash: dataset.hash, size: dataset.tasks.length },
    taskIds: selectTasks(dataset, options).map((t) => t.id),
    policies: [
      { name: main.name, role: 'policy', description: main.description },
      ...(suite.baseline
        ? [{ name: suite.baseline.name, role: 'baseline' as const, description: suite.baseline.description }]
        : []),
    ],
    metrics: suite.metrics ?? {},
    ...(suite.primaryMetric === undefined ? {} : { primaryMetric: suite.primaryMetric }),
  };
}

/**
 * Fails before any work unless every suite has the policy the model asks for and an LLM run has
 * its model setup. Lists every suite without an LLM policy at once.
 */
function checkPolicies(suites: readonly AnySuite[], model: string, llm: EvalModelSetup | undefined): void {
  if (model === OFFLINE) return;
  const missing = suites
    .filter((s) => !s.llm)
    .map((s) => ({ suite: s.name, ...(s.llmUnavailable === undefined ? {} : { reason: s.llmUnavailable }) }));
  if (missing.length > 0)
    throw new PolicyUnavailableError(
      missing,
      model,
      suites.filter((s) => s.llm).map((s) => s.name),
    );
  if (!llm)
    throw new EvalRunError(
      `--model ${model} needs the model setup (endpoint config and cache policy); pass \`llm\` to the run.`,
    );
  if (llm.config.model !== model)
    throw new EvalRunError(
      `The run's model is ${model} but its model setup is for ${llm.config.model}; give both the same model.`,
    );
}

/**
 * Starts a run of `suites` and runs it to completion (or until `signal` aborts it).
 *
 * @example
 * ```ts
 * const { summary } = await runEval({
 *   store: new RunStore('.lodestone/evals'),
 *   suites: [complements],
 *   options: { seed: '1', trials: 3, split: 'test', model: 'offline' },
 *   concurrency: 2,
 * });
 * summary.suites.complements?.policy.passHatK['3'];
 * ```
 */
export async function runEval(
  args: ExecutionOptions & {
    store: RunStore;
    suites: readonly AnySuite[];
    options: RunOptions;
    clock?: Clock;
    newId?: IdGenerator;
  },
): Promise<RunOutcome> {
  const options: RunOptions =
    args.options.model !== OFFLINE && args.llm ? { ...args.options, cache: args.llm.cache } : args.options;
  if (!Number.isInteger(options.trials) || options.trials < 1)
    throw new EvalRunError(`trials must be a whole number of at least 1; received ${options.trials}`);
  checkPolicies(args.suites, options.model, args.llm);
  const clock = args.clock ?? systemClock;
  const pool = await startPool(args.suites, options, args);
  try {
    const { datasets, homes } = await loadDatasets(args.suites, options.seed, pool);
    const manifest: RunManifest = {
      format: 'lodestone.eval-run/1',
      runId: (args.newId ?? createIdGenerator(clock))('eval'),
      createdAt: clock.now().toISOString(),
      status: 'running',
      options,
      suites: args.suites.map((s) => entryOf(s, datasets.get(s.name)!, options)),
      environment: { node: process.version, platform: `${process.platform}-${process.arch}` },
    };
    const run = args.store.create(manifest);
    return await execute(run, manifest, args.suites, datasets, [], args, pool, homes);
  } finally {
    await pool?.close();
  }
}

/**
 * Resumes an interrupted run: checks that each suite's data still hash the same, then runs the
 * trials its results file lacks.
 *
 * @example
 * ```ts
 * await resumeEval({ run: store.open(runId), registry: new Map(SUITES.map((s) => [s.name, s])) });
 * ```
 */
export async function resumeEval(
  args: ExecutionOptions & {
    run: RunFiles;
    /** Suites by name; the run's suites are looked up here. */
    registry: ReadonlyMap<string, AnySuite>;
  },
): Promise<RunOutcome> {
  const started = args.run.manifest();
  const manifest: RunManifest =
    started.options.model !== OFFLINE && args.llm
      ? { ...started, options: { ...started.options, cache: args.llm.cache } }
      : started;
  const suites = manifest.suites.map((entry) => {
    const suite = args.registry.get(entry.name);
    if (!suite)
      throw new EvalRunError(`Run ${manifest.runId} used suite ${entry.name}, which no longer exists.`);
    return suite;
  });
  checkPolicies(suites, manifest.options.model, args.llm);
  const pool = await startPool(suites, manifest.options, args);
  try {
    return await resumeWith(args.run, manifest, suites, args, pool);
  } finally {
    await pool?.close();
  }
}

async function resumeWith(
  run: RunFiles,
  manifest: RunManifest,
  suites: readonly AnySuite[],
  args: ExecutionOptions,
  pool: WorkerPool | undefined,
): Promise<RunOutcome> {
  const { datasets, homes } = await loadDatasets(suites, manifest.options.seed, pool);
  for (const [i, suite] of suites.entries()) {
    const entry = manifest.suites[i]!;
    const dataset = datasets.get(suite.name)!;
    if (dataset.hash !== entry.dataset.hash)
      throw new EvalRunError(
        `Cannot resume ${manifest.runId}: the ${suite.name} data changed since it started (hash ${dataset.hash.slice(0, 12)}, was ${entry.dataset.hash.slice(0, 12)}). Start a new run.`,
      );
    const ids = selectTasks(dataset, manifest.options).map((t) => t.id);
    if (ids.join('\n') !== entry.taskIds.join('\n'))
      throw new EvalRunError(
        `Cannot resume ${manifest.runId}: the ${suite.name} tasks changed. Start a new run.`,
      );
  }
  const rows = run.rows();
  run.rewriteRows(rows);
  return execute(run, manifest, suites, datasets, rows, args, pool, homes);
}

interface Executor {
  /** Runs a trial; `lane` pins it to one worker (ignored in this thread). */
  run(job: TrialJob, lane: number): Promise<ResultRow>;
  close(): Promise<void>;
}

function inProcess(
  manifest: RunManifest,
  suites: readonly AnySuite[],
  datasets: Map<string, Dataset<EvalTask>>,
  args: ExecutionOptions,
): Executor {
  const runtimes = new Map<string, Promise<SuiteRuntime>>();
  const byName = new Map(suites.map((s) => [s.name, s]));
  return {
    async run(job) {
      let runtime = runtimes.get(job.suite);
      if (!runtime) {
        const dataset = datasets.get(job.suite);
        runtime = loadRuntime(byName.get(job.suite)!, {
          seed: manifest.options.seed,
          model: manifest.options.model,
          ...(dataset ? { dataset } : {}),
        });
        runtimes.set(job.suite, runtime);
      }
      return executeTrial(await runtime, job, {
        seed: manifest.options.seed,
        ...(args.retries === undefined ? {} : { retries: args.retries }),
        ...(args.retryDelayMs === undefined ? {} : { retryDelayMs: args.retryDelayMs }),
        ...(args.llm === undefined || manifest.options.model === OFFLINE ? {} : { llm: args.llm }),
      });
    },
    close: () => Promise.resolve(),
  };
}

/** True when the suite's `module` exports this very suite (not a modified copy of it). */
async function loadableByWorkers(suite: AnySuite): Promise<boolean> {
  if (suite.module === undefined) return false;
  try {
    const mod = (await import(suite.module)) as Record<string, unknown>;
    return Object.values(mod).includes(suite);
  } catch {
    return false;
  }
}

/**
 * Worker threads for a run, started before the datasets load so that their start-up (loader,
 * suite modules) overlaps it. None when one thread was asked for, when a suite cannot be
 * loaded by a worker (no `module`, or a modified copy of an exported suite), or when the model
 * setup holds a chat model object (tests): those run here.
 */
async function startPool(
  suites: readonly AnySuite[],
  options: RunOptions,
  args: ExecutionOptions,
): Promise<WorkerPool | undefined> {
  const concurrency = Math.max(1, Math.floor(args.concurrency ?? 1));
  if (concurrency < 2 || args.llm?.chat) return undefined;
  for (const suite of suites) if (!(await loadableByWorkers(suite))) return undefined;
  return new WorkerPool(concurrency, {
    seed: options.seed,
    model: options.model,
    retries: args.retries ?? 2,
    retryDelayMs: args.retryDelayMs ?? 500,
    preload: [...new Set(suites.map((s) => s.module!))],
    ...(args.llm === undefined || options.model === OFFLINE ? {} : { llm: args.llm }),
  });
}

/**
 * The suites' datasets: loaded here, or — with workers — each loaded by the worker that will run
 * the suite (its home lane), which sends back only the version and the task ids.
 */
async function loadDatasets(
  suites: readonly AnySuite[],
  seed: string,
  pool: WorkerPool | undefined,
): Promise<{ datasets: Map<string, Dataset<EvalTask>>; homes?: Map<string, number> }> {
  const datasets = new Map<string, Dataset<EvalTask>>();
  if (!pool) {
    for (const suite of suites) datasets.set(suite.name, await suite.dataset({ seed }));
    return { datasets };
  }
  const homes = new Map(suites.map((s, i) => [s.name, i % pool.size]));
  const infos = await Promise.all(
    suites.map((s) => pool.describe({ suite: s.name, module: s.module! }, homes.get(s.name))),
  );
  suites.forEach((s, i) => datasets.set(s.name, infos[i]!));
  return { datasets, homes };
}

function onWorkers(pool: WorkerPool, manifest: RunManifest, suites: readonly AnySuite[]): Executor {
  const module = new Map(suites.map((s) => [s.name, s.module!]));
  const hash = new Map(manifest.suites.map((s) => [s.name, s.dataset.hash]));
  return {
    run: (job, lane) =>
      pool.trial({ suite: job.suite, module: module.get(job.suite)! }, job, hash.get(job.suite)!, lane),
    close: () => Promise.resolve(),
  };
}

/** Below this many trials left, a lane does not load another suite just to help finish it. */
const STEAL_MIN = 16;

/**
 * Hands out trials to lanes so that each worker sets up few suites. Each suite has an owner lane
 * (the worker that loaded its dataset, else dealt by size to the least-loaded lane). A lane runs
 * the suites it owns; then the suites it has already set up; then takes over a suite no lane has
 * started yet; then helps with the largest suite left if enough of it remains. Which lane runs a
 * trial never changes its result, only how often a suite's setup is repeated.
 */
function scheduler(
  jobs: readonly TrialJob[],
  lanes: number,
  homes?: ReadonlyMap<string, number>,
): (lane: number) => TrialJob | undefined {
  const queues = new Map<string, TrialJob[]>();
  for (const job of jobs) {
    const q = queues.get(job.suite);
    if (q) q.push(job);
    else queues.set(job.suite, [job]);
  }
  const load = new Array<number>(lanes).fill(0);
  const owner = new Map<string, number>();
  for (const [suite, q] of [...queues].sort((a, b) => b[1].length - a[1].length)) {
    const lane = (homes?.get(suite) ?? load.indexOf(Math.min(...load))) % lanes;
    owner.set(suite, lane);
    load[lane]! += q.length;
  }
  const started = Array.from({ length: lanes }, () => new Set<string>());
  const take = (lane: number, suite: string): TrialJob | undefined => {
    started[lane]!.add(suite);
    return queues.get(suite)!.shift();
  };
  return (lane) => {
    const open = [...queues].filter(([, q]) => q.length > 0).sort((a, b) => b[1].length - a[1].length);
    const mine =
      open.find(([suite]) => owner.get(suite) === lane) ?? open.find(([suite]) => started[lane]!.has(suite));
    if (mine) return take(lane, mine[0]);
    const untouched = open.find(([suite]) => started.every((set) => !set.has(suite)));
    if (untouched) {
      owner.set(untouched[0], lane);
      return take(lane, untouched[0]);
    }
    const help = open.find(([, q]) => q.length >= STEAL_MIN);
    return help ? take(lane, help[0]) : undefined;
  };
}

async function execute(
  run: RunFiles,
  manifest: RunManifest,
  suites: readonly AnySuite[],
  datasets: Map<string, Dataset<EvalTask>>,
  done: readonly ResultRow[],
  args: ExecutionOptions,
  pool: WorkerPool | undefined,
  homes?: ReadonlyMap<string, number>,
): Promise<RunOutcome> {
  const doneKeys = new Set(done.map(rowKey));
  const jobs: TrialJob[] = [];
  for (const entry of manifest.suites)
    for (const taskId of entry.taskIds)
      for (let trial = 0; trial < manifest.options.trials; trial++)
        for (const p of entry.policies) {
          const job: TrialJob = { suite: entry.name, taskId, trial, policy: p.name, role: p.role };
          if (!doneKeys.has(rowKey(job))) jobs.push(job);
        }
  const concurrency = Math.max(1, Math.floor(args.concurrency ?? 1));
  const workers = pool && jobs.length > 0 ? pool.size : 0;
  const executor =
    pool && workers > 0 ? onWorkers(pool, manifest, suites) : inProcess(manifest, suites, datasets, args);
  const rows: ResultRow[] = [...done];
  const total = rows.length + jobs.length;
  let failed = rows.filter((r) => r.error).length;
  const retries = args.retries ?? 2;
  const next = scheduler(jobs, concurrency, homes);
  let lastYield = performance.now();
  // The first error a lane cannot record (a replay's cache miss, a worker that keeps dying) stops
  // every lane after its trial in flight; the run is saved as interrupted, then the error thrown.
  let fatal: { error: unknown } | undefined;
  const lane = async (index: number): Promise<void> => {
    for (let job = next(index); job && !fatal; job = next(index)) {
      // Synchronous policies never leave the microtask queue: yield to the event loop now and then
      // so that Ctrl-C (the abort signal), timers and the progress bar get their turn.
      if (performance.now() - lastYield > 50) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
      if (args.signal?.aborted || fatal) break;
      let row: ResultRow | undefined;
      for (let attempt = 0; !row; attempt++) {
        try {
          row = await executor.run(job, index);
        } catch (error) {
          // A worker died under the trial: an infrastructure fault, retried like one.
          if (error instanceof Error && error.name === 'InfraError' && attempt < retries) continue;
          fatal ??= { error };
          return;
        }
      }
      run.append([row]);
      rows.push(row);
      if (row.error) failed++;
      args.onRow?.(row);
      args.onProgress?.({ suite: row.suite, done: rows.length, total, failed });
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, (_, i) => lane(i)));
  } finally {
    await executor.close();
  }
  if (fatal) {
    run.writeManifest({ ...manifest, status: 'interrupted' });
    throw fatal.error;
  }
  const complete = rows.length === total;
  const finished: RunManifest = { ...manifest, status: complete ? 'complete' : 'interrupted' };
  run.writeManifest(finished);
  const summary = summarizeRun(finished, rows, new Map(suites.map((s) => [s.name, s])));
  if (complete) run.writeSummary(summary);
  return { run, summary, workers };
}
