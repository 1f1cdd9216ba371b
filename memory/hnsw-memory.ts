import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import type { ScoredSlot } from './item-table.js';
import { loadIndexFile, saveIndexFile } from './hnsw-index-file.js';
import type { IndexIdentity } from './hnsw-index-file.js';
import type { MetadataPredicate } from './metadata-filter.js';
import type { RecordStore } from './record-store.js';
import { SqliteRecordStore } from './sqlite-record-store.js';
import { StoredMemory } from './stored-memory.js';
import { toArray } from './vector-math.js';
import type { MemoryOptions } from './stored-memory.js';

/** HNSW graph settings. Defaults measured by `npm run bench:memory` (recall@10 ≥ 0.95 at 100k × 128). */
export interface HnswSettings {
  /** Links per node (memory and recall grow with it). */
  m: number;
  /** Candidate list size while building (build time and recall grow with it). */
  efConstruction: number;
  /** Candidate list size while searching (never below k). */
  ef: number;
  /** Seed of the level generator, for reproducible graphs. */
  seed: number;
  /**
   * A filtered search whose filter is estimated to match at most this many items scores those
   * items exactly instead of walking the graph (cheaper and exact for selective filters).
   */
  exactBelow: number;
  /**
   * While the memory holds at most this many items it keeps no graph: every search is exact, and
   * no graph is built, saved or loaded. The graph is built from the items once there are more.
   * At a few thousand items an exact search costs about a millisecond, while building their graph
   * costs far more than the searches of a short session (0: always keep a graph).
   */
  graphAbove: number;
}

/** Defaults: recall@10 ≈ 0.965 on the 100k × 128 clustered benchmark at ef 48 (0.98 at ef 64). */
export const DEFAULT_HNSW_SETTINGS = {
  m: 16,
  efConstruction: 100,
  ef: 48,
  seed: 100,
  exactBelow: 2000,
  graphAbove: 0,
} as const satisfies HnswSettings;

/** Options of {@link HnswMemory.open}. */
export interface HnswMemoryOptions extends MemoryOptions {
  /** Directory of the memory's files: `items.sqlite` (source of truth) and `index.hnsw` (cache). */
  dir: string;
  hnsw?: Partial<HnswSettings>;
  /** SQLite durability, see {@link SqliteRecordStoreOptions.synchronous}. */
  synchronous?: 'full' | 'normal';
}

const INITIAL_CAPACITY = 1024;

/**
 * The fast adapter of {@link VectorMemory}: an hnswlib-node graph over the items of a SQLite store.
 * SQLite is the truth; the graph is a cache saved to `index.hnsw` on `flush()` and `close()` and
 * reloaded on open when its sidecar says it matches the store (same store id, generation and
 * count, intact checksum). A missing, stale or corrupt file is rebuilt from SQLite, with a log line.
 * The graph grows by itself when full. A memory of at most `graphAbove` items has no graph and
 * searches exactly. One process should write a memory directory at a time.
 *
 * @example
 * ```ts
 * const memory = await HnswMemory.open({ dir: '.lodestone/memory/products', dim: 384, schema: { price: 'number' } });
 * await memory.upsert(items);
 * const hits = await memory.search(queryVector, 10, { filter: { price: { lte: 5 } } });
 * await memory.close(); // saves the index
 * ```
 */
export class HnswMemory extends StoredMemory {
  readonly settings: HnswSettings;
  /** The graph; undefined while the memory is small enough to search exactly (`graphAbove`). */
  private index: hnswlib.HierarchicalNSW | undefined;
  private readonly indexPath: string;
  private storeId = '';
  private generation = 0;
  private savedGeneration = -1;
  /** Deleted slots in the graph, which new labels take before the graph grows. */
  private vacant = 0;

  private constructor(store: RecordStore, options: HnswMemoryOptions) {
    super(store, options);
    this.settings = { ...DEFAULT_HNSW_SETTINGS, ...options.hnsw };
    this.indexPath = join(options.dir, 'index.hnsw');
  }

  /** Opens or creates the memory in `dir`, loading the saved index or rebuilding it from SQLite. */
  static async open(options: HnswMemoryOptions): Promise<HnswMemory> {
    mkdirSync(options.dir, { recursive: true });
    const store = SqliteRecordStore.open({
      path: join(options.dir, 'items.sqlite'),
      dim: options.dim,
      ...(options.synchronous === undefined ? {} : { synchronous: options.synchronous }),
    });
    const memory = new HnswMemory(store, options);
    try {
      await memory.restore();
    } catch (error) {
      await store.close();
      throw error;
    }
    return memory;
  }

  /**
   * Identifies the stored content: the store's id and its generation, which every committed write
   * advances. Equal revisions mean equal items; derived data (user profiles built from product
   * vectors) records it to know when to rebuild.
   */
  get revision(): string {
    return `${this.storeId}:${this.generation}`;
  }

  /** Saves the index file now if it is behind the store (no-op otherwise). */
  async flush(): Promise<void> {
    this.assertOpen('flush');
    await this.serially(() => this.save());
  }

