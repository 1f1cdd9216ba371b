/**
 * The storage port behind a vector memory: the source of truth for items. The embedded adapter is
 * {@link SqliteRecordStore}; a shared adapter (PostgreSQL) implements the same interface. Indexes
 * are caches rebuilt from it.
 */

/** An item as the store receives it (metadata already serialised and checked). */
export interface NewRecord {
  id: string;
  text: string | null;
  metadataJson: string;
  vector: Float32Array;
}

/** An item as the store returns it, with the integer label the index knows it by. */
export interface StoredRecord extends NewRecord {
  label: number;
}

/** What identifies the store's content: an index saved at the same `storeId` and `generation` is current. */
export interface StoreInfo {
  /** Random id fixed when the store was created; distinguishes one store from another. */
  storeId: string;
  dim: number;
  /** Incremented by every committed write. */
  generation: number;
  count: number;
}

/**
 * @example
 * ```ts
 * const store: RecordStore = SqliteRecordStore.open({ path: 'memory.sqlite', dim: 128 });
 * const labels = await store.upsert([{ id: 'a', text: null, metadataJson: '{}', vector }]);
 * ```
 */
export interface RecordStore {
  /** Where the store lives, for messages and logs. */
  readonly location: string;
  info(): Promise<StoreInfo>;
  /**
   * Writes records in one transaction (same id replaces, keeping its label) and returns each
   * record's label, in order, with the generation after the commit.
   */
  upsert(records: readonly NewRecord[]): Promise<{ labels: number[]; generation: number }>;
  /** Deletes in one transaction; returns the records that existed. */
  delete(ids: readonly string[]): Promise<{ removed: { id: string; label: number }[]; generation: number }>;
  get(id: string): Promise<StoredRecord | undefined>;
  /** Every record, in label order. */
  scan(): AsyncIterable<StoredRecord>;
  close(): Promise<void>;
}
