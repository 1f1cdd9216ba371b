import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig, silentLogger, SqliteJournal } from '../core/index.js';
import { testPlan } from '../testing/index.js';
import { registerDeliverCommands } from './deliver-commands.js';

const dataDir = mkdtempSync(join(tmpdir(), 'lodestone-deliver-'));
/** Saves a run with a plan in the journal the CLI reads, as `lodestone plan` does. */
async function saveRun(id: string, status: 'planned' | 'awaiting_approval') {
  const journal = new SqliteJournal(join(dataDir, 'journal.db'));
  const at = '2026-11-29T09:00:00.000Z';
  const plan = await testPlan({ runId: id, status, createdAt: at });
  journal.createRun({ id, kind: 'campaign-launch', title: plan.brief.goal, at });
  journal.append(id, 'plan.snapshot', { plan }, at);
  journal.setStatus(id, status, at);
  journal.close();
}
await saveRun('run_approved', 'planned');
await saveRun('run_waiting', 'awaiting_approval');
const { bidPlan } = await testPlan();

async function deliver(...args: string[]) {
  let code = 0;
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  const program = new Command('lodestone').exitOverride();
  registerDeliverCommands(program, {
    config: loadConfig({ LODESTONE_DATA_DIR: dataDir }),
    logger: silentLogger(),
    setCode: (c) => (code = c),
  });
  try {
    await program.parseAsync(['deliver', ...args], { from: 'user' });
  } finally {
    vi.restoreAllMocks();
  }
  return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('lodestone deliver', () => {
  it('simulates an approved plan and prints one row a day and the phase transitions', async () => {
    const r = await deliver('run_approved', '--simulate', '--days', '3');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/day\s+spend \(GBP\)\s+conversions\s+CPA\s+phase/);
    expect(r.stdout.split('\n').filter((l) => /^\s+[123]\s+[\d,.]+\s/.test(l))).toHaveLength(3);
    expect(r.stdout).toContain('PHASE TRANSITIONS');
    expect(r.stdout).toMatch(/tick\s+0 \(day 1\)\s+launch → cold start/);
  });

  it('prints one JSON object with --json', async () => {
    const r = await deliver('run_approved', '--simulate', '--days', '2', '--seed', '5', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as {
      runId: string;
      days: number;
      rows: { spend: number }[];
      seed: number;
    };
    expect(body).toMatchObject({ runId: 'run_approved', days: 2, seed: 5 });
    expect(body.rows).toHaveLength(2);
    for (const row of body.rows) expect(row.spend).toBeLessThanOrEqual(bidPlan.dailyBudget);
  });

  it('refuses a plan that awaits approval, saying how to approve it', async () => {
    const r = await deliver('run_waiting', '--simulate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected status planned, received awaiting_approval');
    expect(r.stderr).toContain('lodestone approve run_waiting');
    const json = await deliver('run_waiting', '--simulate', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      runId: 'run_waiting',
      error: { code: 'NOT_APPROVED', expected: 'planned', received: 'awaiting_approval' },
    });
  });

  it('requires --simulate: live delivery is not available', async () => {
    const r = await deliver('run_approved');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Live delivery is not available.*--simulate/);
  });

  it('rejects --days that is not a whole number from 1 to 90, and a bad --seed', async () => {
    for (const days of ['0', '91', '2.5', 'three', '-1']) {
      const r = await deliver('run_approved', '--simulate', '--days', days);
      expect(r.code, days).toBe(2);
      expect(r.stderr).toContain('expected a whole number from 1 to 90');
    }
    expect((await deliver('run_approved', '--simulate', '--seed', 'x')).code).toBe(2);
  });

  it('lets an unknown run fail with the list of runs (exit 2 through main)', async () => {
    await expect(deliver('run_nope', '--simulate')).rejects.toThrow(/No run named "run_nope"/);
  });
});
