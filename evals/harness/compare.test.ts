import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../src/core/index.js';
import { compareRuns } from './compare.js';
import { defineSuite, eraseSuite } from './define-suite.js';
import { squares } from './fixtures/toy-suites.js';
import { RunStore } from './run-store.js';
import { runEval } from './runner.js';

const root = mkdtempSync(join(tmpdir(), 'lodestone-compare-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const store = new RunStore(root);
const newId = sequentialIds();
const options = { seed: '3', trials: 2, split: 'all' as const, model: 'offline' };

/** The same suite with a scorer that wrongly fails every task whose number is odd. */
const worsened = defineSuite({
  ...squares,
  score: (task, output) => {
    const s = squares.score(task, output);
    return task.x % 2 === 1 ? { pass: false, metrics: { ...s.metrics, exact: 0 } } : s;
  },
});

describe('compareRuns', () => {
  it('flags a worsened scorer: metric drops, tasks that stopped passing, the regression', async () => {
    const a = (await runEval({ store, suites: [eraseSuite(squares)], options, newId })).run;
    const b = (await runEval({ store, suites: [eraseSuite(worsened)], options, newId })).run;
    const c = compareRuns(
      { manifest: a.manifest(), rows: a.rows() },
      { manifest: b.manifest(), rows: b.rows() },
    );
    expect(c.regressed).toBe(true);
    const suite = c.suites[0]!;
    expect(suite.tasksCompared).toBe(24);
    const pass = suite.metrics.find((m) => m.metric === 'pass')!;
    expect(pass.a).toBeCloseTo(20 / 24, 12);
    expect(pass.b).toBeCloseTo(10 / 24, 12);
    expect(pass.regressed).toBe(true);
    expect(pass.delta.high).toBeLessThan(0);
    expect(suite.regressions.map((r) => r.taskId)).toEqual([
      'n1',
      'n3',
      'n7',
      'n9',
      'n11',
      'n13',
      'n17',
      'n19',
      'n21',
      'n23',
    ]);
    expect(suite.regressions[0]?.metrics).toEqual({ exact: -1 });
    expect(suite.fixes).toEqual([]);
    // The other way round it is an improvement, not a regression.
    const back = compareRuns(
      { manifest: b.manifest(), rows: b.rows() },
      { manifest: a.manifest(), rows: a.rows() },
    );
    expect(back.regressed).toBe(false);
    expect(back.suites[0]?.fixes).toHaveLength(10);
  });

  it('respects the direction of lower-is-better metrics and the threshold', async () => {
    const a = (await runEval({ store, suites: [eraseSuite(squares)], options, newId })).run;
    const same = compareRuns(
      { manifest: a.manifest(), rows: a.rows() },
      { manifest: a.manifest(), rows: a.rows() },
    );
    expect(same.regressed).toBe(false);
    const noisier = defineSuite({
      ...squares,
      score: (task, output) => {
        const s = squares.score(task, output);
        return { ...s, metrics: { ...s.metrics, error: (s.metrics.error ?? 0) + 0.5 } };
      },
    });
    const b = (await runEval({ store, suites: [eraseSuite(noisier)], options, newId })).run;
    const strict = compareRuns(
      { manifest: a.manifest(), rows: a.rows() },
      { manifest: b.manifest(), rows: b.rows() },
    );
    expect(strict.suites[0]?.metrics.find((m) => m.metric === 'error')?.regressed).toBe(true);
    const lenient = compareRuns(
      { manifest: a.manifest(), rows: a.rows() },
      { manifest: b.manifest(), rows: b.rows() },
      { threshold: 1 },
    );
    expect(lenient.regressed).toBe(false);
  });
});
