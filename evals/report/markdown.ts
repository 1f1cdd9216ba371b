/**
 * The Markdown summary of a run: per suite, the dataset version, each metric of the policy with its
 * 95% interval beside the baseline's and the paired difference, pass^k / pass@k, cost, and the
 * first failing tasks with what went wrong.
 */
import type { Estimate, ResultRow, PolicySummary, RunSummary, SuiteSummary } from '../harness/index.js';

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
/** `0.812 [0.790, 0.834]` */
export function formatEstimate(e: Estimate | undefined): string {
  if (!e || e.n === 0) return '–';
  return e.n > 1 ? `${f3(e.mean)} [${f3(e.low)}, ${f3(e.high)}]` : f3(e.mean);
}
const signed = (e: Estimate | undefined) =>
  !e || e.n === 0 ? '–' : `${e.mean >= 0 ? '+' : ''}${f3(e.mean)} [${f3(e.low)}, ${f3(e.high)}]`;

/** Metric names of a suite in report order: the primary metric, then the rest. */
export function metricOrder(suite: SuiteSummary): string[] {
  const names = Object.keys(suite.policy.metrics).sort();
  const primary = suite.primaryMetric;
  return primary && names.includes(primary) ? [primary, ...names.filter((n) => n !== primary)] : names;
}

function cost(p: PolicySummary): string {
  const c = p.cost.total;
  return `${c.calls} calls (${c.cachedCalls} from cache), ${c.inputTokens + c.outputTokens} tokens, $${c.usd.toFixed(4)}`;
}

function curve(values: Readonly<Record<string, number>>): string {
  return Object.entries(values)
    .map(([k, v]) => `k=${k}: ${f3(v)}`)
    .join(', ');
}

function shortJson(value: unknown, max = 240): string {
  const text = JSON.stringify(value) ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function suiteSection(suite: SuiteSummary, rows: readonly ResultRow[]): string {
  const p = suite.policy;
  const b = suite.baseline;
  const lines = [
    `## ${suite.name}`,
    '',
    suite.description,
    '',
    `- dataset \`${suite.dataset.id}\` sha256 \`${suite.dataset.hash.slice(0, 16)}\`; ${suite.evaluated} of ${suite.dataset.size} tasks; seed ${suite.seed}`,
    `- policy **${p.name}**: ${p.description}`,
    ...(b ? [`- baseline **${b.name}**: ${b.description}`] : []),
    '',
    `| metric | ${p.name} | ${b ? `${b.name} | Δ vs ${b.name} |` : ''}`,
    `|---|---|${b ? '---|---|' : ''}`,
    `| pass rate | ${formatEstimate(p.passRate)} | ${b ? `${formatEstimate(b.passRate)} | ${signed(suite.vsBaseline?.pass)} |` : ''}`,
    ...metricOrder(suite).map(
      (m) =>
        `| ${m} | ${formatEstimate(p.metrics[m])} | ${b ? `${formatEstimate(b.metrics[m])} | ${signed(suite.vsBaseline?.[m])} |` : ''}`,
    ),
    ...Object.entries(p.aggregate).map(
      ([k, v]) => `| ${k} (aggregate) | ${f3(v)} | ${b ? `${f3(b.aggregate[k] ?? NaN)} | |` : ''}`,
    ),
    '',
    `- pass^k: ${curve(p.passHatK)}; pass@k: ${curve(p.passAtK)} (${p.trials} trial${p.trials === 1 ? '' : 's'} per task)`,
    `- cost: ${cost(p)}${b ? `; baseline ${cost(b)}` : ''}`,
    `- errors: ${p.errors}${b ? ` (baseline ${b.errors})` : ''}`,
  ];
  const failures = rows.filter(
    (r) => r.suite === suite.name && r.role === 'policy' && !r.pass && r.trial === 0,
  );
  if (failures.length > 0) {
    lines.push('', `Failing tasks (${failures.length}${failures.length > 12 ? ', first 12' : ''}):`, '');
    for (const r of failures.slice(0, 12))
      lines.push(
        `- \`${r.taskId}\`: ${r.error ? `${r.error.code}: ${r.error.message}` : shortJson(r.details ?? r.metrics)}`,
      );
  }
  return lines.join('\n');
}

/**
 * Renders a run as Markdown.
 *
 * @example
 * ```ts
 * writeFileSync('report.md', renderMarkdown(summary, run.rows()));
 * ```
 */
export function renderMarkdown(summary: RunSummary, rows: readonly ResultRow[] = []): string {
  const o = summary.options;
  const head = [
    `# Lodestone eval run ${summary.runId}`,
    '',
    `Status **${summary.status}**, started ${summary.createdAt}. Model \`${o.model}\`, seed \`${o.seed}\`, ${o.trials} trial${o.trials === 1 ? '' : 's'} per task, split \`${o.split}\`${o.limit === undefined ? '' : `, at most ${o.limit} tasks per suite`}.`,
    `Total cost: ${summary.cost.calls} model calls, ${summary.cost.inputTokens + summary.cost.outputTokens} tokens, $${summary.cost.usd.toFixed(4)}.`,
    'Intervals are 95% t-intervals over tasks (trials of a task averaged first); Δ is paired by task.',
  ];
  return `${[head.join('\n'), ...Object.values(summary.suites).map((s) => suiteSection(s, rows))].join('\n\n')}\n`;
}
