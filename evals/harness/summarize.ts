/**
 * From a run's trials to its figures: per suite and policy, the pass rate, pass^k and pass@k, each
 * metric's mean with a 95% interval over tasks (trials of a task are averaged first, so the interval
 * reflects the task sample, not the repeats), suite-level aggregates, and cost. Rows are sorted
 * first, so the figures do not depend on the order the trials finished in.
 */
import { sumCosts, type Cost, type Usage } from './cost.js';
import type { AnySuite, MetricInfo, ScoredTrial } from './define-suite.js';
import { passCurves } from './estimators.js';
import { meanInterval, type Estimate } from './intervals.js';
import type { PolicyEntry, ResultRow, RunManifest, RunOptions, RunStatus } from './run-types.js';

/** One policy's figures on one suite. */
export interface PolicySummary extends PolicyEntry {
  /** Tasks with at least one recorded trial. */
  readonly tasks: number;
  /** Trials per task (the smallest count, which bounds k). */
  readonly trials: number;
  readonly errors: number;
  readonly passRate: Estimate;
  readonly passHatK: Readonly<Record<string, number>>;
  readonly passAtK: Readonly<Record<string, number>>;
  readonly metrics: Readonly<Record<string, Estimate>>;
  readonly aggregate: Readonly<Record<string, number>>;
  readonly cost: { readonly total: Cost; readonly perTask: Usage };
}

/** One suite's figures. */
export interface SuiteSummary {
  readonly name: string;
  readonly description: string;
  readonly dataset: { readonly id: string; readonly hash: string; readonly size: number };
  /** Tasks asked for (the split, limited). */
  readonly evaluated: number;
  readonly seed: string;
  readonly primaryMetric?: string;
  readonly metricInfo: Readonly<Record<string, MetricInfo>>;
  readonly policy: PolicySummary;
  readonly baseline?: PolicySummary;
  /**
   * Policy minus baseline, paired by task: the mean difference of each metric (and of the pass
   * rate, as `pass`) with its 95% interval. An interval above zero means the policy is better on
   * this sample of tasks, not just on average.
   */
  readonly vsBaseline?: Readonly<Record<string, Estimate>>;
}

/** A run's figures: what `eval run --json` prints and `summary.json` holds. */
export interface RunSummary {
  readonly runId: string;
  readonly createdAt: string;
  readonly status: RunStatus;
  readonly options: RunOptions;
  readonly suites: Readonly<Record<string, SuiteSummary>>;
  readonly cost: Cost;
}

