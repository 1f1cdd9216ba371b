import { join } from 'node:path';
import type { AgentContext, AgentMemory } from '../../agents/define-agent.js';
import { costLedger, type CostLedger, type RetryPolicy } from '../../agents/llm/index.js';
import { ProductMemory, UserMemory } from '../../memory/index.js';
import { Catalog, loadCatalogData } from '../../tools/catalog/index.js';
import type { CampaignLaunchEvent } from '../../workflows/index.js';
import {
  ConfigError,
  createIdGenerator,
  fixedClock,
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
  silentLogger,
} from '../core/index.js';
import type { ChatModel } from '../core/model/index.js';
import { driveRun, type DriveOptions, type PlanResult } from './drive-run.js';
import { pricesFromConfig, type LlmSetup } from './llm-runtime.js';
import { llmSetup, replaySetup } from './llm-setup.js';
import { withRunLease } from './run-lease.js';
import { createEmbedder, resolveEmbedderSettings } from './embedder-factory.js';
import {
  decisionsOf,
  lastErrorOf,
  lastPlanOf,
  resumedBudgets,
  runStartOf,
  settledAt,
  type RunError,
  type RunStarted,
} from './run-journal.js';
import type { ProgressEvent } from './step-recorder.js';

export type { PlanResult } from './drive-run.js';

export interface LodestoneOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  ids?: IdGenerator;
  journal?: Journal;
  catalog?: Catalog;
  /** The shared vector memory; `false` runs the agents without it; by default opened under the data dir. */
  memory?: AgentMemory | false;
  /**
   * LLM mode with this chat model (or one per agent), whatever `config.model` says — tests pass
   * `ScriptedChatModel`s. Without it, `config.model` decides: `offline`, or ChatOpenAI for `openai:<model>`.
   */
  model?: ChatModel | ((agent: string) => ChatModel);
  /** Retry policy of model calls (tests pass one without delays); default from the config. */
  retry?: RetryPolicy;
}

/** What `replay` found: the re-run's result and whether it matches the journaled one. */
export interface ReplayResult extends PlanResult {
  /** True when the re-run's plan (or error code) is byte-identical to the journaled one. */
  identical: boolean;
  /** Model calls made live: always 0 for a replay. */
  modelCalls: number;
  /** Model calls answered from the journal. */
  replayedCalls: number;
}

export interface RunView {
  run: RunRecord;
  plan?: Plan;
  error?: RunError;
  entries: JournalEntry[];
}

type OnProgress = (e: ProgressEvent) => void;

const KIND = 'campaign-launch';

