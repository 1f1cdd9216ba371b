import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock, Journal, RunLease } from '../core/index.js';

/** Who this process is, for leases; tests pass another pid to play a second process. */
export interface LeaseHolder {
  readonly pid: number;
  readonly host: string;
}

/** This process. */
let self: LeaseHolder | undefined;
export const thisProcess = (): LeaseHolder => (self ??= { pid: process.pid, host: hostname() });

/**
 * True when a lease's holder is gone: it was taken on this host and its process no longer exists
 * (`kill(pid, 0)` fails with ESRCH). A holder on another host is never presumed dead.
 */
export function holderIsGone(held: RunLease, here: string = hostname()): boolean {
  if (held.host !== here) return false;
  try {
    process.kill(held.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Runs one drive of a run while holding its lease, so that `resume` or `approve` from a second
 * process cannot drive a run that a live process is still driving (both would call the model and
 * append to the same journal). A lease left by a killed process is taken over; the lease is given
 * back however the drive ends.
 *
 * @example
 * ```ts
 * const result = await withRunLease(journal, runId, clock, () => driveRun(deps, options));
 * ```
 */
export async function withRunLease<T>(
  journal: Journal,
  runId: string,
  clock: Clock,
  drive: () => Promise<T>,
  options: { holder?: LeaseHolder; isStale?: (held: RunLease) => boolean } = {},
): Promise<T> {
  const holder = options.holder ?? thisProcess();
  const owner = randomUUID();
  journal.acquireLease(
    { runId, owner, pid: holder.pid, host: holder.host, at: clock.now().toISOString() },
    options.isStale ?? ((held) => holderIsGone(held, holder.host)),
  );
  try {
    return await drive();
  } finally {
    journal.releaseLease(runId, owner);
  }
}
