/**
 * The test kit, published as `lodestone/testing`: deterministic clock and ids, an in-memory
 * journal, and an agent context over the shipped demo catalog.
 *
 * @example
 * ```ts
 * import { testAgentContext } from 'lodestone/testing';
 * const ctx = testAgentContext();
 * ```
 */
import { SqliteJournal } from '../core/index.js';

export { fixedClock, sequentialIds } from '../core/index.js';
export { demoCatalog, testAgentContext, testBrief, testPlan, testSegment } from './fixtures.js';
export * from './scripted-model.js';
export * from './openai-loopback-server.js';
export * from './openai-embeddings-server.js';

/** A journal that lives in memory (SQLite `:memory:`). */
export function memoryJournal(): SqliteJournal {
  return new SqliteJournal(':memory:');
}
