import type { Logger } from '../src/core/logger.js';
import { silentLogger } from '../src/core/logger.js';
import { InvalidInputError } from '../src/core/errors.js';
import { EmptyTextError, InvalidMetadataError, MemoryClosedError, describeValue } from './errors.js';
import { ItemTable } from './item-table.js';
import type { ScoredSlot } from './item-table.js';
import { checkMetadata, compileFilter } from './metadata-filter.js';
import type { MetadataPredicate, MetadataSchema } from './metadata-filter.js';
import type { NewRecord, RecordStore, StoredRecord } from './record-store.js';
import { checkVector, normalize } from './vector-math.js';
import type {
  Metadata,
  SearchHit,
  SearchOptions,
  StoredItem,
  VectorItem,
  VectorMemory,
} from './vector-memory.js';

/** Options every memory adapter takes. */
export interface MemoryOptions {
  /** Dimension of every vector. */
  dim: number;
  /** Filterable metadata fields and their types; filters on any other field are rejected. */
  schema?: MetadataSchema;
  logger?: Logger;
}

/** A row ready for the store and the table, made by {@link StoredMemory.prepare}. */
export interface PreparedItem {
  record: NewRecord;
  metadata: Metadata;
}

/**
 * What the two adapters share: input checks, the store as source of truth, the in-memory table,
 * serialised writes and the closed state. Adapters supply the search and may react to writes.
 */
export abstract class StoredMemory implements VectorMemory {
  readonly dim: number;
  readonly schema: MetadataSchema;
  protected readonly table: ItemTable;
  protected readonly log: Logger;
  private writes: Promise<unknown> = Promise.resolve();
  private closed = false;

  protected constructor(
    protected readonly store: RecordStore,
    options: MemoryOptions,
  ) {
    this.dim = options.dim;
    this.schema = Object.freeze({ ...(options.schema ?? {}) });
    this.table = new ItemTable(options.dim);
    this.log = options.logger ?? silentLogger();
  }

  get size(): number {
    return this.table.size;
  }

  async upsert(items: readonly VectorItem[]): Promise<void> {
    this.assertOpen('upsert');
    const prepared = this.prepare(items);
    if (prepared.length === 0) return;
    await this.serially(async () => {
      const { labels, generation } = await this.store.upsert(prepared.map((item) => item.record));
      const added = prepared.map(({ record, metadata }, i) => {
        const label = labels[i]!;
        const unit = normalize(record.vector.slice());
        const replaced = this.table.set({ id: record.id, label, text: record.text, metadata, unit });
        return { label, unit, existed: replaced === label };
      });
      this.afterUpsert(added, generation);
    });
  }

  async delete(ids: readonly string[]): Promise<number> {
    this.assertOpen('delete');
    if (!Array.isArray(ids)) throw new InvalidInputError('ids', 'an array of item ids', ids);
    ids.forEach((id, i) => checkId(id, `ids[${i}]`));
    return this.serially(async () => {
      const { removed, generation } = await this.store.delete(ids);
      for (const { id } of removed) this.table.remove(id);
      this.afterDelete(
        removed.map((r) => r.label),
        generation,
      );
      return removed.length;
    });
  }

  /** Ids of every stored item, in no particular order. */
  ids(): string[] {
    this.assertOpen('ids');
    return Array.from({ length: this.table.size }, (_, slot) => this.table.idAt(slot));
  }

  /**
   * The item's vector scaled to unit length, from memory (no storage read), or undefined. A copy:
   * for callers that read many vectors at once, such as user profiles built from products.
   *
   * @example
   * ```ts
   * memory.unitVectorOf('85123A'); // Float32Array of length dim, norm 1
   * ```
   */
  unitVectorOf(id: string): Float32Array | undefined {
    this.assertOpen('unitVectorOf');
    const slot = this.table.slotOfId(id);
    return slot === undefined ? undefined : this.table.unitAt(slot).slice();
  }

