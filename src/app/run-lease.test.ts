import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig, RunBusyError, SqliteJournal } from '../core/index.js';
import { demoCatalog, fixedClock, sequentialIds } from '../testing/index.js';
import { createLodestone } from './lodestone.js';
import { holderIsGone, withRunLease } from './run-lease.js';

const GOAL = 'Sell our ceramic tableware this month, budget 3000 GBP per day, keep CPA under 12 GBP';
const clock = fixedClock('2026-11-29T09:00:00Z');

function setup() {
  const journal = new SqliteJournal(':memory:');
  const lodestone = createLodestone({
    config: loadConfig({}),
    memory: false,
    clock,
    ids: sequentialIds(),
    journal,
    catalog: demoCatalog(),
  });
  return { lodestone, journal };
}

/** A live process other than this one, and a way to end it. */
async function otherProcess(): Promise<{ pid: number; end: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  return {
    pid: child.pid ?? -1,
    end: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

const lease = (runId: string, pid: number) => ({
  runId,
  owner: `owner-${pid}`,
  pid,
  host: hostname(),
  at: '2026-11-29T08:00:00.000Z',
});

describe('run leases', () => {
  it('refuses to drive a run that a live process holds, writing nothing, and takes it over once that process is dead', async () => {
    const { lodestone, journal } = setup();
    const pending = await lodestone.plan(GOAL);
    expect(pending.status).toBe('awaiting_approval');
    const other = await otherProcess();
    journal.acquireLease(lease(pending.runId, other.pid), () => false);
    const before = journal.entries(pending.runId).length;

    const busy = lodestone.decide(pending.runId, 'approved');
    await expect(busy).rejects.toBeInstanceOf(RunBusyError);
    await expect(busy).rejects.toThrow(new RegExp(`process ${other.pid} on .* since 2026-11-29T08:00`));
    expect(journal.entries(pending.runId)).toHaveLength(before);
    expect(journal.getRun(pending.runId)?.status).toBe('awaiting_approval');

    await other.end();
    const approved = await lodestone.decide(pending.runId, 'approved');
    expect(approved.status).toBe('planned');
  });

  it('gives the lease back after a drive, whether it succeeded or threw', async () => {
    const { lodestone, journal } = setup();
    const planned = await lodestone.plan(GOAL, { approve: true });
    // Free again: a claim by a "live" holder that nobody may take over succeeds.
    expect(() => journal.acquireLease(lease(planned.runId, 1), () => false)).not.toThrow();
    journal.releaseLease(planned.runId, 'owner-1');

    await expect(
      withRunLease(journal, planned.runId, clock, () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(() => journal.acquireLease(lease(planned.runId, 1), () => false)).not.toThrow();
  });

  it('releases only its own lease', () => {
    const journal = new SqliteJournal(':memory:');
    journal.createRun({ id: 'run_1', kind: 'k', title: 't', at: '2026-11-29T09:00:00Z' });
    journal.acquireLease(lease('run_1', 42), () => false);
    journal.releaseLease('run_1', 'someone-else');
    expect(() => journal.acquireLease(lease('run_1', 43), () => false)).toThrow(RunBusyError);
  });

  it('presumes a holder dead only on this host and only when its process is gone', async () => {
    const here = hostname();
    expect(holderIsGone({ ...lease('r', process.pid), host: here }, here)).toBe(false);
    const other = await otherProcess();
    const held = { ...lease('r', other.pid), host: here };
    expect(holderIsGone(held, here)).toBe(false);
    await other.end();
    expect(holderIsGone(held, here)).toBe(true);
    expect(holderIsGone({ ...held, host: 'another-host' }, here)).toBe(false);
  });
});
