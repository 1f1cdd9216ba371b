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
import type { AgentContext } from '../../agents/define-agent.js';
import { Catalog, loadCatalogData } from '../../tools/catalog/index.js';
import { SqliteJournal, silentLogger } from '../core/index.js';

export { fixedClock, sequentialIds } from '../core/index.js';
export { testBrief, testSegment } from './fixtures.js';
export * from './scripted-model.js';
export * from './openai-loopback-server.js';
export * from './openai-embeddings-server.js';

let shared: Catalog | undefined;

/** The shipped demo catalog, loaded once per process. */
export function demoCatalog(): Catalog {
  shared ??= new Catalog(loadCatalogData());
  return shared;
}

/** An agent context over the demo catalog with a fixed date. */
export function testAgentContext(overrides: Partial<AgentContext> = {}): AgentContext {
  return {
    catalog: demoCatalog(),
    logger: silentLogger(),
    today: '2026-11-29',
    defaultCurrency: 'CNY',
    ...overrides,
  };
}

/** A journal that lives in memory (SQLite `:memory:`). */
export function memoryJournal(): SqliteJournal {
  return new SqliteJournal(':memory:');
}
