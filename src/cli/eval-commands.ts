/**
 * `lodestone eval …`: list suites, run them (seeded, repeated, on worker threads, resumable),
 * compare two runs, and write a run's report. Runs live in `<dataDir>/evals/<runId>/`; with
 * `--model openai:<model>` the suites run their LLM policies, and model calls are recorded in
 * `<dataDir>/evals/cache` so that `--cache replay` reruns them with no network.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import {
  compareRuns,
  getSuites,
  renderHtml,
  renderMarkdown,
  resumeEval,
  RunStore,
  runEval,
  SUITE_REGISTRY,
  summarizeRun,
  formatEstimate,
  metricOrder,
  type CachePolicy,
  type EvalModelSetup,
  type ExecutionOptions,
  type RunComparison,
  type RunFiles,
  type RunOutcome,
  type RunProgress,
  type RunSummary,
  type SuiteSummary,
  type Usage,
} from '../../evals/index.js';
import {
  ConfigError,
  InvalidInputError,
  TRACING_MESSAGE,
  TRACING_VARIABLES,
  type Config,
} from '../core/index.js';
import { MODEL_ID_FORMAT, parseModelId, resolveModelSettings } from '../core/model/index.js';
import type { CliContext } from './plan-commands.js';

let pipeGuarded = false;
/** Writes a line to stdout; a reader that went away (`eval runs | head`) ends the output quietly. */
function out(s: string): void {
  if (!pipeGuarded) {
    pipeGuarded = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidInputError(`--${name}`, 'a whole number of at least 1', value);
  return n;
}

const CACHE_POLICIES: readonly CachePolicy[] = ['off', 'record', 'auto', 'replay'];

function cachePolicy(value: string): CachePolicy {
  if (!(CACHE_POLICIES as readonly string[]).includes(value))
    throw new InvalidInputError('--cache', CACHE_POLICIES.join(', '), value);
  return value as CachePolicy;
}

/**
 * The model setup of a run, checked before any task runs: undefined for `offline`; else a model
 * id in the expected format, and — unless every call is replayed from the cache — an endpoint
 * that can be reached (a key for a remote one) and LangChain tracing off.
 */
function modelSetup(
  ctx: CliContext,
  model: string,
  cache: CachePolicy,
  cacheDir: string | undefined,
): EvalModelSetup | undefined {
  let id: ReturnType<typeof parseModelId>;
  try {
    id = parseModelId(model);
  } catch {
    throw new InvalidInputError('--model', MODEL_ID_FORMAT, model);
  }
  if (id.provider === 'offline') return undefined;
  const config: Config = { ...ctx.config, model };
  if (config.tracing) throw new ConfigError([{ key: TRACING_VARIABLES.join('/'), message: TRACING_MESSAGE }]);
  if (cache !== 'replay') resolveModelSettings(config);
  return {
    config,
    cache,
    cacheDir: cacheDir === undefined ? join(ctx.config.dataDir, 'evals', 'cache') : resolve(cacheDir),
  };
}

function storeFor(ctx: CliContext, dir?: string): RunStore {
  return new RunStore(dir === undefined ? join(ctx.config.dataDir, 'evals') : resolve(dir));
}

/** A progress bar on stderr (terminals only) and Ctrl-C as a clean, resumable stop. */
function liveControls(label: string): { options: ExecutionOptions; stop(): boolean } {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const bar = process.stderr.isTTY
    ? new SingleBar(
        {
          stream: process.stderr,
          format: `${label} [{bar}] {value}/{total} trials | {suite} | failed {failed} | ETA {eta_formatted}`,
          hideCursor: true,
          clearOnComplete: true,
        },
        undefined,
      )
    : undefined;
  let started = false;
  return {
    options: {
      signal: controller.signal,
      onProgress: (p: RunProgress) => {
        if (!bar) return;
        if (!started) {
          bar.start(p.total, p.done - 1, { suite: p.suite, failed: p.failed });
          started = true;
        }
        bar.update(p.done, { suite: p.suite, failed: p.failed });
      },
    },
    stop() {
      bar?.stop();
      process.removeListener('SIGINT', onSigint);
      return controller.signal.aborted;
    },
  };
}

/** `$0.0123 (12 calls: 4 live, 8 cached; 9,870 tokens)`, or `$0.0000 (0 calls)`. */
function costText(c: Usage): string {
  const usd = `$${c.usd.toFixed(4)}`;
  if (c.calls === 0) return `${usd} (0 calls)`;
  const tokens = (c.inputTokens + c.outputTokens).toLocaleString('en');
  return `${usd} (${c.calls} calls: ${c.calls - c.cachedCalls} live, ${c.cachedCalls} cached; ${tokens} tokens)`;
}

function suiteLines(s: SuiteSummary): string[] {
  const b = s.baseline;
  const width = Math.max(10, ...metricOrder(s).map((m) => m.length));
  const line = (name: string, p: string, base: string, delta: string) =>
    `  ${name.padEnd(width)}  ${p.padEnd(24)}${b ? `${base.padEnd(24)}${delta}` : ''}`;
  return [
    `${s.name}  (${s.evaluated}/${s.dataset.size} tasks, dataset ${s.dataset.hash.slice(0, 12)}, seed ${s.seed})`,
    line('metric', s.policy.name, b?.name ?? '', b ? 'Δ paired' : ''),
    line(
      'pass',
      formatEstimate(s.policy.passRate),
      formatEstimate(b?.passRate),
      formatEstimate(s.vsBaseline?.pass),
    ),
    ...metricOrder(s).map((m) =>
      line(
        m,
        formatEstimate(s.policy.metrics[m]),
        formatEstimate(b?.metrics[m]),
        formatEstimate(s.vsBaseline?.[m]),
      ),
    ),
    `  pass^k ${Object.entries(s.policy.passHatK)
      .map(([k, v]) => `${k}:${v.toFixed(3)}`)
      .join(' ')}   cost ${costText(s.policy.cost.total)}   errors ${s.policy.errors}`,
  ];
}

function printOutcome(ctx: CliContext, outcome: RunOutcome, json: boolean, interrupted: boolean): void {
  const { summary, run } = outcome;
  if (json) out(JSON.stringify({ ...summary, dir: run.dir }));
  else {
    for (const s of Object.values(summary.suites)) out(`${suiteLines(s).join('\n')}\n`);
    if (summary.options.model !== 'offline')
      out(
        `Model ${summary.options.model}, cache ${summary.options.cache ?? 'auto'}: ${costText(summary.cost)}`,
      );
    out(`Run ${summary.runId} (${summary.status}) saved in ${run.dir}`);
    if (summary.status === 'complete') out(`Report: lodestone eval report ${summary.runId}`);
  }
  if (interrupted || summary.status !== 'complete') {
    process.stderr.write(`Interrupted: resume with  lodestone eval resume ${summary.runId}\n`);
    ctx.setCode(130);
  }
}

function printComparison(c: RunComparison): void {
  out(`Comparing ${c.b} against ${c.a} (threshold ${c.threshold})`);
  for (const s of c.suites) {
    const notes = [s.datasetChanged && 'DATASET CHANGED', s.seedChanged && 'seed changed']
      .filter(Boolean)
      .join(', ');
    out(`\n${s.suite}: ${s.tasksCompared} shared tasks${notes ? ` (${notes})` : ''}`);
    for (const m of s.metrics) {
      const mark = m.regressed ? '  ✗ REGRESSED' : m.improved ? '  ✓ improved' : '';
      out(
        `  ${m.metric.padEnd(22)} ${m.a.toFixed(3)} → ${m.b.toFixed(3)}  Δ ${formatEstimate(m.delta)}${mark}`,
      );
    }
    if (s.regressions.length > 0)
      out(
        `  ${s.regressions.length} task(s) stopped passing: ${s.regressions
          .slice(0, 10)
          .map((t) => t.taskId)
          .join(', ')}${s.regressions.length > 10 ? ', …' : ''}`,
      );
    if (s.fixes.length > 0) out(`  ${s.fixes.length} task(s) now pass`);
  }
  if (c.onlyInA.length > 0) out(`Only in ${c.a}: ${c.onlyInA.join(', ')}`);
  if (c.onlyInB.length > 0) out(`Only in ${c.b}: ${c.onlyInB.join(', ')}`);
  out(c.regressed ? '\nRegression beyond the threshold.' : '\nNo regression beyond the threshold.');
}

function summaryOf(run: RunFiles): RunSummary {
  return run.summary() ?? summarizeRun(run.manifest(), run.rows(), SUITE_REGISTRY);
}

/** Registers `eval list | run | resume | runs | compare | report` on the program. */
export function registerEvalCommands(program: Command, ctx: CliContext): void {
  const evalCommand = program
    .command('eval')
    .description('Seeded eval suites on real data: run, resume, compare, report.');

  evalCommand
    .command('list')
    .description('List the suites.')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const list = [...SUITE_REGISTRY.values()].map((s) => ({
        name: s.name,
        description: s.description,
        policy: s.runDescription ?? 'offline policy',
        baseline: s.baseline?.name ?? null,
        llm: s.llm !== undefined,
        ...(s.llmUnavailable === undefined ? {} : { llmUnavailable: s.llmUnavailable }),
      }));
      if (opts.json) out(JSON.stringify(list));
      else
        for (const s of list)
          out(
            `${s.name.padEnd(16)} ${s.llm ? '[llm] ' : ''}${s.description}${s.baseline ? `  (baseline: ${s.baseline})` : ''}`,
          );
    });

  evalCommand
    .command('run')
    .description('Run suites (or "all") and store the run under the data directory.')
    .argument('<suites...>', 'suite names, or all')
    .option(
      '--model <model>',
      `offline, or a model for the LLM policies: ${MODEL_ID_FORMAT}`,
      ctx.config.model,
    )
    .option(
      '--cache <policy>',
      'model calls: off, record, auto (replay what is recorded) or replay (no network)',
      'auto',
    )
    .option('--cache-dir <dir>', 'where model calls are recorded (default <dataDir>/evals/cache)')
    .option('--trials <k>', 'trials per task (pass^k for k up to this)', '1')
    .option('--concurrency <n>', 'trials at once, on worker threads when above 1', '1')
    .option('--seed <seed>', 'the run seed; every task and trial seed derives from it', '1')
    .option('--limit <n>', 'at most this many tasks per suite')
    .option('--split <split>', 'train, test or all', 'test')
    .option('--retries <n>', 'retries of a trial after infrastructure errors', '2')
    .option('--out <dir>', 'store the run in <dir>/<runId> instead of <dataDir>/evals')
    .option('--json', 'print the run summary as one JSON object')
    .addHelpText(
      'after',
      '\nExamples:\n  lodestone eval run all --json\n  lodestone eval run complements --trials 3 --concurrency 2\n  lodestone eval run brief-parsing creative --model openai:gpt-4o-mini --limit 10\n  lodestone eval run brief-parsing --model openai:gpt-4o-mini --cache replay   # CI: recorded calls only\nCtrl-C stops cleanly; continue with lodestone eval resume <run>.',
    )
    .action(
      async (
        names: string[],
        opts: {
          model: string;
          cache: string;
          cacheDir?: string;
          trials: string;
          concurrency: string;
          seed: string;
          limit?: string;
          split: string;
          retries: string;
          out?: string;
          json?: boolean;
        },
      ) => {
        if (!['train', 'test', 'all'].includes(opts.split))
          throw new InvalidInputError('--split', 'train, test or all', opts.split);
        const retries = Number(opts.retries);
        if (!Number.isInteger(retries) || retries < 0)
          throw new InvalidInputError('--retries', 'a whole number of at least 0', opts.retries);
        const llm = modelSetup(ctx, opts.model, cachePolicy(opts.cache), opts.cacheDir);
        const suites = getSuites(names);
        const trials = positiveInt('trials', opts.trials, 1);
        const limit = opts.limit === undefined ? undefined : positiveInt('limit', opts.limit, 1);
        const concurrency = positiveInt('concurrency', opts.concurrency, 1);
        const live = liveControls('eval');
        try {
          const outcome = await runEval({
            store: storeFor(ctx, opts.out),
            suites,
            options: {
              seed: opts.seed,
              trials,
              split: opts.split as 'train' | 'test' | 'all',
              model: opts.model,
              ...(limit === undefined ? {} : { limit }),
            },
            concurrency,
            retries,
            ...(llm ? { llm } : {}),
            ...live.options,
          });
          printOutcome(ctx, outcome, opts.json === true, live.stop());
        } finally {
          live.stop();
        }
      },
    );

  evalCommand
    .command('resume')
    .description('Finish an interrupted run: recorded trials are kept, the rest run.')
    .argument('<run>', 'run id, unique prefix, latest, or a run directory')
    .option('--concurrency <n>', 'trials at once', '1')
    .option('--cache <policy>', "model calls: off, record, auto or replay (default: the run's)")
    .option('--cache-dir <dir>', 'where model calls are recorded (default <dataDir>/evals/cache)')
    .option('--json', 'print the run summary as one JSON object')
    .action(
      async (
        ref: string,
        opts: { concurrency: string; cache?: string; cacheDir?: string; json?: boolean },
      ) => {
        const run = storeFor(ctx).open(ref);
        const { options } = run.manifest();
        const cache = cachePolicy(opts.cache ?? options.cache ?? 'auto');
        const llm = modelSetup(ctx, options.model, cache, opts.cacheDir);
        const concurrency = positiveInt('concurrency', opts.concurrency, 1);
        const live = liveControls('resume');
        try {
          const outcome = await resumeEval({
            run,
            registry: SUITE_REGISTRY,
            concurrency,
            ...(llm ? { llm } : {}),
            ...live.options,
          });
          printOutcome(ctx, outcome, opts.json === true, live.stop());
        } finally {
          live.stop();
        }
      },
    );

  evalCommand
    .command('runs')
    .description('List eval runs, newest first.')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const store = storeFor(ctx);
      const runs = store.ids().map((id) => {
        const m = store.open(id).manifest();
        return {
          runId: m.runId,
          status: m.status,
          createdAt: m.createdAt,
          suites: m.suites.map((s) => s.name),
          options: m.options,
        };
      });
      if (opts.json) out(JSON.stringify(runs));
      else if (runs.length === 0) out('No eval runs yet. Try: lodestone eval run all');
      else
        for (const r of runs)
          out(`${r.runId}  ${r.status.padEnd(11)} ${r.createdAt.slice(0, 19)}  ${r.suites.join(', ')}`);
    });

  evalCommand
    .command('compare')
    .description('Compare run B against run A per task; exits 1 when a metric regresses past the threshold.')
    .argument('<runA>', 'the reference run (id, prefix, latest or directory)')
    .argument('<runB>', 'the run to judge')
    .option('--threshold <x>', 'largest tolerated move the wrong way, in metric units', '0.01')
    .option('--json', 'print the comparison as JSON')
    .action((refA: string, refB: string, opts: { threshold: string; json?: boolean }) => {
      const threshold = Number(opts.threshold);
      if (!Number.isFinite(threshold) || threshold < 0)
        throw new InvalidInputError('--threshold', 'a number of at least 0', opts.threshold);
      const store = storeFor(ctx);
      const a = store.open(refA);
      const b = store.open(refB);
      const comparison = compareRuns(
        { manifest: a.manifest(), rows: a.rows() },
        { manifest: b.manifest(), rows: b.rows() },
        { threshold },
      );
      if (opts.json) out(JSON.stringify(comparison));
      else printComparison(comparison);
      if (comparison.regressed) ctx.setCode(1);
    });

  evalCommand
    .command('report')
    .description('Write a run’s report: one self-contained HTML file with charts, and a Markdown summary.')
    .argument('<run>', 'run id, unique prefix, latest, or a run directory')
    .option('--out <dir>', 'where to write report.html and report.md (default: the run directory)')
    .option('--json', 'print the paths as JSON')
    .action((ref: string, opts: { out?: string; json?: boolean }) => {
      const run = storeFor(ctx).open(ref);
      const summary = summaryOf(run);
      const rows = run.rows();
      const dir = opts.out === undefined ? run.dir : resolve(opts.out);
      mkdirSync(dir, { recursive: true });
      const html = join(dir, 'report.html');
      const markdown = join(dir, 'report.md');
      writeFileSync(html, renderHtml(summary, rows));
      writeFileSync(markdown, renderMarkdown(summary, rows));
      if (opts.json) out(JSON.stringify({ runId: summary.runId, html, markdown }));
      else out(`Wrote ${html}\nWrote ${markdown}`);
    });
}
