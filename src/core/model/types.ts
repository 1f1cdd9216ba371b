import type { BaseChatModel } from '@langchain/core/language_models/chat_models';

/**
 * The one model port: a LangChain chat model that can bind tools. In LLM mode the composition
 * root builds it (`createChatModel` in src/app); tests hand in `ScriptedChatModel`. Agents receive
 * it and never construct a client.
 */
export type ChatModel = BaseChatModel;

/** Tokens one model call consumed, as the server reported them (or estimated when it did not). */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly totalTokens: number;
  /** True when the server reported no usage and the numbers are the chars/4 estimate. */
  readonly estimated?: boolean;
}

/** A tool call the model asked for, with parsed arguments (not yet validated). */
export interface ModelToolCall {
  readonly id: string;
  readonly name: string;
  readonly args: Record<string, unknown>;
}

/** A tool call whose arguments were not valid JSON. */
export interface InvalidModelToolCall {
  readonly id: string;
  readonly name: string;
  readonly args: string;
  readonly error: string;
}

/**
 * One model response as plain data: what is journaled, replayed and priced. Converting from and
 * to LangChain messages lives in agents/llm.
 */
export interface ModelResponse {
  readonly content: string;
  readonly toolCalls: readonly ModelToolCall[];
  readonly invalidToolCalls: readonly InvalidModelToolCall[];
  readonly usage: TokenUsage;
  /** The provider's explicit refusal text, when it sends one. */
  readonly refusal?: string;
  readonly finishReason?: string;
}
