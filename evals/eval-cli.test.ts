/**
 * `lodestone eval …` end to end, through commander as main.ts wires it (registerEvalCommands on
 * a fresh program), on the real suites and data: one JSON object from `run all --json`, pass^k
 * with --trials, identical scores on 1 and 2 workers, resume, compare gating a worsened scorer,
 * the report rendering in headless Chromium; with --model, the LLM policy through the real
 * ChatOpenAI client against a loopback endpoint: recorded, replayed with no request (on 1 and 2
 * workers), a replay miss failing clearly, and bad model flags failing before any task runs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseBrief } from '../agents/brief-parser/index.js';
import { isUserError, LodestoneError, loadConfig, silentLogger } from '../src/core/index.js';
import { registerEvalCommands } from '../src/cli/eval-commands.js';
import { loopback, startOpenAILoopbackServer } from '../src/testing/index.js';
import { defineSuite, eraseSuite, RunStore, runEval, type RunSummary } from './harness/index.js';
import { renderInChromium } from './report/index.js';
import { BRIEF_CONTEXT } from './suites/brief-parsing.js';
import { briefParsing, getSuites } from './suites/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'lodestone-eval-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `lodestone <args>` in this process (with `env` as its environment) and returns its exit code and output. */
async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let code = 0;
  let stdout = '';
  let stderr = '';
  const program = new Command('lodestone')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) });
  registerEvalCommands(program, {
    config: loadConfig({ LODESTONE_DATA_DIR: dataDir, ...env }),
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

/** Every suite, in the registry's order. */
const SUITES = [
  'brief-parsing',
  'creative',
  'complements',
  'next-buyer',
  'support-intents',
  'support-actions',
  'support-tau2',
  'bidding',
];

describe('lodestone eval', () => {
  it('lists the suites', async () => {
    const { code, stdout } = await cli(['eval', 'list', '--json']);
    expect(code).toBe(0);
    const names = (JSON.parse(stdout) as { name: string }[]).map((s) => s.name);
    expect(names).toEqual(SUITES);
  });

  it('run all --json prints one JSON object; the same run on 2 workers scores the same; the report renders', async () => {
    const one = await cli(['eval', 'run', 'all', '--json', '--limit', '8']);
    expect(one.code).toBe(0);
    expect(one.stdout.trim().split('\n')).toHaveLength(1);
    const a = JSON.parse(one.stdout) as RunSummary & { dir: string };
    expect(Object.keys(a.suites)).toEqual(SUITES);
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

  it('fails clearly on bad flags and names', async () => {
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

describe('lodestone eval --model, through ChatOpenAI against a loopback endpoint', () => {
  const MODEL = ['--model', 'openai:test-model'];
  const runs = () => new RunStore(join(dataDir, 'evals')).ids();

  it('validates --model, --cache and the endpoint before any task runs', async () => {
    const before = runs().length;
    const bad = await cli(['eval', 'run', 'brief-parsing', '--model', 'gpt4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Invalid --model: expected offline, or openai:<model>');
    const noKey = await cli(['eval', 'run', 'brief-parsing', '--model', 'openai:gpt-4o-mini']);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/OPENAI_API_KEY: required for https:\/\/api\.openai\.com\/v1/);
    expect((await cli(['eval', 'run', 'brief-parsing', ...MODEL, '--cache', 'sometimes'])).code).toBe(2);
    expect(runs()).toHaveLength(before);
  });

  it('records the model calls with their cost, replays them with no request (on 1 and 2 workers), and stops at a replay miss', async () => {
    const { tasks } = await briefParsing.dataset({ seed: '1' });
    const first = tasks.filter((t) => t.split === 'test').slice(0, 3);
    // The model answers what the offline parser reads, but gets the third goal's objective wrong.
    const answers = first.map((task, i) => {
      const brief = { ...parseBrief(task.goal, BRIEF_CONTEXT), productIds: [] };
      return i === 2 ? { ...brief, objective: brief.objective === 'leads' ? 'sales' : 'leads' } : brief;
    });
    const server = await startOpenAILoopbackServer(answers.map((a) => loopback.json(a)));
    const env = { OPENAI_BASE_URL: server.baseURL };
    const args = ['eval', 'run', 'brief-parsing', ...MODEL, '--limit', '3', '--json'];
    try {
      const recorded = await cli(args, env);
      expect(recorded.code, recorded.stderr).toBe(0);
      server.assertComplete();
      const a = JSON.parse(recorded.stdout) as RunSummary;
      expect(a.options).toMatchObject({ model: 'openai:test-model', cache: 'auto' });
      const s = a.suites['brief-parsing']!;
      expect(s.policy.name).toBe('openai:test-model');
      const expected = first.map((task, i) =>
        i === 2
          ? 0
          : briefParsing.score(task, { brief: parseBrief(task.goal, BRIEF_CONTEXT) }).metrics.exact!,
      );
      expect(s.policy.metrics.exact!.mean).toBeCloseTo(expected.reduce((x, y) => x + y, 0) / 3, 12);
      expect(s.policy.metrics['field:objective']!.mean).toBeCloseTo(2 / 3, 12);
      const cost = s.policy.cost.total;
      expect(cost).toMatchObject({ calls: 3, cachedCalls: 0 });
      expect(cost.byAgent['brief-parser']?.calls).toBe(3);
      expect(cost.inputTokens).toBeGreaterThan(0);
      expect(cost.usd).toBeGreaterThan(0);
      expect(a.cost.usd).toBeCloseTo(cost.usd, 12);
      for (const { body } of server.requests) {
        expect(body.model).toBe('test-model');
        expect(typeof body.seed).toBe('number');
        expect(body.tools?.map((t) => t.function.name)).toEqual(['catalog_search']);
      }
      expect(new Set(server.requests.map((r) => r.body.seed)).size).toBe(3);
      const files = readdirSync(join(dataDir, 'evals', 'cache'), { recursive: true });
      expect(files.filter((f) => String(f).endsWith('.json'))).toHaveLength(3);

      const replay = await cli([...args, '--cache', 'replay'], env);
      expect(replay.code, replay.stderr).toBe(0);
      expect(server.requestCount).toBe(3);
      const b = JSON.parse(replay.stdout) as RunSummary;
      expect(scoresOf(b)).toEqual(scoresOf(a));
      // The same calls, tokens and nominal dollars, every call answered from the cache.
      const replayed = b.suites['brief-parsing']!.policy.cost.total;
      expect({ ...replayed, byAgent: {} }).toEqual({ ...cost, cachedCalls: 3, byAgent: {} });
      expect(replayed.byAgent['brief-parser']).toEqual({ ...cost.byAgent['brief-parser'], cachedCalls: 3 });

      await server.close();
      const two = await cli([...args, '--cache', 'replay', '--concurrency', '2'], env);
      expect(two.code, two.stderr).toBe(0);
      expect(scoresOf(JSON.parse(two.stdout) as RunSummary)).toEqual(scoresOf(a));

      const text = await cli(
        ['eval', 'run', 'brief-parsing', ...MODEL, '--limit', '3', '--cache', 'replay'],
        env,
      );
      expect(text.stdout).toMatch(/cost \$\d\.\d{4} \(3 calls: 0 live, 3 cached; [\d,]+ tokens\)/);

      const known = new Set(runs());
      const miss = await cli(
        ['eval', 'run', 'brief-parsing', ...MODEL, '--limit', '4', '--cache', 'replay'],
        env,
      );
      expect(miss.code).toBe(1);
      expect(miss.stderr).toMatch(
        /No recorded model call for openai:test-model \(trial 0, key [0-9a-f]{12}\)/,
      );
      const cut = runs().filter((id) => !known.has(id));
      expect(cut).toHaveLength(1);
      expect(new RunStore(join(dataDir, 'evals')).open(cut[0]!).manifest().status).toBe('interrupted');
    } finally {
      await server.close().catch(() => undefined);
    }
  }, 180_000);
});