  /**
   * No graph (a small memory): exact. Unfiltered: a graph walk. Filtered: exact over the matches
   * when the filter is selective, else a graph walk that skips non-matching labels (hnswlib's
   * filter callback), so it still collects k matches; exact search whenever the walk comes back
   * short.
   */
  protected searchSlots(query: Float32Array, k: number, match?: MetadataPredicate): ScoredSlot[] {
    const index = this.index;
    if (index === undefined) return this.table.exactSearch(query, k, match);
    if (match === undefined) {
      const slots = this.knn(index, query, k);
      // The graph can return fewer than k after many deletions; exact search never does.
      return slots.length >= k ? slots : this.table.exactSearch(query, k);
    }
    if (this.table.estimateMatches(match) <= this.settings.exactBelow) {
      return this.table.exactSearch(query, k, match);
    }
    const table = this.table;
    const slots = this.knn(index, query, k, (label) => {
      const slot = table.slotOfLabel(label);
      return slot !== undefined && match(table.metadataAt(slot));
    });
    // Fewer than k means the walk ran out of matching nodes; exact search finds all there are.
    return slots.length >= k ? slots : this.table.exactSearch(query, k, match);
  }

  protected override afterUpsert(
    added: readonly { label: number; unit: Float32Array; existed: boolean }[],
    generation: number,
  ): void {
    this.generation = generation;
    if (this.index === undefined) {
      // The table already holds the new items: a graph, once needed, is built from all of it.
      if (this.table.size > this.settings.graphAbove) {
        this.rebuild();
        this.log.debug({ items: this.table.size }, 'vector index built');
      }
      return;
    }
    const fresh = added.filter((item) => !item.existed).length;
    const needed = this.index.getCurrentCount() + Math.max(0, fresh - this.vacant);
    const capacity = this.index.getMaxElements();
    if (needed > capacity) {
      const next = Math.max(needed, Math.ceil(capacity * 1.5));
      this.log.info({ from: capacity, to: next }, 'vector index full; resized');
      this.index.resizeIndex(next);
    }
    for (const { label, unit, existed } of added) {
      // An existing label is updated in place; a new one may take the slot of a deleted item.
      this.index.addPoint(toArray(unit), label, !existed);
    }
    this.vacant = Math.max(0, this.vacant - fresh);
  }

  protected override afterDelete(labels: readonly number[], generation: number): void {
    this.generation = generation;
    if (this.index === undefined) return;
    for (const label of labels) this.index.markDelete(label);
    this.vacant += labels.length;
  }

  protected override beforeClose(): void {
    this.save();
  }

  private knn(
    index: hnswlib.HierarchicalNSW,
    query: Float32Array,
    k: number,
    filter?: (label: number) => boolean,
  ): ScoredSlot[] {
    const { neighbors, distances } = index.searchKnn(toArray(query), k, filter);
    const slots: ScoredSlot[] = [];
    for (let i = 0; i < neighbors.length; i++) {
      const slot = this.table.slotOfLabel(neighbors[i]!);
      // Inner-product distance is 1 − dot; vectors are unit length, so 1 − distance is the cosine.
      if (slot !== undefined) slots.push({ slot, score: 1 - distances[i]! });
    }
    return slots;
  }

  private async restore(): Promise<void> {
    await this.loadTable();
    const info = await this.store.info();
    this.storeId = info.storeId;
    this.generation = info.generation;
    if (this.table.size <= this.settings.graphAbove) {
      this.savedGeneration = this.generation;
      this.log.debug(
        { items: this.table.size, graphAbove: this.settings.graphAbove },
        'no vector index needed yet',
      );
      return;
    }
    const loaded = loadIndexFile(this.indexPath, this.identity());
    if ('index' in loaded) {
      this.index = loaded.index;
      this.index.setEf(this.settings.ef);
      this.vacant = this.index.getCurrentCount() - this.table.size;
      this.savedGeneration = this.generation;
      this.log.debug({ items: this.table.size, path: this.indexPath }, 'vector index loaded');
      return;
    }
    const started = performance.now();
    this.rebuild();
    const fields = {
      reason: loaded.problem,
      detail: loaded.detail,
      items: this.table.size,
      path: this.indexPath,
    };
    const ms = Math.round(performance.now() - started);
    const message = `vector index file ${loaded.problem}; rebuilt from SQLite in ${ms} ms`;
    if (loaded.problem === 'missing') this.log.info(fields, message);
    else this.log.warn(fields, message);
    this.save();
  }

  private rebuild(): void {
    const n = this.table.size;
    const index = this.emptyIndex(Math.max(INITIAL_CAPACITY, Math.ceil(n * 1.25)));
    for (let slot = 0; slot < n; slot++) {
      index.addPoint(toArray(this.table.unitAt(slot)), this.table.labelAt(slot));
    }
    this.index = index;
    this.vacant = 0;
  }

  private save(): void {
    if (this.index === undefined || this.savedGeneration === this.generation) return;
    saveIndexFile(this.index, this.indexPath, this.identity());
    this.savedGeneration = this.generation;
  }

  private identity(): IndexIdentity {
    const { m, efConstruction } = this.settings;
    return {
      storeId: this.storeId,
      generation: this.generation,
      count: this.table.size,
      dim: this.dim,
      m,
      efConstruction,
    };
  }

  private emptyIndex(capacity: number): hnswlib.HierarchicalNSW {
    const index = new hnswlib.HierarchicalNSW('ip', this.dim);
    const { m, efConstruction, seed } = this.settings;
    index.initIndex({
      maxElements: capacity,
      m,
      efConstruction,
      randomSeed: seed,
      allowReplaceDeleted: true,
    });
    index.setEf(this.settings.ef);
    return index;
  }
}
