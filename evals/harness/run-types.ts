import type { Cost } from './cost.js';
import type { MetricInfo, Split } from './define-suite.js';
import type { CachePolicy } from './model-cache.js';

/** The options a run was started with; a resumed run keeps them. */
export interface RunOptions {
  readonly seed: string;
  readonly trials: number;
  /** Which tasks: the held-out `test` half (default), `train`, or `all`. */
  readonly split: Split | 'all';
  /** At most this many tasks per suite (the first ones, in dataset order). */
  readonly limit?: number;
  /** `offline`, or a model id for the LLM policies. */
  readonly model: string;
  /** How the LLM policies' model calls used the record/replay cache (absent offline). */
  readonly cache?: CachePolicy;
}

/** A policy a suite ran: the one under test, or the baseline it is compared with. */
export interface PolicyEntry {
  readonly name: string;
  readonly role: 'policy' | 'baseline';
  readonly description: string;
}

/** What a run recorded about one of its suites when it started. */
export interface SuiteEntry {
  readonly name: string;
  readonly description: string;
  readonly dataset: { readonly id: string; readonly hash: string; readonly size: number };
  /** Ids of the tasks evaluated, in dataset order. */
  readonly taskIds: readonly string[];
  readonly policies: readonly PolicyEntry[];
  readonly metrics: Readonly<Record<string, MetricInfo>>;
  readonly primaryMetric?: string;
}

export type RunStatus = 'running' | 'interrupted' | 'complete';

/** `manifest.json` of a run directory. */
export interface RunManifest {
  readonly format: 'lodestone.eval-run/1';
  readonly runId: string;
  readonly createdAt: string;
  readonly status: RunStatus;
  readonly options: RunOptions;
  readonly suites: readonly SuiteEntry[];
  readonly environment: { readonly node: string; readonly platform: string };
}

/** An error a trial ended with. Infra errors were retried before landing here. */
export interface TrialError {
  readonly code: string;
  readonly message: string;
  readonly infra: boolean;
}

/** One line of `results.jsonl`: one trial of one policy on one task. */
export interface ResultRow {
  readonly suite: string;
  readonly taskId: string;
  readonly trial: number;
  readonly policy: string;
  readonly role: 'policy' | 'baseline';
  readonly seed: number;
  readonly pass: boolean;
  readonly metrics: Readonly<Record<string, number>>;
  readonly details?: unknown;
  readonly error?: TrialError;
  /** Tries it took (1 unless infrastructure errors were retried). */
  readonly attempts: number;
  readonly cost: Cost;
  /** Wall time of the trial; the only field that differs between identical runs. */
  readonly ms: number;
}

/** The key that makes a row unique within a run (what resume skips). */
export function rowKey(row: Pick<ResultRow, 'suite' | 'taskId' | 'trial' | 'policy'>): string {
  return `${row.suite}\u0000${row.taskId}\u0000${row.trial}\u0000${row.policy}`;
}
