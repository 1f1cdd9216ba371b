import type { MetadataFilter, MetadataSchema } from './metadata-filter.js';

/** A JSON value, the only thing metadata may hold (it is stored as JSON). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Free-form item metadata. Fields declared in the memory's {@link MetadataSchema} are type-checked and filterable. */
export type Metadata = Record<string, JsonValue>;

/** One item to store. `vector` must have the memory's dimension and finite values. */
export interface VectorItem {
  /** Stable id; upserting an existing id replaces the item. */
  id: string;
  /** The text the vector was made from, returned with search hits. Must not be blank when given. */
  text?: string;
  metadata?: Metadata;
  vector: Float32Array | readonly number[];
}

/** A stored item, as `get()` returns it (the vector is the one given, not normalised). */
export interface StoredItem {
  id: string;
  text: string | null;
  metadata: Metadata;
  vector: Float32Array;
}

/** One search result, best first. `score` is the cosine similarity in [-1, 1]. */
export interface SearchHit {
  id: string;
  score: number;
  metadata: Metadata;
  text: string | null;
}

/** Options of {@link VectorMemory.search}. */
export interface SearchOptions {
  /** Only items whose metadata match; fields must be declared in the memory's schema. */
  filter?: MetadataFilter;
}

/**
 * The vector memory port: a durable set of items (id, text, metadata, vector) searched by cosine
 * similarity with metadata filters. Adapters: {@link HnswMemory} (approximate, fast) and
 * {@link BruteForceMemory} (exact reference); both pass the same contract suite.
 *
 * @example
 * ```ts
 * const memory: VectorMemory = await HnswMemory.open({ dir, dim: 3, schema: { price: 'number' } });
 * await memory.upsert([{ id: 'mug', text: 'blue mug', metadata: { price: 4 }, vector: [1, 0, 0] }]);
 * const hits = await memory.search([1, 0.1, 0], 5, { filter: { price: { lte: 5 } } });
 * await memory.close();
 * ```
 */
export interface VectorMemory {
  /** Dimension every vector must have. */
  readonly dim: number;
  /** Declared (filterable) metadata fields and their types. */
  readonly schema: MetadataSchema;
  /** Number of items stored. */
  readonly size: number;
  /**
   * Stores items in one transaction; an existing id is replaced. When the promise resolves the
   * items are durable ("acknowledged"). Invalid input throws a {@link UserError} and stores nothing.
   */
  upsert(items: readonly VectorItem[]): Promise<void>;
  /** Removes items; returns how many existed. Deleted items never come back in `get` or `search`. */
  delete(ids: readonly string[]): Promise<number>;
  get(id: string): Promise<StoredItem | undefined>;
  /** The `k` items most similar to `vector` (fewer only when fewer match), best first. */
  search(vector: Float32Array | readonly number[], k: number, options?: SearchOptions): Promise<SearchHit[]>;
  /** Persists what needs persisting and releases files; later calls throw {@link MemoryClosedError}. */
  close(): Promise<void>;
}
