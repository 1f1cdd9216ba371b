import type { AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import type { Runnable } from '@langchain/core/runnables';
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import type { ModelResponse } from '../../src/core/model/index.js';
import type { ToolDescriptor } from '../../tools/define-tool.js';
import type { ModelCallCache, ModelCallRequest } from './call-cache.js';
import { ReplayDivergedError, ReplayMissError } from './errors.js';
import type { LoopEvent } from './events.js';
import { contentText, estimatePromptTokens, hashMessages, toModelResponse } from './messages.js';

/** A chat model with the agent's tools bound. */
export type BoundModel = Runnable<BaseLanguageModelInput, AIMessageChunk>;

export interface CallModelInput {
  readonly agent: string;
  readonly callIndex: number;
  readonly attempt: number;
  readonly messages: readonly BaseMessage[];
  readonly bound: BoundModel;
  /** The tools bound to the model (a cache keyed on content keys on them). */
  readonly tools?: readonly ToolDescriptor[];
  readonly cache: ModelCallCache | undefined;
  readonly callTimeoutMs: number | undefined;
  readonly emit: (event: LoopEvent) => void;
}

export interface CallModelOutput {
  readonly response: ModelResponse;
  readonly replayed: boolean;
  readonly requestHash: string;
}

/** The error of a call that exceeded the loop's own per-call timeout (retryable). */
export class CallTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(ms: number) {
    super(`The model did not answer within ${ms} ms`);
  }
}

/**
 * The think step: returns the cached response when there is one — the journal's for (agent, call
 * index) in a replay or a resumed run, an eval recording for the same request — and calls nothing;
 * otherwise calls the model and hands the response to the cache's `store`. The call always goes through
 * `stream()`, which streams tokens when the model streams and, for ChatOpenAI, never takes the
 * `invoke()`+streaming path that counts tokens with a downloaded tokenizer.
 */
export async function callModel(input: CallModelInput, signal?: AbortSignal): Promise<CallModelOutput> {
  const requestHash = hashMessages(input.messages);
  const request: ModelCallRequest = {
    agent: input.agent,
    callIndex: input.callIndex,
    messages: input.messages,
    requestHash,
    tools: input.tools ?? [],
  };
  const cached = await input.cache?.model(input.agent, input.callIndex, request);
  if (cached) {
    const exact = input.cache?.strict === true || input.cache?.exact === true;
    if (exact && cached.requestHash !== undefined && cached.requestHash !== requestHash)
      throw new ReplayDivergedError(input.agent, input.callIndex);
    return { response: cached.response, replayed: true, requestHash };
  }
  if (input.cache?.strict) throw new ReplayMissError(input.agent, input.callIndex);
  input.emit({
    type: 'model.requested',
    agent: input.agent,
    callIndex: input.callIndex,
    attempt: input.attempt,
  });

  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  let timedOut = false;
  const timer =
    input.callTimeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new CallTimeoutError(input.callTimeoutMs ?? 0));
        }, input.callTimeoutMs);
  try {
    let message: AIMessageChunk | undefined;
    const stream = await input.bound.stream([...input.messages], { signal: controller.signal });
    for await (const chunk of stream) {
      const text = contentText(chunk.content);
      if (text) input.emit({ type: 'model.token', agent: input.agent, callIndex: input.callIndex, text });
      message = message === undefined ? chunk : message.concat(chunk);
    }
    if (!message) throw new Error('The model returned an empty stream');
    const response = toModelResponse(message, input.callIndex, estimatePromptTokens(input.messages));
    await input.cache?.store?.(request, response);
    return { response, replayed: false, requestHash };
  } catch (error) {
    if (timedOut) throw new CallTimeoutError(input.callTimeoutMs ?? 0);
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}
