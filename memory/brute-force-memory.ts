import type { ScoredSlot } from './item-table.js';
import type { MetadataPredicate } from './metadata-filter.js';
import { SqliteRecordStore } from './sqlite-record-store.js';
import type { RecordStore } from './record-store.js';
import { StoredMemory } from './stored-memory.js';
import type { MemoryOptions } from './stored-memory.js';

/** Options of {@link BruteForceMemory.open}. */
export interface BruteForceMemoryOptions extends MemoryOptions {
  /** SQLite file to keep the items in; omitted, they live in memory for the life of the process. */
  path?: string;
  /** Bring your own store instead of SQLite (then `path` is ignored). */
  store?: RecordStore;
}

/**
 * The exact reference adapter of {@link VectorMemory}: every search scores every item. Use it for
 * small memories, as ground truth for recall and in tests. Durable when given a `path`.
 *
 * @example
 * ```ts
 * const memory = await BruteForceMemory.open({ dim: 2, schema: { kind: 'string' } });
 * await memory.upsert([{ id: 'a', metadata: { kind: 'x' }, vector: [1, 0] }]);
 * await memory.search([1, 0], 1); // [{ id: 'a', score: 1, metadata: { kind: 'x' }, text: null }]
 * ```
 */
export class BruteForceMemory extends StoredMemory {
  private constructor(store: RecordStore, options: MemoryOptions) {
    super(store, options);
  }

  static async open(options: BruteForceMemoryOptions): Promise<BruteForceMemory> {
    const store =
      options.store ?? SqliteRecordStore.open({ path: options.path ?? ':memory:', dim: options.dim });
    const memory = new BruteForceMemory(store, options);
    await memory.loadTable();
    return memory;
  }

  protected searchSlots(query: Float32Array, k: number, match?: MetadataPredicate): ScoredSlot[] {
    return this.table.exactSearch(query, k, match);
  }
}
