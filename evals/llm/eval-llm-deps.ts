import {
  BudgetLedger,
  DEFAULT_AGENT_BUDGET,
  DEFAULT_RUN_BUDGET,
  exponentialBackoff,
  JournalOnlyChatModel,
  type LlmRunDeps,
  type LoopEvent,
} from '../../agents/llm/index.js';
import {
  budgetsFromConfig,
  createChatModel,
  LodestoneChatOpenAI,
  pricesFromConfig,
} from '../../src/app/index.js';
import { LodestoneError, systemClock } from '../../src/core/index.js';
import { costOf, parseModelId, type ChatModel } from '../../src/core/model/index.js';
import type { ToolRegistry, ToolDescriptor } from '../../tools/define-tool.js';
import {
  EvalRunError,
  FileModelCache,
  InfraError,
  type CostMeter,
  type EvalModelSetup,
  type TrialContext,
} from '../harness/index.js';
import { evalCallCache } from './eval-call-cache.js';

const clients = new WeakMap<EvalModelSetup, ChatModel>();

/**
 * The chat model of a setup, built once per process (so once per worker thread): the test's own
 * model when it gives one; under the `replay` cache policy a model that cannot call anything (every
 * answer comes from the recording, and no key is needed); else `createChatModel` from the config.
 *
 * @example
 * ```ts
 * const model = evalChatModel(ctx.llm);
 * ```
 */
export function evalChatModel(setup: EvalModelSetup): ChatModel {
  if (setup.chat) return setup.chat;
  let model = clients.get(setup);
  if (!model) {
    model =
      setup.cache === 'replay'
        ? new JournalOnlyChatModel(modelNameOf(setup))
        : createChatModel(setup.config, { timeoutMs: setup.config.modelTimeoutMs });
    clients.set(setup, model);
  }
  return model;
}

function modelNameOf(setup: EvalModelSetup): string {
  const id = parseModelId(setup.config.model);
  if (id.provider !== 'openai')
    throw new EvalRunError(
      `An LLM policy needs an openai:<model> id; the run's model is ${setup.config.model}`,
    );
  return id.model;
}

/** Records every model response of a trial on its meter, per agent, marking the cached ones. */
function meterListener(meter: CostMeter): (event: LoopEvent) => void {
  return (event) => {
    if (event.type !== 'model.responded') return;
    meter.record(event.agent, {
      calls: 1,
      cachedCalls: event.replayed ? 1 : 0,
      inputTokens: event.response.usage.inputTokens,
      outputTokens: event.response.usage.outputTokens,
      usd: event.usd,
    });
  };
}

/**
 * What an agent's LLM policy runs with in one eval trial: the setup's chat model (seeded with the
 * trial's seed where the client supports it), the trial's record/replay cache keyed on model,
 * parameters, messages, tools and trial index, a fresh budget ledger with the config's budgets,
 * the config's retries and timeout, and a listener that puts every call's tokens and dollars on
 * the trial's meter (cached calls marked).
 *
 * @example
 * ```ts
 * const deps = evalLlmDeps(ctx, llmToolRegistry(catalog));
 * const brief = await parseBriefLlm({ goal }, agentContext, deps);
 * ```
 */
export function evalLlmDeps(
  ctx: TrialContext<unknown>,
  tools: ToolRegistry | readonly ToolDescriptor[],
): LlmRunDeps {
  const setup = ctx.llm;
  if (!setup)
    throw new EvalRunError(
      `The ${ctx.suite} LLM policy ran without a model setup: run it through runEval with \`llm\`, or set ctx.llm.`,
    );
  const modelName = modelNameOf(setup);
  const prices = pricesFromConfig(setup.config, modelName);
  const chat = evalChatModel(setup);
  const params = { seed: ctx.seed };
  const model = chat instanceof LodestoneChatOpenAI ? (chat.withConfig(params) as ChatModel) : chat;
  return {
    model,
    modelName,
    tools,
    ledger: new BudgetLedger({
      clock: systemClock,
      prices,
      ...budgetsFromConfig(setup.config, { run: DEFAULT_RUN_BUDGET, agent: DEFAULT_AGENT_BUDGET }),
    }),
    cache: evalCallCache({
      cache: new FileModelCache(setup.cacheDir),
      policy: setup.cache,
      model: setup.config.model,
      params,
      trial: ctx.trial,
      price: (usage) => costOf(modelName, usage, prices),
    }),
    onEvent: meterListener(ctx.meter),
    retry: exponentialBackoff({ maxRetries: setup.config.modelRetries }),
    callTimeoutMs: setup.config.modelTimeoutMs,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
}

/**
 * Runs an agent's LLM policy in an eval trial with {@link evalLlmDeps}. An endpoint that kept
 * failing after the loop's own retries (`MODEL_CALL_FAILED`) is an infrastructure fault: it becomes
 * an `InfraError`, which the harness retries and never counts against the policy.
 *
 * @example
 * ```ts
 * run: (task, ctx) => withEvalLlm(ctx, registry(), (deps) => parseBriefLlm({ goal: task.goal }, agentContext, deps)),
 * ```
 */
export async function withEvalLlm<T>(
  ctx: TrialContext<unknown>,
  tools: ToolRegistry | readonly ToolDescriptor[],
  run: (deps: LlmRunDeps) => Promise<T>,
): Promise<T> {
  try {
    return await run(evalLlmDeps(ctx, tools));
  } catch (error) {
    if (error instanceof LodestoneError && error.code === 'MODEL_CALL_FAILED')
      throw new InfraError(error.message, { cause: error });
    throw error;
  }
}

/** How an eval tells a wrong answer from an infrastructure fault (defined beside the tool loop's errors). */
export { MODEL_ANSWER_FAILURES, modelAnswerFailure } from '../../agents/llm/index.js';
