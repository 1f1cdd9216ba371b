import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Plan } from '../core/index.js';
import { BIN, cliEnv, SAMPLE_THREAD } from './test-cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'lodestone-cli-'));

function cli(...args: string[]) {
  const out = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    // Offline whatever the developer's shell says: no model or tracing variable leaks in.
    env: cliEnv(dataDir),
    timeout: 170_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

// Each test spawns the CLI (tsx start-up, first-run memory build): slow on a loaded machine.
vi.setConfig({ testTimeout: 180_000 });

describe('lodestone CLI', () => {
  it('plan --yes --json prints a Plan and exits 0', () => {
    const r = cli(
      'plan',
      'Sell our ceramic tableware this month, budget 3000 GBP per day, keep CPA under 12 GBP',
      '--yes',
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    const plan = Plan.parse(JSON.parse(r.stdout));
    expect(plan.status).toBe('planned');
    expect(plan.brief.targetCpa).toEqual({ amount: 12, currency: 'GBP' });
  });

  it('plans a Chinese goal, saved as awaiting approval when not on a terminal; approve, runs and show work', () => {
    const r = cli('plan', '推广我们的陶瓷餐具，每天预算3000英镑，CPA不超过12英镑，持续两周', '--json');
    expect(r.code, r.stderr).toBe(0);
    const plan = Plan.parse(JSON.parse(r.stdout));
    expect(plan.status).toBe('awaiting_approval');
    expect(plan.brief.schedule.days).toBe(14);
    expect(cli('runs').stdout).toContain(plan.runId);
    const approved = cli('approve', plan.runId);
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toContain('planned');
    const shown = JSON.parse(cli('show', plan.runId, '--json').stdout) as { run: { status: string } };
    expect(shown.run.status).toBe('planned');
  });

  it('exits 2 with a JSON error listing what is missing for a goal without a budget', () => {
    const r = cli('plan', 'Sell our ceramic tableware', '--json');
    expect(r.code).toBe(2);
    const body = JSON.parse(r.stdout) as { error: { code: string; missing: string[]; message: string } };
    expect(body.error.code).toBe('BAD_GOAL');
    expect(body.error.missing).toContain('budget');
  });

  it('exits 2 for an unknown run and a bad flag, and --help is there for every command', () => {
    expect(cli('show', 'run_nope').code).toBe(2);
    expect(cli('plan', '--frobnicate', 'x').code).toBe(2);
    for (const cmd of ['plan', 'runs', 'show', 'approve', 'reject']) {
      const help = cli(cmd, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: lodestone ${cmd}`);
    }
  });

  it('exits 2 for bad configuration, naming the variable', () => {
    const out = spawnSync(process.execPath, [BIN, 'runs'], {
      encoding: 'utf8',
      env: cliEnv(dataDir, undefined, { LODESTONE_CURRENCY: 'pounds' }),
    });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('LODESTONE_CURRENCY');
  });
});

describe('lodestone support', () => {
  it('answers the sample thread citing real catalogue products and captures one lead, once', () => {
    const thread = SAMPLE_THREAD;
    const run = () => {
      const r = cli('support', '--thread', thread, '--json');
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as {
        replies: { text: string; citations: string[] }[];
        lead?: { buyer: string; products: { productId: string; created: boolean }[] };
        handoff: boolean;
      };
    };
    const first = run();
    const cited = first.replies.flatMap((r) => r.citations);
    expect(cited).toContain('85123A');
    expect(first.lead?.buyer).toBe('amy.baker@example.com');
    expect(first.lead?.products.map((p) => [p.productId, p.created])).toEqual([['85123A', true]]);
    expect(first.handoff).toBe(false);
    // The same buyer and product again: the lead is not duplicated.
    expect(run().lead?.products.map((p) => p.created)).toEqual([false]);
  });

  it('exits 2 for a missing thread file', () => {
    const r = cli('support', '--thread', '/nonexistent/thread.jsonl', '--json');
    expect(r.code).toBe(2);
  });
});