/** Rows in a canonical order: suite, task (dataset order), trial, policy. */
export function sortRows(manifest: RunManifest, rows: readonly ResultRow[]): ResultRow[] {
  const suiteAt = new Map(manifest.suites.map((s, i) => [s.name, i]));
  const taskAt = new Map(manifest.suites.map((s) => [s.name, new Map(s.taskIds.map((t, i) => [t, i]))]));
  const policyAt = (r: ResultRow) => (r.role === 'policy' ? 0 : 1);
  return [...rows].sort(
    (a, b) =>
      (suiteAt.get(a.suite) ?? 0) - (suiteAt.get(b.suite) ?? 0) ||
      (taskAt.get(a.suite)?.get(a.taskId) ?? 0) - (taskAt.get(b.suite)?.get(b.taskId) ?? 0) ||
      a.trial - b.trial ||
      policyAt(a) - policyAt(b) ||
      a.policy.localeCompare(b.policy),
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Per task, the trial mean of each metric and of the pass. */
function taskMeans(rows: readonly ResultRow[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [taskId, trials] of groupBy(rows, (r) => r.taskId)) {
    const values = new Map<string, number>([['pass', mean(trials.map((t) => (t.pass ? 1 : 0)))]]);
    const names = new Set(trials.flatMap((t) => Object.keys(t.metrics)));
    for (const name of names) {
      const xs = trials
        .map((t) => t.metrics[name])
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      if (xs.length > 0) values.set(name, mean(xs));
    }
    out.set(taskId, values);
  }
  return out;
}

/** Paired differences policy − baseline per metric, over the tasks where both have a value. */
function pairedDeltas(
  policy: readonly ResultRow[],
  baseline: readonly ResultRow[],
  info: Readonly<Record<string, MetricInfo>>,
): Record<string, Estimate> {
  const a = taskMeans(policy);
  const b = taskMeans(baseline);
  const deltas = new Map<string, number[]>();
  for (const [taskId, values] of a) {
    const other = b.get(taskId);
    if (!other) continue;
    for (const [name, v] of values) {
      const w = other.get(name);
      if (w === undefined) continue;
      const list = deltas.get(name) ?? [];
      list.push(v - w);
      deltas.set(name, list);
    }
  }
  const span = (name: string): readonly [number, number] | undefined => {
    const r = name === 'pass' ? SHARE : info[name]?.range;
    return r && [r[0] - r[1], r[1] - r[0]];
  };
  return Object.fromEntries(
    [...deltas.keys()].sort().map((name) => [name, meanInterval(deltas.get(name)!, span(name))]),
  );
}

const SHARE: readonly [number, number] = [0, 1];

function summarizePolicy(
  entry: PolicyEntry,
  rows: readonly ResultRow[],
  suite: AnySuite | undefined,
  info: Readonly<Record<string, MetricInfo>>,
): PolicySummary {
  const byTask = groupBy(rows, (r) => r.taskId);
  const counts = [...byTask.values()].map((trials) => ({
    n: trials.length,
    c: trials.filter((t) => t.pass).length,
  }));
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].sort();
  const metrics: Record<string, Estimate> = {};
  for (const name of names) {
    const perTask: number[] = [];
    for (const trials of byTask.values()) {
      const values = trials
        .map((t) => t.metrics[name])
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      if (values.length > 0) perTask.push(mean(values));
    }
    metrics[name] = meanInterval(perTask, info[name]?.range);
  }
  const scored: ScoredTrial[] = rows.map((r) => ({
    taskId: r.taskId,
    trial: r.trial,
    score: { pass: r.pass, metrics: r.metrics, ...(r.details === undefined ? {} : { details: r.details }) },
  }));
  const total = sumCosts(rows.map((r) => r.cost));
  const tasks = byTask.size;
  const per = (x: number) => (tasks === 0 ? 0 : x / tasks);
  return {
    ...entry,
    tasks,
    trials: counts.length === 0 ? 0 : Math.min(...counts.map((c) => c.n)),
    errors: rows.filter((r) => r.error !== undefined).length,
    passRate: meanInterval(
      counts.map((c) => c.c / c.n),
      SHARE,
    ),
    ...passCurves(counts),
    metrics,
    aggregate: suite?.aggregate && rows.length > 0 ? suite.aggregate(scored) : {},
    cost: {
      total,
      perTask: {
        calls: per(total.calls),
        cachedCalls: per(total.cachedCalls),
        inputTokens: per(total.inputTokens),
        outputTokens: per(total.outputTokens),
        usd: per(total.usd),
      },
    },
  };
}

/**
 * The figures of a run from its manifest and rows. `suites` supplies the suites' aggregate
 * functions; without them aggregates are left empty.
 *
 * @example
 * ```ts
 * const summary = summarizeRun(run.manifest(), run.rows(), new Map(SUITES.map((s) => [s.name, s])));
 * summary.suites['complements']?.policy.metrics['recall@10']?.mean;
 * ```
 */
export function summarizeRun(
  manifest: RunManifest,
  rows: readonly ResultRow[],
  suites: ReadonlyMap<string, AnySuite> = new Map(),
): RunSummary {
  const sorted = sortRows(manifest, rows);
  const bySuite = groupBy(sorted, (r) => r.suite);
  const out: Record<string, SuiteSummary> = {};
  for (const entry of manifest.suites) {
    const suiteRows = bySuite.get(entry.name) ?? [];
    const byPolicy = groupBy(suiteRows, (r) => r.policy);
    const summarize = (p: PolicyEntry) =>
      summarizePolicy(p, byPolicy.get(p.name) ?? [], suites.get(entry.name), entry.metrics);
    const policy = entry.policies.find((p) => p.role === 'policy');
    const baseline = entry.policies.find((p) => p.role === 'baseline');
    if (!policy) continue;
    out[entry.name] = {
      name: entry.name,
      description: entry.description,
      dataset: entry.dataset,
      evaluated: entry.taskIds.length,
      seed: manifest.options.seed,
      ...(entry.primaryMetric === undefined ? {} : { primaryMetric: entry.primaryMetric }),
      metricInfo: entry.metrics,
      policy: summarize(policy),
      ...(baseline
        ? {
            baseline: summarize(baseline),
            vsBaseline: pairedDeltas(
              byPolicy.get(policy.name) ?? [],
              byPolicy.get(baseline.name) ?? [],
              entry.metrics,
            ),
          }
        : {}),
    };
  }
  return {
    runId: manifest.runId,
    createdAt: manifest.createdAt,
    status: manifest.status,
    options: manifest.options,
    suites: out,
    cost: sumCosts(sorted.map((r) => r.cost)),
  };
}
