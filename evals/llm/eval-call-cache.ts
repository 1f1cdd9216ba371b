import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { contentText, type ModelCallCache, type ModelCallRequest } from '../../agents/llm/index.js';
import type { ModelResponse as AgentResponse, TokenUsage } from '../../src/core/model/index.js';
import type { ToolDescriptor } from '../../tools/define-tool.js';
import {
  cacheKey,
  lookupCall,
  recordCall,
  type CachePolicy,
  type ModelCache,
  type ModelRequest,
} from '../harness/index.js';

/** What an eval trial's call cache keys on, besides each call's messages and tools. */
export interface EvalCallCacheOptions {
  readonly cache: ModelCache;
  readonly policy: CachePolicy;
  /** The run's model id (`openai:<model>`). */
  readonly model: string;
  /** What is sent with every call besides messages and tools (the sampling seed, say). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The trial index: trial 2 of a task is a fresh sample, not a copy of trial 1. */
  readonly trial: number;
  /** The price of a live call, kept with the recording. */
  readonly price: (usage: TokenUsage) => number;
}

/** A message as the key sees it: role, text, tool calls and the id of the call it answers. */
function plainMessage(message: BaseMessage): Record<string, unknown> {
  const calls = AIMessage.isInstance(message)
    ? (message.tool_calls ?? []).map((c) => ({ id: c.id, name: c.name, args: c.args }))
    : [];
  return {
    role: message.getType(),
    content: contentText(message.content),
    ...(calls.length > 0 ? { toolCalls: calls } : {}),
    ...('tool_call_id' in message ? { toolCallId: String(message.tool_call_id) } : {}),
  };
}

const specs = new WeakMap<ToolDescriptor, Record<string, unknown>>();
/** A tool as the model is offered it: name, description, JSON Schema of the arguments. */
function toolSpec(tool: ToolDescriptor): Record<string, unknown> {
  let spec = specs.get(tool);
  if (!spec) {
    const parameters = z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' });
    spec = { name: tool.name, description: tool.description, parameters };
    specs.set(tool, spec);
  }
  return spec;
}

/**
 * The record/replay cache of one eval trial, as the LLM tool loop consults it: every call is
 * keyed on the model, the parameters, the messages, the tools and the trial index (the harness's
 * `cacheKey`), looked up before the call under the cache policy and recorded after a live one.
 * Under `replay` a miss throws `CacheMissError` before any model is called. Tool results are
 * never cached: tools are deterministic and run again.
 *
 * @example
 * ```ts
 * const cache = evalCallCache({
 *   cache: new FileModelCache(dir), policy: 'auto', model: 'openai:gpt-4o-mini',
 *   params: { seed: ctx.seed }, trial: ctx.trial, price: (u) => costOf('gpt-4o-mini', u),
 * });
 * await runToolLoop({ agent, model, tools, output, messages, cache });
 * ```
 */
export function evalCallCache(options: EvalCallCacheOptions): ModelCallCache {
  const keyed = new WeakMap<ModelCallRequest, { key: string; request: ModelRequest }>();
  const requestOf = (call: ModelCallRequest): ModelRequest => ({
    model: options.model,
    params: options.params,
    messages: call.messages.map(plainMessage),
    tools: call.tools.map(toolSpec),
    trial: options.trial,
  });
  return {
    strict: false,
    model(_agent, _callIndex, call) {
      // The budget check asks without the request: a cache keyed on content cannot tell yet.
      if (!call) return undefined;
      const request = requestOf(call);
      return lookupCall({ cache: options.cache, policy: options.policy, request }).then((found) => {
        keyed.set(call, { key: found.key, request });
        if (!found.response) return undefined;
        return { response: found.response.message as AgentResponse, requestHash: call.requestHash };
      });
    },
    tool: () => undefined,
    async store(call, response) {
      const known = keyed.get(call);
      const request = known?.request ?? requestOf(call);
      await recordCall({
        cache: options.cache,
        policy: options.policy,
        key: known?.key ?? cacheKey(request),
        request,
        response: {
          message: response,
          inputTokens: response.usage.inputTokens,
          outputTokens: response.usage.outputTokens,
          usd: options.price(response.usage),
        },
      });
    },
  };
}
