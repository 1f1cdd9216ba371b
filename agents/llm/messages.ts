import { createHash } from 'node:crypto';
import {
  AIMessage,
  type AIMessageChunk,
  type BaseMessage,
  type UsageMetadata,
} from '@langchain/core/messages';
import type { MessageContent } from '@langchain/core/messages';
import { approximateTokens, type ModelResponse, type TokenUsage } from '../../src/core/model/index.js';

/** The text of a message's content, whether a string or an array of content blocks. */
export function contentText(content: MessageContent): string {
  if (typeof content === 'string') return content;
  return content
    .map((part) => {
      if (typeof part === 'string') return part;
      return part.type === 'text' && typeof part.text === 'string' ? part.text : '';
    })
    .join('');
}

/** The chars/4 estimate of a prompt's tokens (no tokenizer download; see core/model/tokens). */
export function estimatePromptTokens(messages: readonly BaseMessage[]): number {
  return messages.reduce((sum, m) => sum + 4 + approximateTokens(messageFingerprint(m)), 0);
}

/**
 * Turns the model's reply into plain, journalable data. Missing tool-call ids (some local servers
 * omit them) get deterministic ones; missing usage is estimated and marked so.
 */
export function toModelResponse(
  message: AIMessage | AIMessageChunk,
  callIndex: number,
  promptTokens: number,
): ModelResponse {
  const content = contentText(message.content);
  const toolCalls = (message.tool_calls ?? []).map((call, i) => ({
    id: call.id || `call_${callIndex}_${i}`,
    name: call.name,
    args: (call.args ?? {}) as Record<string, unknown>,
  }));
  const invalidToolCalls = (message.invalid_tool_calls ?? []).map((call, i) => ({
    id: call.id || `invalid_${callIndex}_${i}`,
    name: call.name ?? '(no name)',
    args: call.args ?? '',
    error: call.error ?? 'arguments are not valid JSON',
  }));
  const meta = message.usage_metadata as UsageMetadata | undefined;
  const usage: TokenUsage = meta
    ? { inputTokens: meta.input_tokens, outputTokens: meta.output_tokens, totalTokens: meta.total_tokens }
    : estimatedUsage(promptTokens, content, toolCalls);
  const refusal = message.additional_kwargs?.refusal;
  const finishReason = message.response_metadata?.finish_reason;
  return {
    content,
    toolCalls,
    invalidToolCalls,
    usage,
    ...(typeof refusal === 'string' && refusal ? { refusal } : {}),
    ...(typeof finishReason === 'string' ? { finishReason } : {}),
  };
}

function estimatedUsage(promptTokens: number, content: string, toolCalls: unknown[]): TokenUsage {
  const outputTokens =
    approximateTokens(content) + approximateTokens(toolCalls.length ? JSON.stringify(toolCalls) : '');
  return {
    inputTokens: promptTokens,
    outputTokens,
    totalTokens: promptTokens + outputTokens,
    estimated: true,
  };
}

/**
 * The assistant message that goes into the history for a response — the same for a live and a
 * replayed call. Calls with unparseable arguments are left out: OpenAI-style servers only accept
 * tool replies to calls they can serialise, so those get a plain-text correction instead.
 */
export function toHistoryMessage(response: ModelResponse): AIMessage {
  return new AIMessage({
    content: response.content,
    tool_calls: response.toolCalls.map((call) => ({
      id: call.id,
      name: call.name,
      args: call.args,
      type: 'tool_call',
    })),
  });
}

/**
 * A stable hash of a prompt: roles, text and tool calls in order. A replay compares it with the
 * journaled one to detect that the code, prompt or data changed since the run.
 */
export function hashMessages(messages: readonly BaseMessage[]): string {
  const hash = createHash('sha256');
  for (const message of messages)
    hash.update(`${message.getType()}\u0000${messageFingerprint(message)}\u0001`);
  return hash.digest('hex').slice(0, 16);
}

function messageFingerprint(message: BaseMessage): string {
  const calls =
    AIMessage.isInstance(message) && message.tool_calls?.length ? JSON.stringify(message.tool_calls) : '';
  const toolCallId = 'tool_call_id' in message ? String(message.tool_call_id) : '';
  return `${contentText(message.content)}${calls}${toolCallId}`;
}
