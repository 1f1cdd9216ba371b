import { join } from 'node:path';
import { createActor, waitFor } from 'xstate';
import type { AgentContext, AgentMemory } from '../../agents/define-agent.js';
import { createOfflineEmbedder, ProductMemory, UserMemory } from '../../memory/index.js';
import { Catalog, loadCatalogData } from '../../tools/catalog/index.js';
import { campaignLaunchMachine, type CampaignLaunchEvent } from '../../workflows/index.js';
import {
  createIdGenerator,
  InvalidInputError,
  isoDate,
  NotFoundError,
  SqliteJournal,
  systemClock,
  type Clock,
  type Config,
  type IdGenerator,
  type Journal,
  type JournalEntry,
  type Logger,
  type Plan,
  type RunRecord,
  type RunStatus,
  silentLogger,
} from '../core/index.js';
import { buildPlan, statusOf } from './build-plan.js';
import { launchActors } from './launch-actors.js';
import { serializeError, StepRecorder, type ProgressEvent } from './step-recorder.js';

export interface LodestoneOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  ids?: IdGenerator;
  journal?: Journal;
  catalog?: Catalog;
  /** The shared vector memory; `false` runs the agents without it; by default opened under the data dir. */
  memory?: AgentMemory | false;
}

export interface PlanResult {
  runId: string;
  status: RunStatus;
  plan?: Plan;
  /** Set when the run failed: the error, with its code and fields. */
  error?: { code: string; message: string } & Record<string, unknown>;
  /** The original error object, for callers that rethrow it. */
  cause?: unknown;
}

export interface RunView {
  run: RunRecord;
  plan?: Plan;
  error?: { code: string; message: string } & Record<string, unknown>;
  entries: JournalEntry[];
}

const KIND = 'campaign-launch';

/**
 * The composition root's public face: plans campaigns, records decisions, lists and shows runs.
 *
 * @example
 * ```ts
 * const lodestone = createLodestone({ config: loadConfig(process.env) });
 * const result = await lodestone.plan('Sell our ceramic tableware, 3000 GBP a day, CPA under 12 GBP', { approve: true });
 * result.plan?.bidPlan.dailyBudget; // 3000
 * ```
 */
export class Lodestone {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly #ids: IdGenerator;
  readonly #journal: Journal;
  #catalog: Catalog | undefined;
  #memory: AgentMemory | false | undefined;
  #ownsMemory = false;

  constructor(options: LodestoneOptions) {
    this.config = options.config;
    this.logger = options.logger ?? silentLogger();
    this.clock = options.clock ?? systemClock;
    this.#ids = options.ids ?? createIdGenerator(this.clock);
    this.#journal = options.journal ?? new SqliteJournal(join(this.config.dataDir, 'journal.db'));
    this.#catalog = options.catalog;
    this.#memory = options.memory;
  }

