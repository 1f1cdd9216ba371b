import type { ModelResponse } from '../../src/core/model/index.js';
import type { ToolResultRecord } from './events.js';

/** A journaled model response, as the cache returns it. */
export interface CachedResponse {
  readonly response: ModelResponse;
  /** Hash of the prompt it answered; a replay compares it to detect divergence. */
  readonly requestHash?: string;
}

/**
 * Where the loop looks before calling the model or a tool: keyed by (agent, call index) and
 * (agent, call index, tool call id). Built from the run journal, it makes a replay call nothing
 * and lets a resumed run skip every completed call. `strict` (replay) turns a miss into a
 * `ReplayMissError` instead of a live call.
 */
export interface ModelCallCache {
  readonly strict: boolean;
  model(agent: string, callIndex: number): CachedResponse | undefined;
  tool(agent: string, callIndex: number, toolCallId: string): ToolResultRecord | undefined;
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
 * ```
 */
export function journalCallCache(
  entries: readonly JournalLike[],
  options: { strict?: boolean } = {},
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
  return memoryCallCache(models, tools, options.strict ?? false);
}

/** A cache over maps already in memory (tests, or a store other than the journal). */
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
