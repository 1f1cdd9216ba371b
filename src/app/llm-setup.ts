import type { ChatModel } from '../core/model/index.js';
import { resolveModelSettings } from '../core/model/index.js';
import { ConfigError, TRACING_MESSAGE, TRACING_VARIABLES, type Config } from '../core/index.js';
import {
  DEFAULT_AGENT_BUDGET,
  DEFAULT_RUN_BUDGET,
  JournalOnlyChatModel,
  type RetryPolicy,
} from '../../agents/llm/index.js';
import {
  budgetsFromConfig,
  pricesFromConfig,
  retryFromConfig,
  type LlmSetup,
  type RunBudgets,
} from './llm-runtime.js';
import { createChatModel } from './model-factory.js';

/** What decides the mode: the config, or a chat model handed in (tests, libraries). */
export interface LlmSetupOptions {
  readonly config: Config;
  readonly model?: ChatModel | ((agent: string) => ChatModel);
  readonly retry?: RetryPolicy;
}

/**
 * LLM mode's setup from the options and the config, or undefined offline. Resolves and checks the
 * model settings first, so a bad model id, base URL or missing key — or LangChain tracing left on —
 * throws a {@link ConfigError} before any call.
 *
 * @example
 * ```ts
 * llmSetup({ config: loadConfig({ LODESTONE_MODEL: 'openai:gpt-4o-mini' }) }); // throws ConfigError: OPENAI_API_KEY: ...
 * ```
 */
export function llmSetup(options: LlmSetupOptions): LlmSetup | undefined {
  const { config } = options;
  const settings = resolveModelSettings(config);
  let modelFor: ((agent: string) => ChatModel) | undefined;
  let modelName = '';
  if (options.model) {
    const given = options.model;
    modelFor = typeof given === 'function' ? given : () => given;
    modelName = nameOf(typeof given === 'function' ? given('brief-parser') : given);
  } else if (settings.provider === 'openai') {
    const model = createChatModel(config, { timeoutMs: config.modelTimeoutMs });
    modelFor = () => model;
    modelName = settings.model;
  }
  if (!modelFor) return undefined;
  if (config.tracing) throw new ConfigError([{ key: TRACING_VARIABLES.join('/'), message: TRACING_MESSAGE }]);
  return {
    modelFor,
    modelName,
    retry: options.retry ?? retryFromConfig(config),
    callTimeoutMs: config.modelTimeoutMs,
    prices: pricesFromConfig(config, modelName),
    budgets: budgetsFromConfig(config, { run: DEFAULT_RUN_BUDGET, agent: DEFAULT_AGENT_BUDGET }),
  };
}

function nameOf(model: ChatModel): string {
  const name = (model as { model?: unknown }).model;
  return typeof name === 'string' ? name : model.getName();
}

/**
 * The setup of a replay: a model that is never called (every response comes from the journal),
 * the journaled model's name for prices, no retries, and the run's own budgets.
 */
export function replaySetup(config: Config, model: string, budgets: RunBudgets): LlmSetup {
  return {
    modelFor: () => new JournalOnlyChatModel(model),
    modelName: model,
    retry: { maxRetries: 0, delayMs: () => 0 },
    callTimeoutMs: config.modelTimeoutMs,
    prices: pricesFromConfig(config, model),
    budgets,
  };
}
