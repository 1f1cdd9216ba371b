/**
 * Run-versus-run comparison, paired by task: for each suite both runs scored, each metric's mean
 * on the tasks they share, the difference with its 95% interval, and the tasks that went from
 * passing to failing (regressions) or back (fixes). A metric that moved the wrong way by more than
 * the threshold flags the comparison — what CI gates on.
 */
import type { MetricInfo } from './define-suite.js';
import { meanInterval, type Estimate } from './intervals.js';
import type { ResultRow, RunManifest } from './run-types.js';

/** One metric in both runs. */
export interface MetricDelta {
  readonly metric: string;
  readonly a: number;
  readonly b: number;
  /** b − a, paired over the shared tasks, with its interval. */
  readonly delta: Estimate;
  readonly better: 'higher' | 'lower';
  /** Moved the wrong way by more than the threshold. */
  readonly regressed: boolean;
  readonly improved: boolean;
}

/** A task whose outcome changed. */
export interface TaskDelta {
  readonly taskId: string;
  /** Pass rate over trials in A and in B. */
  readonly a: number;
  readonly b: number;
  /** Metrics that changed, b − a. */
  readonly metrics: Readonly<Record<string, number>>;
}

/** One suite of the comparison. */
export interface SuiteComparison {
  readonly suite: string;
  readonly policyA: string;
  readonly policyB: string;
  /** The data differ (the runs scored different versions of the dataset). */
  readonly datasetChanged: boolean;
  readonly seedChanged: boolean;
  readonly tasksCompared: number;
  readonly metrics: readonly MetricDelta[];
  readonly regressions: readonly TaskDelta[];
  readonly fixes: readonly TaskDelta[];
  readonly regressed: boolean;
}

/** The whole comparison. */
export interface RunComparison {
  readonly a: string;
  readonly b: string;
  readonly threshold: number;
  readonly suites: readonly SuiteComparison[];
  readonly onlyInA: readonly string[];
  readonly onlyInB: readonly string[];
  readonly regressed: boolean;
}

/** A run as the comparison needs it. */
export interface RunData {
  readonly manifest: RunManifest;
  readonly rows: readonly ResultRow[];
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Per task: pass rate and metric means over trials, for the policy under test. */
function byTask(rows: readonly ResultRow[]): Map<string, Map<string, number>> {
  const groups = new Map<string, ResultRow[]>();
  for (const r of rows) {
    if (r.role !== 'policy') continue;
    const list = groups.get(r.taskId) ?? [];
    list.push(r);
    groups.set(r.taskId, list);
  }
  const out = new Map<string, Map<string, number>>();
  for (const [taskId, trials] of groups) {
    const m = new Map<string, number>([['pass', mean(trials.map((t) => (t.pass ? 1 : 0)))]]);
    for (const name of new Set(trials.flatMap((t) => Object.keys(t.metrics)))) {
      const xs = trials
        .map((t) => t.metrics[name])
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      if (xs.length > 0) m.set(name, mean(xs));
    }
    out.set(taskId, m);
  }
  return out;
}

function compareSuite(
  name: string,
  a: RunData,
  b: RunData,
  threshold: number,
  info: Readonly<Record<string, MetricInfo>>,
): SuiteComparison {
  const entryA = a.manifest.suites.find((s) => s.name === name)!;
  const entryB = b.manifest.suites.find((s) => s.name === name)!;
  const ta = byTask(a.rows.filter((r) => r.suite === name));
  const tb = byTask(b.rows.filter((r) => r.suite === name));
  const shared = [...ta.keys()].filter((t) => tb.has(t));
  const names = [...new Set(shared.flatMap((t) => [...ta.get(t)!.keys()]))].sort((x, y) =>
    x === 'pass' ? -1 : y === 'pass' ? 1 : x.localeCompare(y),
  );
  const metrics: MetricDelta[] = [];
  for (const metric of names) {
    const pairs = shared.flatMap((t) => {
      const x = ta.get(t)!.get(metric);
      const y = tb.get(t)!.get(metric);
      return x === undefined || y === undefined ? [] : [[x, y] as const];
    });
    if (pairs.length === 0) continue;
    const better = info[metric]?.better ?? 'higher';
    const delta = meanInterval(pairs.map(([x, y]) => y - x));
    const signed = better === 'higher' ? delta.mean : -delta.mean;
    metrics.push({
      metric,
      a: mean(pairs.map((p) => p[0])),
      b: mean(pairs.map((p) => p[1])),
      delta,
      better,
      regressed: signed < -threshold,
      improved: signed > threshold,
    });
  }
  const changed = (t: string): TaskDelta => {
    const x = ta.get(t)!;
    const y = tb.get(t)!;
    const moved: Record<string, number> = {};
    for (const [k, v] of y) {
      const old = x.get(k);
      if (k !== 'pass' && old !== undefined && Math.abs(v - old) > 1e-12) moved[k] = v - old;
    }
    return { taskId: t, a: x.get('pass') ?? 0, b: y.get('pass') ?? 0, metrics: moved };
  };
  const regressions = shared
    .filter((t) => (tb.get(t)!.get('pass') ?? 0) < (ta.get(t)!.get('pass') ?? 0))
    .map(changed);
  const fixes = shared
    .filter((t) => (tb.get(t)!.get('pass') ?? 0) > (ta.get(t)!.get('pass') ?? 0))
    .map(changed);
  return {
    suite: name,
    policyA: entryA.policies.find((p) => p.role === 'policy')?.name ?? '',
    policyB: entryB.policies.find((p) => p.role === 'policy')?.name ?? '',
    datasetChanged: entryA.dataset.hash !== entryB.dataset.hash,
    seedChanged: a.manifest.options.seed !== b.manifest.options.seed,
    tasksCompared: shared.length,
    metrics,
    regressions,
    fixes,
    regressed: metrics.some((m) => m.regressed),
  };
}

/**
 * Compares run B against run A (the reference).
 *
 * @param options.threshold How far a metric (or the pass rate) may move the wrong way before the
 *   comparison counts as a regression; absolute, in the metric's units. Default 0.01.
 * @example
 * ```ts
 * const c = compareRuns({ manifest: a.manifest(), rows: a.rows() }, { manifest: b.manifest(), rows: b.rows() });
 * if (c.regressed) process.exitCode = 1;
 * ```
 */
export function compareRuns(a: RunData, b: RunData, options: { threshold?: number } = {}): RunComparison {
  const threshold = options.threshold ?? 0.01;
  const namesA = a.manifest.suites.map((s) => s.name);
  const namesB = new Set(b.manifest.suites.map((s) => s.name));
  const suites = namesA
    .filter((n) => namesB.has(n))
    .map((n) =>
      compareSuite(n, a, b, threshold, {
        ...a.manifest.suites.find((s) => s.name === n)!.metrics,
        ...b.manifest.suites.find((s) => s.name === n)!.metrics,
      }),
    );
  return {
    a: a.manifest.runId,
    b: b.manifest.runId,
    threshold,
    suites,
    onlyInA: namesA.filter((n) => !namesB.has(n)),
    onlyInB: [...namesB].filter((n) => !namesA.includes(n)),
    regressed: suites.some((s) => s.regressed),
  };
}