  /**
   * The product and user memory, opened on first use under `<data dir>/memory`: built from the
   * catalog on the first run, reopened from its cache afterwards, rebuilt only when the data change.
   */
  async memory(onProgress?: (e: ProgressEvent) => void): Promise<AgentMemory | undefined> {
    if (this.#memory === false) return undefined;
    if (this.#memory) return this.#memory;
    const runId = '';
    onProgress?.({ type: 'step.started', runId, step: 'memory' });
    const started = performance.now();
    const dir = join(this.config.dataDir, 'memory');
    const logger = this.logger.child({ component: 'memory' });
    const embedder = createOfflineEmbedder({ cacheDir: join(this.config.dataDir, 'cache'), logger });
    const products = await ProductMemory.open({ dir, embedder, logger });
    await products.sync(this.catalog.products);
    const users = await UserMemory.open({ dir, products, logger });
    await users.sync(this.catalog.users);
    this.#memory = { products, users };
    this.#ownsMemory = true;
    const ms = Math.round(performance.now() - started);
    onProgress?.({ type: 'step.completed', runId, step: 'memory', ms, replayed: false });
    return this.#memory;
  }

  /** The demo catalog, loaded on first use. */
  get catalog(): Catalog {
    this.#catalog ??= new Catalog(loadCatalogData());
    return this.#catalog;
  }

  async #agentContext(onProgress?: (e: ProgressEvent) => void): Promise<AgentContext> {
    const memory = await this.memory(onProgress);
    return {
      ...(memory ? { memory } : {}),
      catalog: this.catalog,
      logger: this.logger.child({ component: 'agents' }),
      today: isoDate(this.clock.now()),
      defaultCurrency: this.config.currency,
    };
  }

  /** Turns a one-sentence goal into a checked plan. `approve: true` approves it at once. */
  async plan(
    goal: string,
    options: { approve?: boolean; by?: string; onProgress?: (e: ProgressEvent) => void } = {},
  ): Promise<PlanResult> {
    if (typeof goal !== 'string') throw new InvalidInputError('goal', 'a sentence', goal);
    const runId = this.#ids('run');
    const at = this.clock.now().toISOString();
    this.#journal.createRun({ id: runId, kind: KIND, title: goal.trim().slice(0, 200), at });
    this.#journal.append(runId, 'run.started', { goal, today: isoDate(this.clock.now()) }, at);
    const events: CampaignLaunchEvent[] = options.approve
      ? [{ type: 'plan.approved', by: options.by ?? 'cli --yes', at }]
      : [];
    return this.#drive(runId, goal, at, [], events, options.onProgress);
  }

  /** Approves or rejects a run that awaits approval (replaying its journal, recomputing nothing). */
  async decide(
    runId: string,
    decision: 'approved' | 'rejected',
    options: { by?: string; reason?: string; onProgress?: (e: ProgressEvent) => void } = {},
  ): Promise<PlanResult> {
    const run = this.#journal.getRun(runId);
    if (!run)
      throw new NotFoundError(
        'run',
        runId,
        this.runs(10).map((r) => r.id),
      );
    if (run.status !== 'awaiting_approval') {
      throw new InvalidInputError(`run ${runId}`, 'a run awaiting approval', run.status);
    }
    const entries = this.#journal.entries(runId);
    const started = entries.find((e) => e.type === 'run.started')?.data as { goal: string } | undefined;
    if (!started) throw new NotFoundError('run start entry', runId);
    const at = this.clock.now().toISOString();
    const by = options.by ?? 'cli';
    const event: CampaignLaunchEvent =
      decision === 'approved'
        ? { type: 'plan.approved', by, at }
        : {
            type: 'plan.rejected',
            by,
            at,
            ...(options.reason === undefined ? {} : { reason: options.reason }),
          };
    return this.#drive(runId, started.goal, run.createdAt, entries, [event], options.onProgress);
  }

  async #drive(
    runId: string,
    goal: string,
    createdAt: string,
    entries: readonly JournalEntry[],
    events: readonly CampaignLaunchEvent[],
    onProgress?: (e: ProgressEvent) => void,
  ): Promise<PlanResult> {
    const log = this.logger.child({ component: 'campaign-launch', runId });
    const recorder = new StepRecorder(runId, this.#journal, this.clock, log, onProgress, entries);
    // Opened only when a step actually runs: a run replayed from its journal needs no memory.
    let ctx: Promise<AgentContext> | undefined;
    const context = () => (ctx ??= this.#agentContext(onProgress));
    const machine = campaignLaunchMachine.provide({ actors: launchActors(context, recorder) });
    const actor = createActor(machine, { input: { goal } });
    actor.start();
    let snapshot = await waitFor(actor, (s) => s.status === 'done' || s.matches('awaitingApproval'), {
      timeout: Infinity,
    });
    for (const event of snapshot.matches('awaitingApproval') ? events : []) {
      this.#journal.append(runId, event.type, event, event.at);
      actor.send(event);
    }
    snapshot = actor.getSnapshot();
    actor.stop();
    const status = statusOf(snapshot.value);
    const now = this.clock.now().toISOString();
    if (status === 'running')
      throw new Error(`campaign-launch stopped in state ${JSON.stringify(snapshot.value)}`);
    if (status === 'failed') {
      const error = serializeError(snapshot.context.error);
      this.#journal.append(runId, 'run.failed', { error }, now);
      this.#journal.setStatus(runId, 'failed', now);
      log.info({ code: error.code }, 'run failed');
      return { runId, status, error, cause: snapshot.context.error };
    }
    const plan = buildPlan(runId, status, createdAt, snapshot.context, now);
    this.#journal.append(runId, 'plan.snapshot', { plan }, now);
    this.#journal.setStatus(runId, status, now);
    log.info({ status }, 'run settled');
    return { runId, status, ...(plan ? { plan } : {}) };
  }

  /** The most recent runs, newest first. */
  runs(limit = 50): RunRecord[] {
    return this.#journal.listRuns({ limit, kind: KIND });
  }

  /** One run: its record, its latest plan, its error if it failed, and its journal. */
  show(runId: string): RunView {
    const run = this.#journal.getRun(runId);
    if (!run)
      throw new NotFoundError(
        'run',
        runId,
        this.runs(10).map((r) => r.id),
      );
    const entries = this.#journal.entries(runId);
    const lastPlan = entries.filter((e) => e.type === 'plan.snapshot').pop()?.data as
      { plan?: Plan } | undefined;
    const failed = entries.filter((e) => e.type === 'run.failed').pop()
      ?.data as RunView['error'] extends infer E ? { error: E } : never;
    return {
      run,
      entries,
      ...(lastPlan?.plan ? { plan: lastPlan.plan } : {}),
      ...(failed?.error ? { error: failed.error } : {}),
    };
  }

  /** Closes the journal and the memory this instance opened. */
  async close(): Promise<void> {
    this.#journal.close();
    if (this.#ownsMemory && this.#memory) {
      await this.#memory.products.close();
      await this.#memory.users.close();
      this.#memory = undefined;
    }
  }
}

/** Creates a Lodestone instance; see {@link Lodestone}. */
export function createLodestone(options: LodestoneOptions): Lodestone {
  return new Lodestone(options);
}
