import {
  BudgetLedger,
  exponentialBackoff,
  journalCallCache,
  journalLoopEvents,
  type BudgetLedgerOptions,
  type BudgetLimits,
  type LlmRunDeps,
  type LoopEvent,
  type RetryPolicy,
} from '../../agents/llm/index.js';
import { BIDDING_TOOLS } from '../../tools/bidding/index.js';
import { catalogSearchTool, type Catalog } from '../../tools/catalog/index.js';
import { priceBand, scoreCopy } from '../../tools/creative/index.js';
import { allocateBudget, splitBudgetOverHours } from '../../tools/planning/index.js';
import { associationRulesTool } from '../../tools/audience/association-rules.js';
import { nextBuyersTool } from '../../tools/audience/next-buyers-tool.js';
import { userHistoryTool } from '../../tools/audience/user-history.js';
import { ToolRegistry } from '../../tools/define-tool.js';
import type { Clock, Config, JournalEntry } from '../core/index.js';
import { PRICE_TABLE, type ChatModel, type PriceTable, type TokenUsage } from '../core/model/index.js';

/** How a Lodestone instance runs its agents in LLM mode. */
export interface LlmSetup {
  /** The chat model of an agent (one model for all, or one per agent). */
  readonly modelFor: (agent: string) => ChatModel;
  /** The model name journaled with the run and used for prices. */
  readonly modelName: string;
  readonly retry: RetryPolicy;
  readonly callTimeoutMs: number;
  readonly prices: PriceTable;
  readonly budgets: RunBudgets;
}

/** The budgets of a run: run-wide, per agent by default, and per named agent. */
export type RunBudgets = Pick<BudgetLedgerOptions, 'run' | 'agent' | 'agents'>;

/** The object without its undefined fields (exactOptionalPropertyTypes: absent, not undefined). */
const defined = <T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

/**
 * The budgets the config sets; absent limits keep the runtime defaults (`DEFAULT_RUN_BUDGET`,
 * `DEFAULT_AGENT_BUDGET`), and a named agent's limits fall back to the per-agent ones.
 *
 * @example
 * ```ts
 * budgetsFromConfig(loadConfig({ LODESTONE_BUDGET_USD: '0.5' })).run; // { steps: 64, tokens: 1000000, usd: 0.5, wallTimeMs: 600000 }
 * ```
 */
export function budgetsFromConfig(
  config: Config,
  defaults: { run: BudgetLimits; agent: BudgetLimits },
): RunBudgets {
  const run: BudgetLimits = {
    ...defaults.run,
    ...defined({
      steps: config.budgetSteps,
      tokens: config.budgetTokens,
      usd: config.budgetUsd,
      wallTimeMs: config.budgetWallSeconds === undefined ? undefined : config.budgetWallSeconds * 1000,
    }),
  };
  const agent: BudgetLimits = {
    ...defaults.agent,
    ...defined({
      steps: config.agentBudgetSteps,
      tokens: config.agentBudgetTokens,
      usd: config.agentBudgetUsd,
      wallTimeMs:
        config.agentBudgetWallSeconds === undefined ? undefined : config.agentBudgetWallSeconds * 1000,
    }),
  };
  const agents = Object.fromEntries(
    Object.entries(config.agentBudgets ?? {}).map(([name, limits]) => [
      name,
      { ...agent, ...defined(limits) },
    ]),
  );
  return { run, agent, agents };
}

/**
 * The price table with the config's `LODESTONE_MODEL_PRICE` for the configured model, if set.
 *
 * @example
 * ```ts
 * pricesFromConfig(loadConfig({ LODESTONE_MODEL_PRICE: '0,0' }), 'qwen2.5:7b').models['qwen2.5:7b']; // { input: 0, output: 0 }
 * ```
 */
export function pricesFromConfig(config: Config, modelName: string): PriceTable {
  if (!config.modelPrice) return PRICE_TABLE;
  const [input = 0, output = 0] = config.modelPrice.split(',').map((s) => Number(s.trim()));
  return {
    ...PRICE_TABLE,
    version: `${PRICE_TABLE.version}+LODESTONE_MODEL_PRICE`,
    models: { ...PRICE_TABLE.models, [modelName]: { input, output } },
  };
}

/** The default retry policy of LLM mode, with the configured number of retries. */
export function retryFromConfig(config: Config): RetryPolicy {
  return exponentialBackoff({ maxRetries: config.modelRetries });
}

/**
 * Every tool an agent may call in LLM mode, over the run's catalog. Each agent is offered only
 * the tools its definition names.
 *
 * @example
 * ```ts
 * llmToolRegistry(catalog).get('next_buyers');
 * ```
 */
export function llmToolRegistry(catalog: Catalog): ToolRegistry {
  const registry = new ToolRegistry()
    .register(catalogSearchTool(catalog))
    .register(priceBand)
    .register(scoreCopy)
    .register(nextBuyersTool(catalog))
    .register(associationRulesTool(catalog))
    .register(userHistoryTool(catalog))
    .register(allocateBudget)
    .register(splitBudgetOverHours);
  for (const tool of BIDDING_TOOLS) registry.register(tool);
  return registry;
}

/** What one run of LLM mode needs from the composition root. */
export interface LlmRunOptions {
  readonly setup: LlmSetup;
  readonly budgets: RunBudgets;
  readonly clock: Clock;
  readonly catalog: () => Catalog;
  /** Appends to the run's journal. */
  readonly record: (type: string, data: unknown) => void;
  /** The run's journal so far: replay and resume answer from it. */
  readonly entries: readonly JournalEntry[];
  /** The entries of steps that will not run again (their model calls are charged up front). */
  readonly recorded: readonly JournalEntry[];
  /** A replay: every model call must come from the journal. */
  readonly strict: boolean;
  readonly onEvent?: (event: LoopEvent) => void;
}

/**
 * The per-run LLM wiring: one budget ledger for the run (charged with the journaled calls of steps
 * already completed, so a resumed run keeps its spend), the journal as the call cache, the journal
 * and progress listener, and the tool registry. `depsFor(agent)` is what an agent's LLM policy runs with.
 */
export function createLlmRun(options: LlmRunOptions): {
  depsFor(agent: string): LlmRunDeps;
  ledger: BudgetLedger;
} {
  const ledger = new BudgetLedger({ clock: options.clock, prices: options.setup.prices, ...options.budgets });
  const completed = new Set(
    options.recorded.filter((e) => e.type === 'step.completed').map((e) => (e.data as { step: string }).step),
  );
  for (const entry of options.recorded) {
    if (entry.type !== 'llm.model.responded') continue;
    const data = entry.data as { agent: string; model: string; response: { usage: TokenUsage } };
    if (completed.has(data.agent)) ledger.charge(data.agent, data.model, data.response.usage);
  }
  const cache = journalCallCache(options.entries, { strict: options.strict });
  const journal = journalLoopEvents(options.record);
  const onEvent = (event: LoopEvent) => {
    journal(event);
    options.onEvent?.(event);
  };
  let registry: ToolRegistry | undefined;
  return {
    ledger,
    depsFor: (agent) => ({
      model: options.setup.modelFor(agent),
      modelName: options.setup.modelName,
      tools: (registry ??= llmToolRegistry(options.catalog())),
      ledger,
      cache,
      onEvent,
      retry: options.setup.retry,
      callTimeoutMs: options.setup.callTimeoutMs,
    }),
  };
}
