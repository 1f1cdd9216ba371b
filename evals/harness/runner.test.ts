import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, sequentialIds } from '../../src/core/index.js';
import { defineSuite, eraseSuite } from './define-suite.js';
import { CacheMissError, EvalRunError, PolicyUnavailableError } from './errors.js';
import { buggy, coin, flakyInfra, llmSquares, squares, SUITES } from './fixtures/toy-suites.js';
import type { CachePolicy } from './model-cache.js';
import { RunStore } from './run-store.js';
import type { ResultRow, RunOptions } from './run-types.js';
import { resumeEval, runEval } from './runner.js';

const root = mkdtempSync(join(tmpdir(), 'lodestone-evals-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const store = new RunStore(root);
const newId = sequentialIds();
const registry = new Map(SUITES.map((s) => [s.name, s]));
const options: RunOptions = { seed: '7', trials: 3, split: 'all', model: 'offline' };
const strip = (rows: readonly ResultRow[]) =>
  rows
    .map(({ ms: _ms, ...rest }) => rest)
    .sort((a, b) =>
      `${a.suite}${a.taskId}${a.trial}${a.policy}`.localeCompare(
        `${b.suite}${b.taskId}${b.trial}${b.policy}`,
      ),
    );

describe('runEval', () => {
  it('scores every task × trial × policy and reports pass^k, metrics and a baseline', async () => {
    const { summary, run } = await runEval({ store, suites: SUITES, options, newId });
    expect(run.rows()).toHaveLength(24 * 3 * 2 + 24 * 3);
    const sq = summary.suites['toy-squares']!;
    expect(sq.policy.passRate.mean).toBeCloseTo(20 / 24, 12);
    expect(sq.policy.passHatK).toEqual({ '1': 20 / 24, '2': 20 / 24, '3': 20 / 24 });
    expect(sq.baseline?.name).toBe('double');
    expect(sq.baseline?.passRate.mean).toBeCloseTo(2 / 24, 12); // 0 and 2
    expect(sq.policy.aggregate).toEqual({ trials: 72 });
    expect(sq.policy.cost.total.usd).toBe(0);
    const c = summary.suites['toy-coin']!;
    // A noisy policy: reliability falls with k while capability rises.
    expect(c.policy.passHatK['3']!).toBeLessThan(c.policy.passHatK['1']!);
    expect(c.policy.passAtK['3']!).toBeGreaterThan(c.policy.passAtK['1']!);
    expect(summary.status).toBe('complete');
    expect(run.summary()).toEqual(summary);
  });

  it('is repeatable for a seed and changes with it', async () => {
    const a = await runEval({ store, suites: [eraseSuite(coin)], options, newId });
    const b = await runEval({ store, suites: [eraseSuite(coin)], options, newId });
    const c = await runEval({ store, suites: [eraseSuite(coin)], options: { ...options, seed: '8' }, newId });
    expect(strip(b.run.rows())).toEqual(strip(a.run.rows()));
    expect(strip(c.run.rows())).not.toEqual(strip(a.run.rows()));
  });

  it('filters by split and limit', async () => {
    const { summary } = await runEval({
      store,
      suites: SUITES,
      options: { ...options, split: 'train', limit: 4 },
      newId,
    });
    expect(summary.suites['toy-squares']?.evaluated).toBe(4);
    const test = await runEval({
      store,
      suites: SUITES,
      options: { ...options, split: 'test', trials: 1 },
      newId,
    });
    expect(test.summary.suites['toy-squares']?.evaluated).toBe(18);
  });

  it('retries infrastructure errors and only those', async () => {
    const { summary, run } = await runEval({
      store,
      suites: [eraseSuite(flakyInfra), eraseSuite(buggy)],
      options: { ...options, trials: 1 },
      retryDelayMs: 0,
      newId,
    });
    const rows = run.rows();
    expect(rows.find((r) => r.suite === 'toy-flaky' && r.taskId === 'n0')?.attempts).toBe(3);
    expect(summary.suites['toy-flaky']?.policy.passRate.mean).toBe(1);
    const bug = rows.filter((r) => r.suite === 'toy-buggy');
    expect(bug.every((r) => r.attempts === 1 && r.error?.code === 'TypeError' && !r.error.infra)).toBe(true);
    expect(summary.suites['toy-buggy']?.policy.errors).toBe(2);
  });

  it('refuses a model the suites have no policy for, before doing any work, listing each with its reason', async () => {
    const before = store.ids().length;
    const why = defineSuite({ ...coin, llmUnavailable: 'a coin has no agent.' });
    const run = () =>
      runEval({
        store,
        suites: [eraseSuite(squares), eraseSuite(why), eraseSuite(llmSquares)],
        options: { ...options, model: 'openai:gpt-4o-mini' },
        llm,
        newId,
      });
    await expect(run()).rejects.toThrow(PolicyUnavailableError);
    await expect(run()).rejects.toThrow(
      'No LLM policy for toy-squares, toy-coin (asked for --model openai:gpt-4o-mini):\n' +
        '- toy-squares: it has no LLM policy yet.\n- toy-coin: a coin has no agent.\n' +
        'Run them with --model offline, or leave them out: lodestone eval run toy-llm-squares --model openai:gpt-4o-mini.',
    );
    expect(store.ids()).toHaveLength(before);
  });
});

const config = loadConfig({ LODESTONE_MODEL: 'openai:gpt-4o-mini', OPENAI_API_KEY: 'sk-test' });
const llm = { config, cache: 'auto' as CachePolicy, cacheDir: join(root, 'cache') };

describe('LLM runs', () => {
  const llmOptions: RunOptions = { ...options, trials: 1, model: 'openai:gpt-4o-mini' };
  it('hand the model setup to the policy (on workers too) and record the cache policy and the cost', async () => {
    const one = await runEval({ store, suites: [eraseSuite(llmSquares)], options: llmOptions, llm, newId });
    const two = await runEval({
      store,
      suites: [eraseSuite(llmSquares)],
      options: llmOptions,
      llm,
      newId,
      concurrency: 2,
    });
    expect(two.workers).toBe(2);
    expect(strip(two.run.rows())).toEqual(strip(one.run.rows()));
    const s = one.summary.suites['toy-llm-squares']!;
    expect(s.policy.name).toBe('openai:gpt-4o-mini');
    expect(s.policy.passRate.mean).toBe(1);
    expect(s.policy.cost.total).toMatchObject({
      calls: 24,
      cachedCalls: 24,
      inputTokens: 240,
      outputTokens: 48,
    });
    expect(s.policy.cost.total.usd).toBeCloseTo(0.024, 12);
    expect(one.run.manifest().options).toMatchObject({ model: 'openai:gpt-4o-mini', cache: 'auto' });
    expect(JSON.stringify(one.run.manifest())).not.toContain('sk-test');
  }, 60_000);

  it('needs a model setup for the model it names', async () => {
    await expect(
      runEval({ store, suites: [eraseSuite(llmSquares)], options: llmOptions, newId }),
    ).rejects.toThrow(EvalRunError);
    await expect(
      runEval({
        store,
        suites: [eraseSuite(llmSquares)],
        options: { ...llmOptions, model: 'openai:gpt-4o' },
        llm,
        newId,
      }),
    ).rejects.toThrow(/model is openai:gpt-4o but its model setup is for openai:gpt-4o-mini/);
  });

  it('stops at a replay cache miss (in this thread and on workers), saving the run as interrupted', async () => {
    for (const concurrency of [1, 2]) {
      const replay = { ...llm, cache: 'replay' as const };
      const before = new Set(store.ids());
      await expect(
        runEval({
          store,
          suites: [eraseSuite(llmSquares)],
          options: llmOptions,
          llm: replay,
          newId,
          concurrency,
        }),
      ).rejects.toThrow(CacheMissError);
      const id = store.ids().find((x) => !before.has(x))!;
      const run = store.open(id);
      expect(run.manifest().status).toBe('interrupted');
      expect(run.rows().every((r) => !r.error)).toBe(true);
      expect(run.rows().length).toBeLessThan(24);
    }
  }, 60_000);
});

describe('resume', () => {
  it('finishes an interrupted run with the results of an uninterrupted one', async () => {
    const full = await runEval({ store, suites: SUITES, options, newId });
    const controller = new AbortController();
    let seen = 0;
    const cut = await runEval({
      store,
      suites: SUITES,
      options,
      newId,
      signal: controller.signal,
      onRow: () => {
        if (++seen === 40) controller.abort();
      },
    });
    expect(cut.summary.status).toBe('interrupted');
    expect(cut.run.rows()).toHaveLength(40);
    expect(cut.run.summary()).toBeUndefined();
    let rerun = 0;
    const resumed = await resumeEval({ run: cut.run, registry, onRow: () => rerun++ });
    expect(rerun).toBe(full.run.rows().length - 40);
    expect(resumed.summary.status).toBe('complete');
    expect(strip(resumed.run.rows())).toEqual(strip(full.run.rows()));
    expect({ ...resumed.summary, runId: '', createdAt: '' }).toEqual({
      ...full.summary,
      runId: '',
      createdAt: '',
    });
  });
});

describe('concurrency', () => {
  it('gives the same rows on worker threads as in one thread', async () => {
    const one = await runEval({ store, suites: SUITES, options, newId, concurrency: 1 });
    const two = await runEval({
      store,
      suites: SUITES,
      options,
      newId,
      concurrency: 2,
    });
    expect(two.workers).toBe(2);
    expect(strip(two.run.rows())).toEqual(strip(one.run.rows()));
    expect(two.summary.suites).toEqual(one.summary.suites);
  }, 60_000);
  it('runs a suite workers cannot load (no module, or a modified copy) in this thread', async () => {
    const { module: _module, ...anonymous } = squares;
    const copy = defineSuite({ ...squares, description: 'a modified copy' });
    for (const suite of [anonymous, copy]) {
      const { summary, workers } = await runEval({
        store,
        suites: [eraseSuite(suite)],
        options: { ...options, trials: 1 },
        newId,
        concurrency: 2,
      });
      expect(workers).toBe(0);
      expect(summary.suites['toy-squares']?.policy.tasks).toBe(24);
    }
  });
});
