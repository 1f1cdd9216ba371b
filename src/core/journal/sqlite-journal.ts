import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { JournalError, NotFoundError, RunBusyError } from '../errors.js';
import type { Journal, JournalEntry, RunLease, RunRecord } from './journal.js';

interface EntryRow {
  run_id: string;
  seq: number;
  type: string;
  at: string;
  data: string;
}
interface LeaseRow {
  run_id: string;
  owner: string;
  pid: number;
  host: string;
  at: string;
}
interface RunRow {
  id: string;
  kind: string;
  status: string;
  title: string;
  created_at: string;
  updated_at: string;
}

const toRun = (r: RunRow): RunRecord => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  title: r.title,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * The embedded journal: one SQLite file (WAL), entries append-only (triggers forbid UPDATE and
 * DELETE on them), each append its own transaction so an acknowledged entry survives a crash.
 *
 * @example
 * ```ts
 * const journal = new SqliteJournal('.lodestone/journal.db');
 * journal.createRun({ id: 'run_1', kind: 'campaign-launch', title: goal, at });
 * journal.append('run_1', 'run.started', { goal }, at);
 * ```
 */
export class SqliteJournal implements Journal {
  readonly #db: Database.Database;
  /** Statements prepared once: preparing them on every call was most of an append's cost. */
  readonly #stmt = new Map<string, Database.Statement>();
  readonly #insert: Database.Statement<[string, string, string, string, string]>;
  #append:
    Database.Transaction<(runId: string, type: string, json: string, at: string) => number> | undefined;
  #acquire: Database.Transaction<(lease: RunLease, isStale: (held: RunLease) => boolean) => void> | undefined;

  constructor(file: string) {
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      this.#db = new Database(file);
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = FULL');
      this.#db.exec(`
        CREATE TABLE IF NOT EXISTS runs (
          id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS entries (
          run_id TEXT NOT NULL REFERENCES runs(id), seq INTEGER NOT NULL, type TEXT NOT NULL,
          at TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (run_id, seq));
        CREATE TABLE IF NOT EXISTS leases (
          run_id TEXT PRIMARY KEY, owner TEXT NOT NULL, pid INTEGER NOT NULL, host TEXT NOT NULL,
          at TEXT NOT NULL);
        CREATE TRIGGER IF NOT EXISTS entries_no_update BEFORE UPDATE ON entries
          BEGIN SELECT RAISE(ABORT, 'journal entries are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS entries_no_delete BEFORE DELETE ON entries
          BEGIN SELECT RAISE(ABORT, 'journal entries are append-only'); END;
      `);
      this.#insert = this.#db.prepare(
        `INSERT INTO entries (run_id, seq, type, at, data)
         SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM entries WHERE run_id = ? RETURNING seq`,
      );
    } catch (cause) {
      throw new JournalError(`Cannot open the run journal at ${file}`, { cause });
    }
  }

  #prepare(sql: string): Database.Statement {
    let stmt = this.#stmt.get(sql);
    if (!stmt) this.#stmt.set(sql, (stmt = this.#db.prepare(sql)));
    return stmt;
  }

  createRun(run: { id: string; kind: string; title: string; at: string }): RunRecord {
    this.#prepare(
      'INSERT INTO runs (id, kind, status, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(run.id, run.kind, 'running', run.title, run.at, run.at);
    return {
      id: run.id,
      kind: run.kind,
      status: 'running',
      title: run.title,
      createdAt: run.at,
      updatedAt: run.at,
    };
  }

  append(runId: string, type: string, data: unknown, at: string): JournalEntry {
    const json = JSON.stringify(data ?? null);
    // One transaction, two statements: touching the run proves it exists, and the insert numbers
    // the entry itself (prepared once: most of an append's cost was preparing and extra reads).
    const seq = (this.#append ??= this.#db.transaction(
      (runId: string, type: string, json: string, at: string) => {
        if (this.#prepare('UPDATE runs SET updated_at = ? WHERE id = ?').run(at, runId).changes === 0)
          throw new NotFoundError('run', runId);
        return (this.#insert.get(runId, type, at, json, runId) as { seq: number }).seq;
      },
    ))(runId, type, json, at);
    return { runId, seq, type, at, data };
  }

  entries(runId: string): JournalEntry[] {
    const rows = this.#prepare(
      'SELECT run_id, seq, type, at, data FROM entries WHERE run_id = ? ORDER BY seq',
    ).all(runId) as EntryRow[];
    return rows.map((r) => ({
      runId: r.run_id,
      seq: r.seq,
      type: r.type,
      at: r.at,
      data: JSON.parse(r.data) as unknown,
    }));
  }

  setStatus(runId: string, status: string, at: string): void {
    const info = this.#prepare('UPDATE runs SET status = ?, updated_at = ? WHERE id = ?').run(
      status,
      at,
      runId,
    );
    if (info.changes === 0) throw new NotFoundError('run', runId);
  }

  getRun(runId: string): RunRecord | undefined {
    const row = this.#prepare('SELECT * FROM runs WHERE id = ?').get(runId) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  listRuns(options: { limit?: number; kind?: string } = {}): RunRecord[] {
    const limit = options.limit ?? 50;
    const rows = (
      options.kind
        ? this.#prepare('SELECT * FROM runs WHERE kind = ? ORDER BY created_at DESC, id DESC LIMIT ?').all(
            options.kind,
            limit,
          )
        : this.#prepare('SELECT * FROM runs ORDER BY created_at DESC, id DESC LIMIT ?').all(limit)
    ) as RunRow[];
    return rows.map(toRun);
  }

  acquireLease(lease: RunLease, isStale: (held: RunLease) => boolean): void {
    // IMMEDIATE: the write lock is taken before the read, so two processes cannot both see "free".
    (this.#acquire ??= this.#db.transaction((lease: RunLease, isStale: (held: RunLease) => boolean) => {
      const held = this.#prepare('SELECT * FROM leases WHERE run_id = ?').get(lease.runId) as
        LeaseRow | undefined;
      if (held) {
        const holder: RunLease = {
          runId: held.run_id,
          owner: held.owner,
          pid: held.pid,
          host: held.host,
          at: held.at,
        };
        if (!isStale(holder)) throw new RunBusyError(lease.runId, holder);
      }
      this.#prepare(
        'INSERT OR REPLACE INTO leases (run_id, owner, pid, host, at) VALUES (?, ?, ?, ?, ?)',
      ).run(lease.runId, lease.owner, lease.pid, lease.host, lease.at);
    })).immediate(lease, isStale);
  }

  releaseLease(runId: string, owner: string): void {
    this.#prepare('DELETE FROM leases WHERE run_id = ? AND owner = ?').run(runId, owner);
  }

  close(): void {
    this.#db.close();
  }
}
