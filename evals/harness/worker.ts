/**
 * An eval worker thread. It describes a suite's dataset when asked (loading it here, where it will
 * be used, so the main thread never loads it too), builds each suite's runtime once (environment
 * from `setup`, dataset checked against the run's hash), and runs the trials it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnySuite, Dataset, EvalTask } from './define-suite.js';
import type { EvalModelSetup } from './model-setup.js';
import { executeTrial, loadRuntime, type SuiteRuntime, type TrialJob } from './trial.js';

/** What the pool starts a worker with. */
export interface WorkerInit {
  readonly seed: string;
  readonly model: string;
  readonly retries: number;
  readonly retryDelayMs: number;
  /** Modules to import at start, while the main thread is busy. */
  readonly preload: readonly string[];
  /** The model setup of an LLM run (without a chat model object: the worker builds its own). */
  readonly llm?: EvalModelSetup;
}

/** Where a suite comes from: its name and module URL (`SuiteDefinition.module`). */
export interface SuiteRef {
  readonly suite: string;
  readonly module: string;
}

/** A dataset as the main thread needs it: version and task ids with their splits. */
export interface DatasetInfo {
  readonly id: string;
  readonly hash: string;
  readonly tasks: readonly EvalTask[];
}

/** What a worker is asked to do. */
export type WorkerRequest =
  | ({ readonly kind: 'describe' } & SuiteRef)
  | ({ readonly kind: 'trial'; readonly job: TrialJob; readonly hash: string } & SuiteRef);

/** Messages between the pool and a worker. */
export type ToWorker = { readonly id: number; readonly request: WorkerRequest };
export type FromWorker =
  | { readonly type: 'done'; readonly id: number; readonly value: unknown }
  | {
      readonly type: 'fail';
      readonly id: number;
      readonly message: string;
      readonly stack?: string;
      /** The error's `code` (a `LodestoneError`'s), so the pool can re-create errors that matter. */
      readonly code?: string;
    };

const init = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('evals/harness/worker.ts must run on a worker thread');

const modules = new Map<string, Promise<Record<string, unknown>>>();
const load = (url: string) => {
  let mod = modules.get(url);
  if (!mod) modules.set(url, (mod = import(url) as Promise<Record<string, unknown>>));
  return mod;
};
for (const url of init.preload) void load(url).catch(() => undefined);

const isSuite = (value: unknown, name: string): value is AnySuite =>
  typeof value === 'object' &&
  value !== null &&
  (value as { name?: unknown }).name === name &&
  typeof (value as { score?: unknown }).score === 'function';

async function suiteOf(ref: SuiteRef): Promise<AnySuite> {
  const suite = Object.values(await load(ref.module)).find((v) => isSuite(v, ref.suite));
  if (!suite) throw new Error(`${ref.module} exports no suite named ${ref.suite}`);
  return suite;
}

const datasets = new Map<string, Promise<Dataset<EvalTask>>>();
function datasetOf(ref: SuiteRef): Promise<Dataset<EvalTask>> {
  let dataset = datasets.get(ref.suite);
  if (!dataset) {
    dataset = suiteOf(ref).then((suite) => suite.dataset({ seed: init.seed }));
    datasets.set(ref.suite, dataset);
  }
  return dataset;
}

const runtimes = new Map<string, Promise<SuiteRuntime>>();
function runtimeOf(ref: SuiteRef, hash: string): Promise<SuiteRuntime> {
  let runtime = runtimes.get(ref.suite);
  if (!runtime) {
    runtime = Promise.all([suiteOf(ref), datasetOf(ref)]).then(([suite, dataset]) =>
      loadRuntime(suite, { seed: init.seed, model: init.model, dataset, expectedHash: hash }),
    );
    runtimes.set(ref.suite, runtime);
  }
  return runtime;
}

async function handle(request: WorkerRequest): Promise<unknown> {
  if (request.kind === 'describe') {
    const { id, hash, tasks } = await datasetOf(request);
    return {
      id,
      hash,
      tasks: tasks.map((t) => (t.split === undefined ? { id: t.id } : { id: t.id, split: t.split })),
    } satisfies DatasetInfo;
  }
  return executeTrial(await runtimeOf(request, request.hash), request.job, {
    seed: init.seed,
    retries: init.retries,
    retryDelayMs: init.retryDelayMs,
    ...(init.llm === undefined ? {} : { llm: init.llm }),
  });
}

port.on('message', (message: ToWorker) => {
  handle(message.request).then(
    (value) => port.postMessage({ type: 'done', id: message.id, value } satisfies FromWorker),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      const code = (e as { code?: unknown }).code;
      port.postMessage({
        type: 'fail',
        id: message.id,
        message: e.message,
        ...(e.stack === undefined ? {} : { stack: e.stack }),
        ...(typeof code === 'string' ? { code } : {}),
      } satisfies FromWorker);
    },
  );
});