/**
 * The composition root's public face: plans campaigns (offline, or in LLM mode on any
 * OpenAI-compatible model), records decisions, resumes interrupted runs, replays runs from their
 * journal, lists and shows runs and their costs.
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
  readonly #llm: LlmSetup | undefined;
  #catalog: Catalog | undefined;
  #memory: AgentMemory | false | undefined;
  #ownsMemory = false;

  /**
   * Checks the model configuration first: a bad model id or embeddings id, base URL or missing key
   * throws a `ConfigError` here, before any call.
   */
  constructor(options: LodestoneOptions) {
    this.config = options.config;
    this.logger = options.logger ?? silentLogger();
    this.clock = options.clock ?? systemClock;
    this.#llm = llmSetup(options);
    if (options.memory === undefined) resolveEmbedderSettings(this.config);
    this.#ids = options.ids ?? createIdGenerator(this.clock);
    this.#journal = options.journal ?? new SqliteJournal(join(this.config.dataDir, 'journal.db'));
    this.#catalog = options.catalog;
    this.#memory = options.memory;
  }

  /** `llm` with the model name when the agents run their LLM policies, else `offline`. */
  get mode(): { mode: 'offline' } | { mode: 'llm'; model: string } {
    return this.#llm ? { mode: 'llm', model: this.#llm.modelName } : { mode: 'offline' };
  }

  /**
   * The product and user memory, opened on first use under `<data dir>/memory`: built from the
   * catalog on the first run, reopened from its cache afterwards, rebuilt only when the data change.
   * Its embedder is the offline one unless `LODESTONE_EMBEDDINGS` names an embeddings model (the
   * chat model's mode does not change it: LLM mode alone sends nothing to an embeddings API).
   */
  async memory(onProgress?: OnProgress): Promise<AgentMemory | undefined> {
    if (this.#memory === false) return undefined;
    if (this.#memory) return this.#memory;
    const runId = '';
    onProgress?.({ type: 'step.started', runId, step: 'memory' });
    const started = performance.now();
    const dir = join(this.config.dataDir, 'memory');
    const logger = this.logger.child({ component: 'memory' });
    const embedder = createEmbedder(this.config, { dataDir: this.config.dataDir, logger });
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

  #agentContext(today: string, onProgress?: OnProgress): Promise<AgentContext> {
    let opened: Promise<AgentMemory | undefined> | undefined;
    return Promise.resolve({
      memory: () => (opened ??= this.memory(onProgress)),
      catalog: this.catalog,
      logger: this.logger.child({ component: 'agents' }),
      today,
      defaultCurrency: this.config.currency,
    });
  }

  /** Turns a one-sentence goal into a checked plan. `approve: true` approves it at once. */
  async plan(
    goal: string,
    options: { approve?: boolean; by?: string; onProgress?: OnProgress } = {},
  ): Promise<PlanResult> {
    if (typeof goal !== 'string') throw new InvalidInputError('goal', 'a sentence', goal);
    const runId = this.#ids('run');
    const at = this.clock.now().toISOString();
    const approval = options.approve ? { by: options.by ?? 'cli --yes', at } : undefined;
    const started: RunStarted = {
      goal,
      today: isoDate(this.clock.now()),
      ...(this.#llm
        ? { mode: 'llm' as const, model: this.#llm.modelName, budgets: this.#llm.budgets }
        : { mode: 'offline' as const }),
      ...(approval ? { approval } : {}),
    };
    this.#journal.createRun({ id: runId, kind: KIND, title: goal.trim().slice(0, 200), at });
    return this.#leased(runId, () => {
      this.#journal.append(runId, 'run.started', started, at);
      return this.#drive({
        runId,
        started,
        createdAt: at,
        recorded: [],
        cacheEntries: [],
        events: approval ? [{ type: 'plan.approved', ...approval }] : [],
        journal: this.#journal,
        clock: this.clock,
        ...(this.#llm ? { llm: { setup: this.#llm, budgets: this.#llm.budgets, strict: false } } : {}),
        onProgress: options.onProgress,
      });
    });
  }

  /** Approves or rejects a run that awaits approval (replaying its journal, recomputing nothing). */
  async decide(
    runId: string,
    decision: 'approved' | 'rejected',
    options: { by?: string; reason?: string; onProgress?: OnProgress } = {},
  ): Promise<PlanResult> {
    this.#run(runId);
    return this.#leased(runId, () => this.#decide(runId, decision, options));
  }

  #decide(
    runId: string,
    decision: 'approved' | 'rejected',
    options: { by?: string; reason?: string; onProgress?: OnProgress },
  ): Promise<PlanResult> {
    const run = this.#run(runId);
    if (run.status !== 'awaiting_approval') {
      throw new InvalidInputError(`run ${runId}`, 'a run awaiting approval', run.status);
    }
    const entries = this.#journal.entries(runId);
    const started = runStartOf(runId, entries);
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
    return this.#drive({
      runId,
      started,
      createdAt: run.createdAt,
      recorded: entries,
      cacheEntries: entries,
      events: [event],
      journal: this.#journal,
      clock: this.clock,
      onProgress: options.onProgress,
    });
  }

  /**
   * Resumes a run that was interrupted (its process died) or failed (a budget ran out, say): the
   * steps it completed are not run again, and in LLM mode every model response and tool result it
   * journaled is reused, so no completed model call is repeated. Budgets are today's config, so a
   * run stopped by a budget can be resumed with a larger one. The model must be the run's.
   */
  async resume(runId: string, options: { onProgress?: OnProgress } = {}): Promise<PlanResult> {
    this.#run(runId);
    return this.#leased(runId, () => this.#resume(runId, options));
  }

  #resume(runId: string, options: { onProgress?: OnProgress }): Promise<PlanResult> {
    const run = this.#run(runId);
    if (run.status !== 'running' && run.status !== 'failed') {
      throw new InvalidInputError(
        `run ${runId}`,
        `an interrupted or failed run (status running or failed); use approve, reject or replay for a ${run.status} run`,
        run.status,
      );
    }
    const entries = this.#journal.entries(runId);
    const started = runStartOf(runId, entries);
    const wanted = started.mode === 'llm' ? `openai:${started.model ?? ''}` : 'offline';
    const have = this.#llm ? `openai:${this.#llm.modelName}` : 'offline';
    if (wanted !== have) {
      throw new ConfigError([
        {
          key: 'LODESTONE_MODEL',
          message: `run ${runId} was planned with ${wanted}; resume it with LODESTONE_MODEL=${wanted} (now ${have}), or replay it with lodestone replay ${runId}`,
        },
      ]);
    }
    const at = this.clock.now().toISOString();
    this.#journal.append(runId, 'run.resumed', this.#llm ? { budgets: this.#llm.budgets } : {}, at);
    return this.#drive({
      runId,
      started,
      createdAt: run.createdAt,
      recorded: entries,
      cacheEntries: entries,
      // An interrupted or failed run has received no decision yet, but `plan --yes` gave one upfront.
      events: started.approval ? [{ type: 'plan.approved', ...started.approval }] : [],
      journal: this.#journal,
      clock: this.clock,
      ...(this.#llm ? { llm: { setup: this.#llm, budgets: this.#llm.budgets, strict: false } } : {}),
      onProgress: options.onProgress,
    });
  }

  /**
   * Re-runs a run from its journal into a scratch journal: every agent runs again, but each model
   * call is answered from the journal (zero live calls; a changed prompt fails with
   * `REPLAY_DIVERGED`, a missing response with `REPLAY_MISS`). Needs no model endpoint or key. The
   * run's own journal is not written.
   */
  async replay(runId: string, options: { onProgress?: OnProgress } = {}): Promise<ReplayResult> {
    const run = this.#run(runId);
    const entries = this.#journal.entries(runId);
    const started = runStartOf(runId, entries);
    const scratch = new SqliteJournal(':memory:');
    scratch.createRun({ id: runId, kind: run.kind, title: run.title, at: run.createdAt });
    let modelCalls = 0;
    let replayedCalls = 0;
    const count = (e: ProgressEvent) => {
      if (e.type === 'llm' && e.event.type === 'model.requested') modelCalls++;
      if (e.type === 'llm' && e.event.type === 'model.responded' && e.event.replayed) replayedCalls++;
      options.onProgress?.(e);
    };
    // A resumed run may have been given larger budgets: the replay runs with the last ones.
    const setup =
      started.mode === 'llm'
        ? replaySetup(
            this.config,
            started.model ?? 'unknown',
            resumedBudgets(entries) ?? started.budgets ?? {},
          )
        : undefined;
    try {
      const result = await this.#drive({
        runId,
        started,
        createdAt: run.createdAt,
        recorded: [],
        cacheEntries: entries,
        // Every decision the run received, `plan --yes` included, is journaled.
        events: decisionsOf(entries),
        journal: scratch,
        clock: fixedClock(settledAt(entries) ?? run.updatedAt),
        ...(setup ? { llm: { setup, budgets: setup.budgets, strict: true } } : {}),
        onProgress: count,
      });
      const before = lastPlanOf(entries);
      const identical = result.plan
        ? before !== undefined && JSON.stringify(before) === JSON.stringify(result.plan)
        : lastErrorOf(entries)?.code === result.error?.code;
      return { ...result, identical, modelCalls, replayedCalls };
    } finally {
      scratch.close();
    }
  }

  #drive(o: DriveOptions): Promise<PlanResult> {
    return driveRun(
      {
        logger: this.logger,
        logPrompts: this.config.logPrompts,
        catalog: () => this.catalog,
        context: (today, onProgress) => this.#agentContext(today, onProgress),
      },
      o,
    );
  }

  /** Runs `body` holding the run's lease: no second process drives the run meanwhile. */
  #leased<T>(runId: string, body: () => Promise<T>): Promise<T> {
    return withRunLease(this.#journal, runId, this.clock, body);
  }

  #run(runId: string): RunRecord {
    const run = this.#journal.getRun(runId);
    if (!run)
      throw new NotFoundError(
        'run',
        runId,
        this.runs(10).map((r) => r.id),
      );
    return run;
  }

  /** The most recent runs, newest first. */
  runs(limit = 50): RunRecord[] {
    return this.#journal.listRuns({ limit, kind: KIND });
  }

  /** One run: its record, its latest plan, its error if it failed, and its journal. */
  show(runId: string): RunView {
    const run = this.#run(runId);
    const entries = this.#journal.entries(runId);
    const plan = lastPlanOf(entries);
    // A failed run that was resumed and settled keeps its old failure in the journal, not in its view.
    const error = run.status === 'failed' ? lastErrorOf(entries) : undefined;
    return { run, entries, ...(plan ? { plan } : {}), ...(error ? { error } : {}) };
  }

  /** A run's cost ledger (tokens and dollars per agent, per tool, in total), projected from its journal. */
  cost(runId: string): CostLedger {
    const entries = this.#journal.entries(this.#run(runId).id);
    const started = runStartOf(runId, entries);
    return costLedger(entries, pricesFromConfig(this.config, started.model ?? ''));
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