  async get(id: string): Promise<StoredItem | undefined> {
    this.assertOpen('get');
    checkId(id, 'id');
    const record = await this.store.get(id);
    if (record === undefined) return undefined;
    return { id: record.id, text: record.text, metadata: parseMetadata(record), vector: record.vector };
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that bad input rejects rather than throws
  async search(
    vector: Float32Array | readonly number[],
    k: number,
    options: SearchOptions = {},
  ): Promise<SearchHit[]> {
    this.assertOpen('search');
    if (!Number.isInteger(k) || k < 1) throw new InvalidInputError('k', 'a positive integer', k);
    const query = normalize(checkVector(vector, this.dim, 'query vector'));
    const match = options.filter === undefined ? undefined : compileFilter(options.filter, this.schema);
    if (this.table.size === 0) return [];
    const hits = this.searchSlots(query, Math.min(k, this.table.size), match).map(({ slot, score }) => ({
      id: this.table.idAt(slot),
      score: Math.max(-1, Math.min(1, score)),
      metadata: this.table.metadataAt(slot),
      text: this.table.textAt(slot),
    }));
    return hits;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.serially(() => this.beforeClose());
    await this.store.close();
  }

  /** The best `k` (≤ size) slots for a unit query, best first; only matching rows when `match` is given. */
  protected abstract searchSlots(query: Float32Array, k: number, match?: MetadataPredicate): ScoredSlot[];

  /** Called after a committed upsert, with each item's label, unit vector and whether the label existed. */
  protected afterUpsert(
    _added: readonly { label: number; unit: Float32Array; existed: boolean }[],
    _generation: number,
  ): void {}

  /** Called after a committed delete, with the labels removed. */
  protected afterDelete(_labels: readonly number[], _generation: number): void {}

  /** Called once by `close()` before the store closes. */
  protected beforeClose(): Promise<void> | void {}

  /** Fills the table from the store (on open). */
  protected async loadTable(): Promise<void> {
    this.table.reserve((await this.store.info()).count);
    for await (const record of this.store.scan()) {
      this.table.set({
        id: record.id,
        label: record.label,
        text: record.text,
        metadata: deepFreeze(parseMetadata(record)),
        unit: record.vector,
      });
    }
  }

  protected assertOpen(operation: string): void {
    if (this.closed) throw new MemoryClosedError(operation);
  }

  /** Checks every item before anything is written; the last of repeated ids wins. */
  private prepare(items: readonly VectorItem[]): PreparedItem[] {
    if (!Array.isArray(items)) throw new InvalidInputError('items', 'an array of items', items);
    const byId = new Map<string, PreparedItem>();
    items.forEach((item: VectorItem, i) => {
      const where = `items[${i}]`;
      if (typeof item !== 'object' || item === null) {
        throw new InvalidInputError(where, 'an object { id, vector, metadata?, text? }', item);
      }
      checkId(item.id, `${where}.id`);
      const text = checkText(item.text, `${where}.text`);
      const vector = checkVector(item.vector, this.dim, `${where}.vector`);
      const { json, metadata } = serialise(
        checkMetadata(item.metadata ?? {}, this.schema, `${where}.metadata`),
        where,
      );
      byId.delete(item.id);
      byId.set(item.id, { record: { id: item.id, text, metadataJson: json, vector }, metadata });
    });
    return [...byId.values()];
  }

  /** Runs writes one after another, in call order. */
  protected serially<T>(write: () => Promise<T> | T): Promise<T> {
    const result = this.writes.then(write);
    this.writes = result.catch(() => undefined);
    return result;
  }
}

function checkId(id: unknown, where: string): asserts id is string {
  if (typeof id !== 'string' || id.length === 0) throw new InvalidInputError(where, 'a non-empty string', id);
}

function checkText(text: unknown, where: string): string | null {
  if (text === undefined || text === null) return null;
  if (typeof text !== 'string') throw new InvalidInputError(where, 'a string', text);
  if (text.trim().length === 0) throw new EmptyTextError(where);
  return text;
}

/** Serialises metadata once: the stored JSON, and its parse (so callers' objects are never aliased). */
function serialise(metadata: Metadata, where: string): { json: string; metadata: Metadata } {
  let json: string;
  try {
    json = JSON.stringify(metadata);
  } catch (error) {
    throw new InvalidMetadataError(`${where}.metadata`, 'JSON-serialisable values', String(error));
  }
  const parsed = JSON.parse(json) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidMetadataError(`${where}.metadata`, 'a plain object', describeValue(metadata));
  }
  // Frozen: search hits hand out this very object, and filters read it.
  return { json, metadata: deepFreeze(parsed as Metadata) };
}

function parseMetadata(record: StoredRecord): Metadata {
  return JSON.parse(record.metadataJson) as Metadata;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (const child of value as unknown[]) if (typeof child === 'object') deepFreeze(child);
  } else {
    for (const child of Object.values(value)) if (typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
