/**
 * `lodestone eval …` end to end, through commander as main.ts wires it (registerEvalCommands on
 * a fresh program), on the real suites and data: one JSON object from `run all --json`, pass^k
 * with --trials, identical scores on 1 and 2 workers, resume, compare gating a worsened scorer,
 * the report rendering in headless Chromium, and the LLM flag failing clearly.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isUserError, LodestoneError, loadConfig, silentLogger } from '../src/core/index.js';
import { registerEvalCommands } from '../src/cli/eval-commands.js';
import { defineSuite, eraseSuite, RunStore, runEval, type RunSummary } from './harness/index.js';
import { renderInChromium } from './report/index.js';
import { briefParsing, getSuites } from './suites/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'lodestone-eval-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `lodestone <args>` in this process and returns its exit code and output. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let code = 0;
  let stdout = '';
  let stderr = '';
  const program = new Command('lodestone')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) });
  registerEvalCommands(program, {
    config: loadConfig({ LODESTONE_DATA_DIR: dataDir }),
    logger: silentLogger(),
    setCode: (c) => (code = c),
  });
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else if (error instanceof LodestoneError) {
      code = isUserError(error) ? 2 : 1;
      stderr += error.message;
    } else throw error;
  } finally {
    spy.mockRestore();
  }
  return { code, stdout, stderr };
}

const scoresOf = (s: RunSummary) =>
  Object.fromEntries(
    Object.entries(s.suites).map(([name, suite]) => [
      name,
      {
        policy: suite.policy.metrics,
        baseline: suite.baseline?.metrics,
        passHatK: suite.policy.passHatK,
        vs: suite.vsBaseline,
      },
    ]),
  );

describe('lodestone eval', () => {
  it('lists the suites', async () => {
    const { code, stdout } = await cli(['eval', 'list', '--json']);
    expect(code).toBe(0);
    const names = (JSON.parse(stdout) as { name: string }[]).map((s) => s.name);
    expect(names).toEqual([
      'brief-parsing',
      'creative',
      'complements',
      'next-buyer',
      'support-intents',
      'support-actions',
      'support-tau2',
      'bidding',
    ]);
  });

  it('run all --json prints one JSON object; the same run on 2 workers scores the same; the report renders', async () => {
    const one = await cli(['eval', 'run', 'all', '--json', '--limit', '8']);
    expect(one.code).toBe(0);
    expect(one.stdout.trim().split('\n')).toHaveLength(1);
    const a = JSON.parse(one.stdout) as RunSummary & { dir: string };
    expect(Object.keys(a.suites)).toEqual([
      'brief-parsing',
      'creative',
      'complements',
      'next-buyer',
      'support-intents',
      'support-actions',
      'support-tau2',
      'bidding',
    ]);
    for (const suite of Object.values(a.suites)) {
      expect(suite.dataset.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(suite.seed).toBe('1');
      expect(suite.policy.cost.total.usd).toBe(0);
      expect(suite.baseline?.metrics).toBeDefined();
      // ABCD's shipped sample has 3 conversations, one of them in the test split.
      expect(suite.evaluated).toBe(suite.name === 'support-actions' ? 1 : 8);
    }
    const two = await cli(['eval', 'run', 'all', '--json', '--limit', '8', '--concurrency', '2']);
    expect(two.code).toBe(0);
    const b = JSON.parse(two.stdout) as RunSummary;
    expect(scoresOf(b)).toEqual(scoresOf(a));

    const report = await cli(['eval', 'report', a.runId, '--json']);
    expect(report.code).toBe(0);
    const paths = JSON.parse(report.stdout) as { html: string; markdown: string };
    expect(readFileSync(paths.markdown, 'utf8')).toContain('## next-buyer');
    const check = renderInChromium(paths.html);
    // One chart per suite and two for the run.
    expect(check.expected).toBe(Object.keys(a.suites).length + 2);
    expect(check.rendered).toBe(check.expected);
  }, 240_000);

  it('--trials 3 reports pass^1..pass^3 and pass@1..pass@3', async () => {
    const { code, stdout } = await cli([
      'eval',
      'run',
      'brief-parsing',
      '--trials',
      '3',
      '--split',
      'all',
      '--json',
    ]);
    expect(code).toBe(0);
    const s = (JSON.parse(stdout) as RunSummary).suites['brief-parsing']!;
    expect(Object.keys(s.policy.passHatK)).toEqual(['1', '2', '3']);
    expect(Object.keys(s.policy.passAtK)).toEqual(['1', '2', '3']);
    // The offline parser is deterministic: every trial agrees, so pass^3 = pass^1.
    expect(s.policy.passHatK['3']).toBeCloseTo(s.policy.passHatK['1']!, 12);
    expect(s.policy.trials).toBe(3);
  }, 60_000);

  it('resumes an interrupted run to the results of an uninterrupted one', async () => {
    const store = new RunStore(join(dataDir, 'evals'));
    const options = { seed: '9', trials: 2, split: 'all' as const, model: 'offline' };
    const suites = getSuites(['brief-parsing', 'creative']);
    const full = await runEval({ store, suites, options });
    const controller = new AbortController();
    let n = 0;
    const cut = await runEval({
      store,
      suites,
      options,
      signal: controller.signal,
      onRow: () => {
        if (++n === 50) controller.abort();
      },
    });
    expect(cut.summary.status).toBe('interrupted');
    const resumed = await cli(['eval', 'resume', cut.summary.runId, '--json']);
    expect(resumed.code).toBe(0);
    const after = JSON.parse(resumed.stdout) as RunSummary;
    expect(after.status).toBe('complete');
    expect(scoresOf(after)).toEqual(scoresOf(full.summary));
    const strip = (rows: ReturnType<typeof full.run.rows>) =>
      rows.map(({ ms: _ms, ...r }) => JSON.stringify(r)).sort();
    expect(strip(store.open(cut.summary.runId).rows())).toEqual(strip(full.run.rows()));
  }, 60_000);

  it('compare exits 1 on a deliberately worsened scorer and names the tasks', async () => {
    const store = new RunStore(join(dataDir, 'evals'));
    const options = { seed: '1', trials: 1, split: 'all' as const, model: 'offline' };
    // The same suite, but the scorer wrongly refuses every Chinese goal.
    const worse = defineSuite({
      ...briefParsing,
      score: (task, output) =>
        task.language === 'zh' ? { pass: false, metrics: { exact: 0 } } : briefParsing.score(task, output),
    });
    const a = await runEval({ store, suites: [eraseSuite(briefParsing)], options });
    const b = await runEval({ store, suites: [eraseSuite(worse)], options });
    const { code, stdout } = await cli(['eval', 'compare', a.summary.runId, b.summary.runId]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/exact\s+\d\.\d+ → 0\.\d+ .*REGRESSED/);
    expect(stdout).toContain('zh-01');
    const same = await cli(['eval', 'compare', a.summary.runId, a.summary.runId, '--json']);
    expect(same.code).toBe(0);
    expect((JSON.parse(same.stdout) as { regressed: boolean }).regressed).toBe(false);
  }, 60_000);

  it('fails clearly when asked for an LLM policy, and on bad flags and names', async () => {
    const llm = await cli(['eval', 'run', 'all', '--model', 'openai:gpt-4o-mini']);
    expect(llm.code).toBe(2);
    expect(llm.stderr).toContain('LLM policies are not available yet for suite brief-parsing');
    const unknown = await cli(['eval', 'run', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'Available: all, brief-parsing, creative, complements, next-buyer, support-intents, support-actions, support-tau2, bidding',
    );
    expect((await cli(['eval', 'run', 'creative', '--trials', '0'])).code).toBe(2);
    expect((await cli(['eval', 'run', 'creative', '--split', 'dev'])).code).toBe(2);
    expect((await cli(['eval', 'report', 'eval_missing'])).code).toBe(2);
  });
});
