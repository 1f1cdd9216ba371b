/**
 * Eval work spread over worker threads, one per core asked for. Requests can be pinned to a worker
 * (the runner keeps a suite on the worker that loaded it); a worker that dies is replaced and its
 * request fails with an {@link InfraError}, which the runner retries.
 */
import { Worker } from 'node:worker_threads';
import { CacheMissError, EvalRunError, InfraError } from './errors.js';
import type { ResultRow } from './run-types.js';
import type { TrialJob } from './trial.js';
import type { DatasetInfo, FromWorker, SuiteRef, WorkerInit, WorkerRequest } from './worker.js';

const BOOTSTRAP = new URL('./worker-bootstrap.js', import.meta.url);

interface Pending {
  readonly id: number;
  readonly request: WorkerRequest;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy: Pending | undefined;
  /** Requests pinned to this worker. */
  readonly queue: Pending[];
}

/**
 * A pool of eval workers.
 *
 * @example
 * ```ts
 * const pool = new WorkerPool(2, { seed: '1', model: 'offline', retries: 2, retryDelayMs: 500, preload: [] });
 * const info = await pool.describe({ suite: 'complements', module: complements.module! }, 0);
 * const row = await pool.trial({ suite: 'complements', module: complements.module! }, job, info.hash, 0);
 * await pool.close();
 * ```
 */
export class WorkerPool {
  readonly #slots: Slot[] = [];
  readonly #queue: Pending[] = [];
  #nextId = 0;
  #closed = false;

  constructor(
    readonly size: number,
    readonly init: WorkerInit,
  ) {
    for (let i = 0; i < size; i++) this.#slots.push({ worker: this.#spawn(), busy: undefined, queue: [] });
  }

  #spawn(): Worker {
    const worker = new Worker(BOOTSTRAP, { workerData: this.init });
    worker.on('message', (message: FromWorker) => this.#onMessage(worker, message));
    worker.on('error', (error) => this.#onDeath(worker, error));
    worker.on('exit', (code) => {
      if (!this.#closed) this.#onDeath(worker, new Error(`eval worker exited with code ${code}`));
    });
    return worker;
  }

  #onMessage(worker: Worker, message: FromWorker): void {
    const slot = this.#slots.find((s) => s.worker === worker);
    const busy = slot?.busy;
    if (!slot || busy?.id !== message.id) return;
    slot.busy = undefined;
    if (message.type === 'done') busy.resolve(message.value);
    else if (message.code === 'EVAL_CACHE_MISS') busy.reject(new CacheMissError(message.message));
    else
      busy.reject(
        new EvalRunError(`Eval worker failed on ${busy.request.suite}: ${message.message}`, {
          context: { stack: message.stack },
        }),
      );
    this.#dispatch();
  }

  #onDeath(worker: Worker, error: Error): void {
    const slot = this.#slots.find((s) => s.worker === worker);
    if (!slot || this.#closed) return;
    const busy = slot.busy;
    slot.busy = undefined;
    slot.worker = this.#spawn();
    void worker.terminate();
    busy?.reject(new InfraError(`An eval worker died: ${error.message}`, { cause: error }));
    this.#dispatch();
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.busy) continue;
      const next = slot.queue.shift() ?? this.#queue.shift();
      if (!next) continue;
      slot.busy = next;
      slot.worker.postMessage({ id: next.id, request: next.request });
    }
  }

  #send(request: WorkerRequest, on: number | undefined): Promise<unknown> {
    if (this.#closed) return Promise.reject(new EvalRunError('The worker pool is closed'));
    return new Promise((resolve, reject) => {
      const pending: Pending = { id: this.#nextId++, request, resolve, reject };
      const slot = on === undefined ? undefined : this.#slots[on % this.#slots.length];
      (slot ? slot.queue : this.#queue).push(pending);
      this.#dispatch();
    });
  }

  /** Loads a suite's dataset on worker `on` (where the suite will then run) and describes it. */
  async describe(ref: SuiteRef, on?: number): Promise<DatasetInfo> {
    return (await this.#send({ kind: 'describe', ...ref }, on)) as DatasetInfo;
  }

  /** Runs one trial on worker `on` when given, else on the next free worker. */
  async trial(ref: SuiteRef, job: TrialJob, hash: string, on?: number): Promise<ResultRow> {
    return (await this.#send({ kind: 'trial', ...ref, job, hash }, on)) as ResultRow;
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
