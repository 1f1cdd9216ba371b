import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../src/core/index.js';
import { SUITES } from '../harness/fixtures/toy-suites.js';
import { RunStore, type ResultRow, runEval, type RunSummary } from '../harness/index.js';
import { chromiumPath, renderInChromium } from './chromium.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

const dir = mkdtempSync(join(tmpdir(), 'lodestone-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let summary: RunSummary;
let rows: ResultRow[];

beforeAll(async () => {
  const outcome = await runEval({
    store: new RunStore(dir),
    suites: SUITES,
    options: { seed: '5', trials: 3, split: 'all', model: 'offline' },
    newId: sequentialIds(),
  });
  summary = outcome.summary;
  rows = outcome.run.rows();
});

describe('renderMarkdown', () => {
  it('shows each suite with its dataset, metrics beside the baseline, pass^k, cost and failures', () => {
    const md = renderMarkdown(summary, rows);
    expect(md).toContain('# Lodestone eval run eval_1');
    expect(md).toContain('## toy-squares');
    expect(md).toMatch(/\| pass rate \| 0\.833 \[[\d.]+, [\d.]+\] \| 0\.083/);
    expect(md).toContain('pass^k: k=1: 0.833, k=2: 0.833, k=3: 0.833');
    expect(md).toContain('Failing tasks (4)');
    expect(md).toContain('cost: 0 calls (0 from cache), 0 tokens, $0.0000');
  });
});

describe('renderHtml', () => {
  it('is one self-contained file: Chart.js inlined, no external resources', () => {
    const html = renderHtml(summary, rows);
    expect(html).toContain('Chart.js v4');
    // No tag loads anything: no script src, stylesheet link or image.
    expect(/<(script|link|img|iframe)\b[^>]*\s(src|href)=/.test(html)).toBe(false);
    expect(html).toContain('id="metrics-0"');
  });

  it('renders its charts in headless Chromium', () => {
    // Fails (never skips) without Chromium: CI installs it with apt-get install -y chromium.
    expect(
      chromiumPath(),
      'Chromium is missing: apt-get update && apt-get install -y chromium',
    ).toBeDefined();
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(summary, rows));
    const check = renderInChromium(file);
    expect(check.expected).toBe(Object.keys(summary.suites).length + 2);
    expect(check.rendered).toBe(check.expected);
    for (const id of ['passk', 'cost', 'metrics-0', 'metrics-1'])
      expect(check.inked[id]).toBeGreaterThan(500);
  }, 120_000);
});
