/**
 * One self-contained HTML file per run: the Markdown tables rendered as HTML, and charts drawn by
 * Chart.js, whose UMD bundle is read from node_modules and inlined (no network, opens from disk or
 * as a CI artefact). Charts: per suite, the policy against the baseline on every metric with 95%
 * whiskers; across suites, pass^k over k; and cost and time per trial. Once drawn, the page marks
 * `<body data-charts-rendered="n" data-charts-expected="m">` after checking each canvas has pixels —
 * what the headless-browser test reads.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DataError } from '../../src/core/index.js';
import type { ResultRow, RunSummary, SuiteSummary } from '../harness/index.js';
import { formatEstimate, metricOrder } from './markdown.js';

/** The Chart.js UMD bundle, read once. */
let chartJs: string | undefined;
function chartBundle(): string {
  if (chartJs !== undefined) return chartJs;
  try {
    const main = createRequire(import.meta.url).resolve('chart.js');
    chartJs = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
  } catch (cause) {
    throw new DataError(
      'Cannot read the Chart.js bundle (node_modules/chart.js/dist/chart.umd.min.js); run npm ci.',
      {
        cause,
      },
    );
  }
  return chartJs;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** What the page's script draws, computed here so the script stays small. */
interface ChartData {
  suites: {
    name: string;
    metrics: string[];
    policy: { name: string; mean: number[]; low: number[]; high: number[] };
    baseline?: { name: string; mean: number[]; low: number[]; high: number[] };
  }[];
  passHatK: { suite: string; values: number[] }[];
  k: number[];
  cost: { suite: string; usd: number; tokens: number; msPerTrial: number }[];
}

function series(suite: SuiteSummary, which: 'policy' | 'baseline', metrics: readonly string[]) {
  const p = suite[which];
  if (!p) return undefined;
  const pick = (m: string) => (m === 'pass rate' ? p.passRate : p.metrics[m]);
  return {
    name: p.name,
    mean: metrics.map((m) => pick(m)?.mean ?? 0),
    low: metrics.map((m) => pick(m)?.low ?? 0),
    high: metrics.map((m) => pick(m)?.high ?? 0),
  };
}

function chartData(summary: RunSummary, rows: readonly ResultRow[]): ChartData {
  const suites = Object.values(summary.suites);
  const maxK = Math.max(1, ...suites.map((s) => Object.keys(s.policy.passHatK).length));
  return {
    suites: suites.map((s) => {
      const metrics = ['pass rate', ...metricOrder(s)];
      const baseline = series(s, 'baseline', metrics);
      return {
        name: s.name,
        metrics,
        policy: series(s, 'policy', metrics)!,
        ...(baseline ? { baseline } : {}),
      };
    }),
    k: Array.from({ length: maxK }, (_, i) => i + 1),
    passHatK: suites.map((s) => ({ suite: s.name, values: Object.values(s.policy.passHatK) })),
    cost: suites.map((s) => {
      const mine = rows.filter((r) => r.suite === s.name && r.role === 'policy');
      return {
        suite: s.name,
        usd: s.policy.cost.total.usd,
        tokens: s.policy.cost.total.inputTokens + s.policy.cost.total.outputTokens,
        msPerTrial: mine.length === 0 ? 0 : mine.reduce((t, r) => t + r.ms, 0) / mine.length,
      };
    }),
  };
}

function suiteTable(s: SuiteSummary): string {
  const b = s.baseline;
  const row = (name: string, p: string, base: string, delta: string) =>
    `<tr><td>${escapeHtml(name)}</td><td>${p}</td>${b ? `<td>${base}</td><td>${delta}</td>` : ''}</tr>`;
  const d = (m: string) => formatEstimate(s.vsBaseline?.[m]);
  return `<table><thead><tr><th>metric</th><th>${escapeHtml(s.policy.name)}</th>${
    b ? `<th>${escapeHtml(b.name)}</th><th>Δ (paired)</th>` : ''
  }</tr></thead><tbody>${[
    row('pass rate', formatEstimate(s.policy.passRate), formatEstimate(b?.passRate), d('pass')),
    ...metricOrder(s).map((m) =>
      row(m, formatEstimate(s.policy.metrics[m]), formatEstimate(b?.metrics[m]), d(m)),
    ),
  ].join('')}</tbody></table>`;
}

const PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('eval-data').textContent);
  var charts = [];
  var whiskers = {
    id: 'whiskers',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      chart.data.datasets.forEach(function (ds, i) {
        if (!ds.ci) return;
        var meta = chart.getDatasetMeta(i);
        var y = chart.scales.y;
        meta.data.forEach(function (bar, j) {
          var ci = ds.ci[j];
          if (!ci || ci[0] === ci[1]) return;
          ctx.save();
          ctx.strokeStyle = '#222';
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(bar.x, y.getPixelForValue(ci[0]));
          ctx.lineTo(bar.x, y.getPixelForValue(ci[1]));
          ctx.moveTo(bar.x - 4, y.getPixelForValue(ci[0]));
          ctx.lineTo(bar.x + 4, y.getPixelForValue(ci[0]));
          ctx.moveTo(bar.x - 4, y.getPixelForValue(ci[1]));
          ctx.lineTo(bar.x + 4, y.getPixelForValue(ci[1]));
          ctx.stroke();
          ctx.restore();
        });
      });
    }
  };
  var base = { animation: false, responsive: false, plugins: { legend: { position: 'bottom' } } };
  function make(id, config) {
    var el = document.getElementById(id);
    if (el) charts.push({ el: el, chart: new Chart(el, config) });
  }
  function ds(label, s, color) {
    return { label: label, data: s.mean, backgroundColor: color, ci: s.mean.map(function (_, j) { return [s.low[j], s.high[j]]; }) };
  }
  data.suites.forEach(function (s, i) {
    var sets = [ds(s.policy.name, s.policy, '#2f6fdf')];
    if (s.baseline) sets.push(ds(s.baseline.name, s.baseline, '#f0a030'));
    make('metrics-' + i, { type: 'bar', data: { labels: s.metrics, datasets: sets }, options: Object.assign({}, base, { scales: { y: { beginAtZero: true, suggestedMax: 1 } } }), plugins: [whiskers] });
  });
  var palette = ['#2f6fdf', '#f0a030', '#3aa757', '#d33', '#8a4fd8', '#444', '#0aa'];
  make('passk', {
    type: 'line',
    data: {
      labels: data.k.map(function (k) { return 'k=' + k; }),
      datasets: data.passHatK.map(function (p, i) {
        return { label: p.suite, data: p.values, borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], pointRadius: 5 };
      })
    },
    options: Object.assign({}, base, { scales: { y: { min: 0, max: 1, title: { display: true, text: 'pass^k' } } } })
  });
  make('cost', {
    type: 'bar',
    data: {
      labels: data.cost.map(function (c) { return c.suite; }),
      datasets: [
        { label: 'ms per trial', data: data.cost.map(function (c) { return c.msPerTrial; }), backgroundColor: '#3aa757', yAxisID: 'y' },
        { label: 'USD', data: data.cost.map(function (c) { return c.usd; }), backgroundColor: '#d33', yAxisID: 'usd' }
      ]
    },
    options: Object.assign({}, base, { scales: { y: { beginAtZero: true, title: { display: true, text: 'ms per trial' } }, usd: { position: 'right', beginAtZero: true, suggestedMax: 0.01, title: { display: true, text: 'USD' } } } })
  });
  var rendered = 0;
  charts.forEach(function (c) {
    var px = c.el.getContext('2d').getImageData(0, 0, c.el.width, c.el.height).data;
    var inked = 0;
    for (var i = 3; i < px.length; i += 4) if (px[i] > 0) inked++;
    c.el.setAttribute('data-inked-pixels', String(inked));
    if (inked > 500) rendered++;
  });
  document.body.setAttribute('data-charts-expected', String(data.suites.length + 2));
  document.body.setAttribute('data-charts-rendered', String(rendered));
})();
`;

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid #ddd}table{border-collapse:collapse;margin:.8em 0}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;font-variant-numeric:tabular-nums}th{background:#f4f4f4}
code{background:#f4f4f4;padding:0 3px}.meta{color:#555}canvas{margin:.5em 0}pre{white-space:pre-wrap;background:#f8f8f8;padding:.5em}`;

