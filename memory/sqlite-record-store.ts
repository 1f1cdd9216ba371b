import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MemoryConfigMismatchError, MemoryStorageError } from './errors.js';
import type { NewRecord, RecordStore, StoreInfo, StoredRecord } from './record-store.js';

/** Options of {@link SqliteRecordStore.open}. */
export interface SqliteRecordStoreOptions {
  /** Database file, or `':memory:'` for a store that lives as long as the process. */
  path: string;
  dim: number;
  /**
   * `'full'` (default) makes a commit survive power loss, `'normal'` only a process crash
   * (faster bulk loads). In both, a write that returned survives the process being killed.
   */
  synchronous?: 'full' | 'normal';
}

const FORMAT = '1';
const PAGE = 4096;

interface ItemRow {
  id: string;
  label: number;
  text: string | null;
  metadata: string;
  vector: Buffer;
}

/**
 * The embedded {@link RecordStore}: one SQLite file in WAL mode with a table of items (id, label,
 * text, metadata JSON, vector as a little-endian Float32 blob) and a table of settings (dim,
 * store id, generation, next label). Every write is one transaction.
 *
 * @example
 * ```ts
 * const store = SqliteRecordStore.open({ path: '/data/memory/items.sqlite', dim: 128 });
 * await store.upsert([{ id: 'p1', text: 'mug', metadataJson: '{}', vector: new Float32Array(128).fill(1) }]);
 * await store.close();
 * ```
 */
export class SqliteRecordStore implements RecordStore {
  readonly location: string;
  private readonly db: Database.Database;
  private readonly dim: number;
  private readonly storeId: string;
  private readonly statements;

  private constructor(db: Database.Database, path: string, dim: number) {
    this.db = db;
    this.location = path;
    this.dim = dim;
    this.statements = {
      setting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      upsert: db.prepare<[string, number, string | null, string, Buffer], { label: number }>(
        `INSERT INTO items (id, label, text, metadata, vector) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET text = excluded.text, metadata = excluded.metadata, vector = excluded.vector
         RETURNING label`,
      ),
      remove: db.prepare<[string], { label: number }>('DELETE FROM items WHERE id = ? RETURNING label'),
      get: db.prepare<[string], ItemRow>('SELECT id, label, text, metadata, vector FROM items WHERE id = ?'),
      page: db.prepare<[number, number], ItemRow>(
        'SELECT id, label, text, metadata, vector FROM items WHERE label > ? ORDER BY label LIMIT ?',
      ),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM items'),
      setSetting: db.prepare<[string, string]>('UPDATE settings SET value = ? WHERE key = ?'),
    };
    this.storeId = this.setting('store_id');
  }

  /** Opens (creating if needed) the store; throws {@link MemoryConfigMismatchError} if `dim` differs. */
  static open(options: SqliteRecordStoreOptions): SqliteRecordStore {
    const { path, dim } = options;
    let db: Database.Database;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
      db.pragma('busy_timeout = 5000');
      db.exec(`
        CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS items (
          id TEXT PRIMARY KEY,
          label INTEGER NOT NULL UNIQUE,
          text TEXT,
          metadata TEXT NOT NULL,
          vector BLOB NOT NULL
        );`);
    } catch (error) {
      throw new MemoryStorageError(`Cannot open the memory database at ${path}: ${String(error)}`, {
        cause: error,
        context: { path },
      });
    }
    const existing = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'dim'").get();
    if (existing === undefined) {
      db.transaction(() => {
        const set = db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?)');
        set.run('format', FORMAT);
        set.run('dim', String(dim));
        set.run('store_id', randomUUID());
        set.run('generation', '0');
        set.run('next_label', '0');
      }).immediate();
    } else if (Number(existing.value) !== dim) {
      db.close();
      throw new MemoryConfigMismatchError('dimension', existing.value, String(dim), path);
    }
    return new SqliteRecordStore(db, path, dim);
  }

  info(): Promise<StoreInfo> {
    const count = this.statements.count.get()?.n ?? 0;
    const generation = Number(this.setting('generation'));
    return Promise.resolve({ storeId: this.storeId, dim: this.dim, generation, count });
  }

  upsert(records: readonly NewRecord[]): Promise<{ labels: number[]; generation: number }> {
    const { upsert, setSetting } = this.statements;
    const write = this.db.transaction(() => {
      // Read inside the transaction so that the counters are right whoever wrote last.
      let next = Number(this.setting('next_label'));
      const labels = records.map((record) => {
        const blob = Buffer.from(record.vector.buffer, record.vector.byteOffset, record.vector.byteLength);
        const label = upsert.get(record.id, next, record.text, record.metadataJson, blob)?.label ?? next;
        if (label === next) next += 1;
        return label;
      });
      setSetting.run(String(next), 'next_label');
      return { labels, generation: this.bumpGeneration() };
    });
    return Promise.resolve(write.immediate());
  }

  delete(ids: readonly string[]): Promise<{ removed: { id: string; label: number }[]; generation: number }> {
    const { remove } = this.statements;
    const write = this.db.transaction(() => {
      const removed: { id: string; label: number }[] = [];
      for (const id of ids) {
        const row = remove.get(id);
        if (row !== undefined) removed.push({ id, label: row.label });
      }
      const generation = removed.length > 0 ? this.bumpGeneration() : Number(this.setting('generation'));
      return { removed, generation };
    });
    return Promise.resolve(write.immediate());
  }

  get(id: string): Promise<StoredRecord | undefined> {
    const row = this.statements.get.get(id);
    return Promise.resolve(row === undefined ? undefined : toRecord(row));
  }

  async *scan(): AsyncIterable<StoredRecord> {
    // Read in pages so that no statement stays open while the caller awaits between records.
    let after = -1;
    for (;;) {
      const rows = this.statements.page.all(after, PAGE);
      for (const row of rows) yield toRecord(row);
      const last = rows.at(-1);
      if (last === undefined || rows.length < PAGE) return;
      after = last.label;
      await Promise.resolve();
    }
  }

  private setting(key: string): string {
    const value = this.statements.setting.get(key)?.value;
    if (value === undefined) {
      throw new MemoryStorageError(`The memory database at ${this.location} lacks the setting "${key}".`);
    }
    return value;
  }

  private bumpGeneration(): number {
    const generation = Number(this.setting('generation')) + 1;
    this.statements.setSetting.run(String(generation), 'generation');
    return generation;
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}

function toRecord(row: ItemRow): StoredRecord {
  return {
    id: row.id,
    label: row.label,
    text: row.text,
    metadataJson: row.metadata,
    vector: floats(row.vector),
  };
}

/**
 * The blob as a Float32Array: a view when the Buffer has its memory to itself (better-sqlite3
 * gives each blob its own), else a copy, since a view needs 4-byte alignment and must not alias
 * another record's bytes.
 */
function floats(blob: Buffer): Float32Array {
  if (blob.byteOffset === 0 && blob.buffer.byteLength === blob.byteLength) {
    return new Float32Array(blob.buffer, 0, blob.byteLength / Float32Array.BYTES_PER_ELEMENT);
  }
  return new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
