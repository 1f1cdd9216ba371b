/**
 * Runs on disk: `<dataDir>/evals/<runId>/` holds `manifest.json` (options, suites, dataset hashes,
 * status), `results.jsonl` (one line per trial, appended as trials finish — what resume reads) and
 * `summary.json` (written when the run completes). Plain JSON so that any tool can read a run.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { NotFoundError } from '../../src/core/index.js';
import { EvalRunError } from './errors.js';
import type { ResultRow, RunManifest } from './run-types.js';
import type { RunSummary } from './summarize.js';

const MANIFEST = 'manifest.json';
const RESULTS = 'results.jsonl';
const SUMMARY = 'summary.json';

function writeJson(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}

/** The files of one run. */
export class RunFiles {
  constructor(readonly dir: string) {}

  get runId(): string {
    return this.manifest().runId;
  }

  manifest(): RunManifest {
    const path = join(this.dir, MANIFEST);
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as RunManifest;
    } catch (cause) {
      throw new EvalRunError(`Cannot read the eval run manifest ${path}: is this an eval run directory?`, {
        cause,
      });
    }
  }

  writeManifest(manifest: RunManifest): void {
    writeJson(join(this.dir, MANIFEST), manifest);
  }

  /** Appends finished trials; each line is written whole, so a crash loses at most the last one. */
  append(rows: readonly ResultRow[]): void {
    if (rows.length === 0) return;
    appendFileSync(join(this.dir, RESULTS), rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }

  /** Every recorded trial. A torn last line (the process died mid-write) is ignored. */
  rows(): ResultRow[] {
    const path = join(this.dir, RESULTS);
    if (!existsSync(path)) return [];
    const lines = readFileSync(path, 'utf8').split('\n');
    const rows: ResultRow[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        rows.push(JSON.parse(line) as ResultRow);
      } catch (cause) {
        if (i < lines.length - 2) throw new EvalRunError(`${path} line ${i + 1} is corrupt`, { cause });
      }
    });
    return rows;
  }

  /** Rewrites the results file (drops a torn last line before a resumed run appends). */
  rewriteRows(rows: readonly ResultRow[]): void {
    const path = join(this.dir, RESULTS);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
    renameSync(tmp, path);
  }

  summary(): RunSummary | undefined {
    const path = join(this.dir, SUMMARY);
    if (!existsSync(path)) return undefined;
    return JSON.parse(readFileSync(path, 'utf8')) as RunSummary;
  }

  writeSummary(summary: RunSummary): void {
    writeJson(join(this.dir, SUMMARY), summary);
  }
}

/**
 * The runs under one root (normally `<dataDir>/evals`).
 *
 * @example
 * ```ts
 * const store = new RunStore(join(config.dataDir, 'evals'));
 * const run = store.open('latest');
 * run.rows().length;
 * ```
 */
export class RunStore {
  constructor(readonly root: string) {}

  /** Creates the directory of a new run and writes its manifest. */
  create(manifest: RunManifest): RunFiles {
    const dir = join(this.root, manifest.runId);
    if (existsSync(join(dir, MANIFEST))) throw new EvalRunError(`Eval run ${manifest.runId} already exists`);
    mkdirSync(dir, { recursive: true });
    const files = new RunFiles(dir);
    files.writeManifest(manifest);
    return files;
  }

  /** Run ids, newest first (ids sort by time). */
  ids(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(this.root, e.name, MANIFEST)))
      .map((e) => e.name)
      .sort()
      .reverse();
  }

  /**
   * A run by id, unique id prefix, `latest`, or the path of a run directory (so runs from another
   * data directory or a CI artefact can be compared).
   */
  open(ref: string): RunFiles {
    const asPath = isAbsolute(ref) || ref.startsWith('.') || ref.includes('/') ? resolve(ref) : undefined;
    if (asPath && existsSync(join(asPath, MANIFEST))) return new RunFiles(asPath);
    const ids = this.ids();
    if (ref === 'latest' && ids[0]) return new RunFiles(join(this.root, ids[0]));
    const exact = ids.find((id) => id === ref);
    const matches = exact ? [exact] : ids.filter((id) => id.startsWith(ref));
    if (matches.length === 1) return new RunFiles(join(this.root, matches[0]!));
    if (matches.length > 1)
      throw new EvalRunError(
        `"${ref}" matches ${matches.length} eval runs (${matches.slice(0, 5).join(', ')}); give more of the id.`,
      );
    throw new NotFoundError('eval run', ref, ids);
  }
}
