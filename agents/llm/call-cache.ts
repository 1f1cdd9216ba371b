import type { BaseMessage } from '@langchain/core/messages';
import type { ModelResponse } from '../../src/core/model/index.js';
import type { ToolDescriptor } from '../../tools/define-tool.js';
import type { ToolResultRecord } from './events.js';

/** A journaled model response, as the cache returns it. */
export interface CachedResponse {
  readonly response: ModelResponse;
  /** Hash of the prompt it answered; a replay compares it to detect divergence. */
  readonly requestHash?: string;
}

/** The model call about to be made: who makes it and everything that is sent. */
export interface ModelCallRequest {
  readonly agent: string;
  readonly callIndex: number;
  readonly messages: readonly BaseMessage[];
  /** `hashMessages(messages)`. */
  readonly requestHash: string;
  /** The tools the model is offered with the call. */
  readonly tools: readonly ToolDescriptor[];
}

/**
 * Where the loop looks before calling the model or a tool. The journal's cache is keyed by
 * (agent, call index) and (agent, call index, tool call id): built from the run journal, it makes
 * a replay call nothing and lets a resumed run skip every completed call. `strict` (replay) turns
 * a miss into a `ReplayMissError` instead of a live call. A cache keyed on content instead (the
 * eval harness's record/replay cache) reads `request` and may answer asynchronously; `store`
 * hands it every live response to record.
 */
export interface ModelCallCache {
  readonly strict: boolean;
  /**
   * A recorded response answers only the prompt it answered (its `requestHash`): another prompt
   * fails with `ReplayDivergedError` instead of taking an answer made for another conversation.
   * Always so when `strict`.
   */
  readonly exact?: boolean;
  /**
   * The recorded response of a call, or undefined. `request` is the call about to be made; the
   * budget check asks without it (to know whether the call will be live), and a cache that needs
   * the request to answer returns undefined then.
   */
  model(
    agent: string,
    callIndex: number,
    request?: ModelCallRequest,
  ): CachedResponse | undefined | Promise<CachedResponse | undefined>;
  tool(agent: string, callIndex: number, toolCallId: string): ToolResultRecord | undefined;
  /** Called with every live response (not with cached ones) before the loop uses it. */
  store?(request: ModelCallRequest, response: ModelResponse): void | Promise<void>;
}

/** The journal entry shape the cache reads (`JournalEntry` from src/core/journal fits). */
export interface JournalLike {
  readonly type: string;
  readonly data: unknown;
}

/**
 * A cache over a run's journal entries, reading the `llm.model.responded` and `llm.tool.result`
 * entries that {@link journalLoopEvents} wrote.
 *
 * @example
 * ```ts
 * const replay = journalCallCache(journal.entries(runId), { strict: true }); // lodestone replay
 * const resume = journalCallCache(journal.entries(runId));                   // crash recovery
 * const thread = journalCallCache(journal.entries(runId), { exact: true }); // misses go live, changed prompts fail
 * ```
 */
export function journalCallCache(
  entries: readonly JournalLike[],
  options: { strict?: boolean; exact?: boolean } = {},
): ModelCallCache {
  const models = new Map<string, CachedResponse>();
  const tools = new Map<string, ToolResultRecord>();
  for (const entry of entries) {
    const data = entry.data as Record<string, unknown> | null;
    if (!data || typeof data.agent !== 'string' || typeof data.callIndex !== 'number') continue;
    if (entry.type === 'llm.model.responded') {
      models.set(modelKey(data.agent, data.callIndex), {
        response: data.response as ModelResponse,
        ...(typeof data.requestHash === 'string' ? { requestHash: data.requestHash } : {}),
      });
    } else if (entry.type === 'llm.tool.result' && typeof data.toolCallId === 'string') {
      const { replayed: _replayed, ...record } = data;
      tools.set(toolKey(data.agent, data.callIndex, data.toolCallId), record as unknown as ToolResultRecord);
    }
  }
  const cache = memoryCallCache(models, tools, options.strict ?? false);
  return options.exact ? { ...cache, exact: true } : cache;
}

/**
 * A cache over maps already in memory (tests, or a store other than the journal).
 *
 * @example
 * ```ts
 * const cache = memoryCallCache(new Map([[modelKey('brief-parser', 0), { response }]]));
 * ```
 */
export function memoryCallCache(
  models: ReadonlyMap<string, CachedResponse>,
  tools: ReadonlyMap<string, ToolResultRecord> = new Map(),
  strict = false,
): ModelCallCache {
  return {
    strict,
    model: (agent, callIndex) => models.get(modelKey(agent, callIndex)),
    tool: (agent, callIndex, toolCallId) => tools.get(toolKey(agent, callIndex, toolCallId)),
  };
}

/** The key of a model call: `agent#callIndex`. */
export const modelKey = (agent: string, callIndex: number): string => `${agent}#${callIndex}`;
const toolKey = (agent: string, callIndex: number, id: string): string => `${agent}#${callIndex}#${id}`;