/**
 * Renders a run as one self-contained HTML page.
 *
 * @example
 * ```ts
 * writeFileSync('report.html', renderHtml(summary, run.rows()));
 * ```
 */
export function renderHtml(summary: RunSummary, rows: readonly ResultRow[] = []): string {
  const o = summary.options;
  const suites = Object.values(summary.suites);
  const sections = suites.map((s, i) => {
    const failures = rows.filter(
      (r) => r.suite === s.name && r.role === 'policy' && !r.pass && r.trial === 0,
    );
    return `<section><h2>${escapeHtml(s.name)}</h2><p>${escapeHtml(s.description)}</p>
<p class="meta">dataset <code>${escapeHtml(s.dataset.id)}</code> sha256 <code>${escapeHtml(s.dataset.hash.slice(0, 16))}</code>;
${s.evaluated} of ${s.dataset.size} tasks; seed <code>${escapeHtml(s.seed)}</code>.
Policy <b>${escapeHtml(s.policy.name)}</b>: ${escapeHtml(s.policy.description)}.${
      s.baseline
        ? ` Baseline <b>${escapeHtml(s.baseline.name)}</b>: ${escapeHtml(s.baseline.description)}.`
        : ''
    }</p>
<canvas id="metrics-${i}" width="1000" height="320"></canvas>
${suiteTable(s)}
<p class="meta">cost: ${s.policy.cost.total.calls} calls, ${s.policy.cost.total.inputTokens + s.policy.cost.total.outputTokens} tokens, $${s.policy.cost.total.usd.toFixed(4)}; errors ${s.policy.errors}</p>
${
  failures.length > 0
    ? `<details><summary>${failures.length} failing task${failures.length === 1 ? '' : 's'}</summary><pre>${escapeHtml(
        failures
          .slice(0, 50)
          .map(
            (r) =>
              `${r.taskId}: ${r.error ? `${r.error.code}: ${r.error.message}` : JSON.stringify(r.details ?? r.metrics)}`,
          )
          .join('\n'),
      )}</pre></details>`
    : ''
}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lodestone eval ${escapeHtml(summary.runId)}</title><style>${STYLE}</style></head>
<body>
<h1>Lodestone eval run ${escapeHtml(summary.runId)}</h1>
<p class="meta">Status <b>${escapeHtml(summary.status)}</b>, started ${escapeHtml(summary.createdAt)}. Model <code>${escapeHtml(o.model)}</code>,
seed <code>${escapeHtml(o.seed)}</code>, ${o.trials} trial(s) per task, split <code>${escapeHtml(o.split)}</code>.
Total cost $${summary.cost.usd.toFixed(4)} (${summary.cost.calls} model calls). Whiskers and brackets are 95% intervals over tasks.</p>
<h2>Reliability: pass^k</h2><canvas id="passk" width="1000" height="280"></canvas>
<h2>Cost and time</h2><canvas id="cost" width="1000" height="260"></canvas>
${sections.join('\n')}
<script type="application/json" id="eval-data">${scriptJson(chartData(summary, rows))}</script>
<script>${chartBundle()}</script>
<script>${PAGE_SCRIPT}</script>
</body></html>
`;
}
