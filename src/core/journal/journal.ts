/** One run: an id, what kind of workflow, its current status (a projection of its entries). */
export interface RunRecord {
  id: string;
  kind: string;
  status: string;
  /** The run's input summary (a campaign goal, say). */
  title: string;
  createdAt: string;
  updatedAt: string;
}

/** One append-only journal entry: what came from outside the machine, in order. */
export interface JournalEntry {
  runId: string;
  seq: number;
  type: string;
  at: string;
  data: unknown;
}

/** Who is driving a run: one process, on one host, since `at`. */
export interface RunLease {
  readonly runId: string;
  /** A token unique to one drive; only its holder releases the lease. */
  readonly owner: string;
  readonly pid: number;
  readonly host: string;
  readonly at: string;
}

/**
 * The run journal port. Entries are append-only; a run's status is a projection kept beside them.
 * The embedded adapter is SQLite ({@link SqliteJournal}); a shared one can speak PostgreSQL.
 */
export interface Journal {
  createRun(run: { id: string; kind: string; title: string; at: string }): RunRecord;
  append(runId: string, type: string, data: unknown, at: string): JournalEntry;
  entries(runId: string): JournalEntry[];
  setStatus(runId: string, status: string, at: string): void;
  getRun(runId: string): RunRecord | undefined;
  listRuns(options?: { limit?: number; kind?: string }): RunRecord[];
  /**
   * Claims a run for one drive, atomically. A lease still held is taken over only when
   * `isStale(held)` says its holder is gone (a process killed mid-run); otherwise this throws
   * {@link RunBusyError} and the run is left alone.
   */
  acquireLease(lease: RunLease, isStale: (held: RunLease) => boolean): void;
  /** Gives a run back; a lease held by another owner is left in place. */
  releaseLease(runId: string, owner: string): void;
  close(): void;
}
