import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import {
  createLodestone,
  openRunJournal,
  SUPPORT_THREAD_KIND,
  type Lodestone,
  type PlanResult,
  type ProgressEvent,
} from '../app/index.js';
import {
  InvalidInputError,
  LodestoneError,
  type Config,
  type Journal,
  type Logger,
  type RunRecord,
} from '../core/index.js';
import { renderCost } from './render-cost.js';
import { renderPlan } from './render.js';
import { replaySupportRunCommand, resumeSupportRunCommand, showSupportRun } from './support-commands.js';

export interface CliContext {
  config: Config;
  logger: Logger;
  setCode(code: number): void;
}

const STEP_LABEL: Readonly<Record<string, string>> = {
  'brief-parser': 'Brief parser reads the goal',
  'creative-analyst': 'Creative analyst studies the products',
  'audience-reasoner': 'Audience reasoner builds segments',
  'bid-strategist': 'Bid strategist sets bids and pacing',
  forecast: 'Forecast of the plan',
  memory: 'Vector memory of products and users (built on the first run)',
};

/** Live progress on a terminal (stderr): steps, and in LLM mode tool calls, retries, re-asks and guards. */
function progressPrinter(): (e: ProgressEvent) => void {
  const calls = new Map<string, number>();
  const write = (line: string) => process.stderr.write(`${line}\n`);
  return (e) => {
    if (e.type === 'llm') {
      const ev = e.event;
      if (ev.type === 'model.responded') calls.set(ev.agent, (calls.get(ev.agent) ?? 0) + 1);
      else if (ev.type === 'tool.called') write(`      → ${ev.name}`);
      else if (ev.type === 'model.retry')
        write(`      ↻ retry ${ev.attempt} after ${ev.kind} (${Math.round(ev.delayMs)} ms)`);
      else if (ev.type === 'loop.reasked') write(`      ↺ asked again (${ev.reason}): ${ev.issues[0] ?? ''}`);
      else if (ev.type === 'tool.refused') write(`      ⊘ refused ${ev.name}`);
      else if (ev.type === 'output.guarded')
        write(`      ⚑ guards corrected ${ev.corrections.length} value(s)`);
      return;
    }
    const label = STEP_LABEL[e.step] ?? e.step;
    if (e.type === 'step.started') write(`  … ${label}`);
    else if (e.type === 'step.completed') {
      const n = calls.get(e.step);
      const llm = n ? `, ${n} model call${n === 1 ? '' : 's'}` : '';
      write(`  ✓ ${label}${e.replayed ? ' (from journal)' : ` (${e.ms} ms${llm})`}`);
    } else write(`  ✗ ${label}: ${e.message}`);
  };
}

const progress = () => (process.stderr.isTTY ? { onProgress: progressPrinter() } : {});

async function ask(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return /^(y|yes|是|好)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Prints a run's result and sets the exit code. */
function report(ctx: CliContext, result: PlanResult, json: boolean): void {
  if (result.status === 'failed') {
    const error = result.error ?? { code: 'INTERNAL', message: 'unknown failure' };
    if (json) process.stdout.write(`${JSON.stringify({ runId: result.runId, error })}\n`);
    else process.stderr.write(`lodestone: ${error.message}\n(run ${result.runId} saved as failed)\n`);
    const typed = result.cause instanceof LodestoneError ? result.cause.exitCode : undefined;
    ctx.setCode(typed ?? (error.code === 'INTERNAL' || error.code.endsWith('_ERROR') ? 1 : 2));
    return;
  }
  const plan = result.plan;
  if (json)
    process.stdout.write(`${JSON.stringify(plan ?? { runId: result.runId, status: result.status })}\n`);
  else if (plan) process.stdout.write(`${renderPlan(plan)}\n`);
  if (!json && result.status === 'awaiting_approval') {
    process.stdout.write(
      `\nSaved as awaiting approval. Approve with: lodestone approve ${result.runId}  (or reject with: lodestone reject ${result.runId})\n`,
    );
  }
  if (result.status === 'rejected' && plan?.approval?.by === 'review') ctx.setCode(2);
}

function open(ctx: CliContext): Lodestone {
  return createLodestone({ config: ctx.config, logger: ctx.logger });
}

/** Runs `fn` on a Lodestone instance and closes it. */
async function withLodestone(ctx: CliContext, fn: (lodestone: Lodestone) => Promise<void>): Promise<void> {
  const lodestone = open(ctx);
  try {
    await fn(lodestone);
  } finally {
    await lodestone.close();
  }
}

/**
 * Runs `fn` on the run journal when `runId` is a support thread run and returns true; false for
 * any other run, unknown ones included (the campaign-launch path then handles or rejects them).
 */
async function asSupportRun(
  ctx: CliContext,
  runId: string,
  fn: (journal: Journal) => void | Promise<void>,
): Promise<boolean> {
  const journal = openRunJournal(ctx.config);
  try {
    if (journal.getRun(runId)?.kind !== SUPPORT_THREAD_KIND) return false;
    await fn(journal);
    return true;
  } finally {
    journal.close();
  }
}

/** Prints runs, one line each (with their kind when several kinds are listed), or as JSON. */
function printRuns(
  runs: readonly RunRecord[],
  options: { json: boolean; empty: string; withKind?: boolean },
): void {
  if (options.json) process.stdout.write(`${JSON.stringify(runs)}\n`);
  else if (runs.length === 0) process.stdout.write(`${options.empty}\n`);
  else
    for (const r of runs)
      process.stdout.write(
        `${r.id}  ${options.withKind ? `${r.kind.padEnd(15)} ` : ''}${r.status.padEnd(17)} ${r.createdAt.slice(0, 19)}  ${r.title.slice(0, 70)}\n`,
      );
}

/** The kinds `runs --kind` lists. */
const RUN_KINDS = ['campaign-launch', SUPPORT_THREAD_KIND, 'all'] as const;

/** `plan`, `runs`, `show`, `approve`, `reject`, `resume`, `replay`. */
export function registerPlanCommands(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description('Turn a one-sentence goal (English or Chinese) into a checked campaign plan.')
    .argument('<goal...>', 'the goal, e.g. "Sell our ceramic tableware, 3000 GBP a day, CPA under 12 GBP"')
    .option('-y, --yes', 'approve the plan without asking')
    .option('--json', 'print the plan as one JSON object (the Plan schema)')
    .addHelpText(
      'after',
      '\nWithout --yes, a terminal asks for approval; elsewhere the run is saved as awaiting approval.\nLLM mode: LODESTONE_MODEL=openai:<model> with OPENAI_BASE_URL / OPENAI_API_KEY.\nExit codes: 0 planned or awaiting approval, 2 bad goal, bad config or plan rejected by review, 1 fault.',
    )
    .action((words: string[], opts: { yes?: boolean; json?: boolean }) =>
      withLodestone(ctx, async (lodestone) => {
        const json = opts.json === true;
        const interactive = !opts.yes && process.stdin.isTTY && process.stderr.isTTY && !json;
        let result = await lodestone.plan(words.join(' '), { approve: opts.yes === true, ...progress() });
        if (interactive && result.status === 'awaiting_approval' && result.plan) {
          process.stdout.write(`${renderPlan(result.plan)}\n\n`);
          const yes = await ask('Approve this plan? [y/N] ');
          result = await lodestone.decide(result.runId, yes ? 'approved' : 'rejected', { by: 'cli prompt' });
          process.stdout.write(`Run ${result.runId}: ${result.status.replace('_', ' ')}\n`);
          return;
        }
        report(ctx, result, json);
      }),
    );

  program
    .command('runs')
    .description('List recent runs, newest first: plan runs, or with --kind support threads or all.')
    .option('-n, --limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .option(
      '--kind <kind>',
      `${RUN_KINDS.join(', ')} (campaign-launch: plan runs; ${SUPPORT_THREAD_KIND}: support --thread runs)`,
      'campaign-launch',
    )
    .action(async (opts: { limit: string; json?: boolean; kind: string }) => {
      const parsed = Number.parseInt(opts.limit, 10);
      const limit = Number.isFinite(parsed) && parsed > 0 ? parsed : 20;
      const json = opts.json === true;
      if (opts.kind === 'campaign-launch') {
        await withLodestone(ctx, (lodestone) =>
          Promise.resolve(
            printRuns(lodestone.runs(limit), { json, empty: 'No runs yet. Try: lodestone plan "<goal>"' }),
          ),
        );
        return;
      }
      if (opts.kind !== SUPPORT_THREAD_KIND && opts.kind !== 'all')
        throw new InvalidInputError('--kind', RUN_KINDS.join(', '), opts.kind);
      const all = opts.kind === 'all';
      const journal = openRunJournal(ctx.config);
      try {
        const runs = journal.listRuns({ limit, ...(all ? {} : { kind: opts.kind }) });
        printRuns(runs, { json, withKind: all, empty: `No ${all ? '' : `${opts.kind} `}runs yet.` });
      } finally {
        journal.close();
      }
    });

  program
    .command('show')
    .description(
      'Show one run: its plan (or error) or support thread, with --journal its journal, with --cost its cost ledger.',
    )
    .argument('<run>', 'run id, as printed by plan or runs')
    .option('--json', 'print JSON: { run, plan? (or result? for a support thread), error?, entries?, cost? }')
    .option('--journal', 'include the journal entries')
    .option('--cost', 'tokens and money per agent, per tool and in total, from the journal')
    .action(async (runId: string, opts: { json?: boolean; journal?: boolean; cost?: boolean }) => {
      if (await asSupportRun(ctx, runId, (journal) => showSupportRun(ctx, journal, runId, opts))) return;
      await withLodestone(ctx, async (lodestone) => {
        const view = lodestone.show(runId);
        const cost = opts.cost ? lodestone.cost(runId) : undefined;
        if (opts.json) {
          const { entries: _entries, ...rest } = view;
          process.stdout.write(
            `${JSON.stringify({ ...(opts.journal ? view : rest), ...(cost ? { cost } : {}) })}\n`,
          );
          return;
        }
        if (cost && !opts.journal) {
          process.stdout.write(`${view.run.id}  ${view.run.status}\n${renderCost(cost)}`);
          return;
        }
        process.stdout.write(`${view.run.id}  ${view.run.status}  created ${view.run.createdAt}\n`);
        if (view.plan) process.stdout.write(`\n${renderPlan(view.plan)}\n`);
        if (view.error) process.stdout.write(`\nFailed: ${view.error.message}\n`);
        if (cost) process.stdout.write(`\n${renderCost(cost)}`);
        if (opts.journal) {
          process.stdout.write('\nJOURNAL\n');
          for (const e of view.entries) process.stdout.write(`  #${e.seq} ${e.at} ${e.type}\n`);
        }
        return Promise.resolve();
      });
    });

  for (const decision of ['approve', 'reject'] as const) {
    program
      .command(decision)
      .description(`${decision === 'approve' ? 'Approve' : 'Reject'} a plan that awaits approval.`)
      .argument('<run>', 'run id')
      .option('--reason <text>', 'why (kept in the journal)')
      .option('--json', 'print the plan as JSON')
      .action((runId: string, opts: { reason?: string; json?: boolean }) =>
        withLodestone(ctx, async (lodestone) => {
          const result = await lodestone.decide(runId, decision === 'approve' ? 'approved' : 'rejected', {
            by: 'cli',
            ...(opts.reason === undefined ? {} : { reason: opts.reason }),
          });
          if (opts.json) process.stdout.write(`${JSON.stringify(result.plan ?? result)}\n`);
          else process.stdout.write(`Run ${result.runId}: ${result.status.replace('_', ' ')}\n`);
        }),
      );
  }

  program
    .command('resume')
    .description(
      'Resume an interrupted or failed run, a plan or a support thread: completed steps, model calls and tool results are taken from its journal, not repeated.',
    )
    .argument('<run>', 'run id (status running or failed)')
    .option(
      '--json',
      'print the plan as one JSON object, or for a support thread { runId, replies, actions, lead?, handoff, error? } as support --thread --json does',
    )
    .addHelpText(
      'after',
      "\nIn LLM mode the model must be the run's (LODESTONE_MODEL); the budgets are today's config, so a plan run stopped by a budget can be resumed with a larger one.\nA support thread is driven again from its journaled messages (support --thread journals them all upfront; a chat thread finishes with the messages typed before it stopped); a lead or coupon it already wrote is not written twice. A resolved or handed-off thread is settled and is not resumed (a thread whose budget ran out was handed to a human).\nExit codes: 0 the run finished (planned, awaiting approval; a thread resolved or handed off), 2 the user's mistake (an unknown run, or one that is settled, driven by another process or run with another model), 1 a fault (the run failed again).",
    )
    .action(async (runId: string, opts: { json?: boolean }) => {
      if (await asSupportRun(ctx, runId, (journal) => resumeSupportRunCommand(ctx, journal, runId, opts)))
        return;
      await withLodestone(ctx, async (lodestone) => {
        report(ctx, await lodestone.resume(runId, progress()), opts.json === true);
      });
    });

  program
    .command('replay')
    .description(
      'Re-run a run from its journal with zero model calls and check that it produces the same plan, or for a support thread the same replies and actions (needs no model endpoint).',
    )
    .argument('<run>', 'run id')
    .option('--json', 'print the replayed plan (or error), or the support thread result, as one JSON object')
    .addHelpText(
      'after',
      '\nExit codes: 0 identical to the journaled run, 1 different or diverged, 2 unknown run.',
    )
    .action(async (runId: string, opts: { json?: boolean }) => {
      if (await asSupportRun(ctx, runId, (journal) => replaySupportRunCommand(ctx, journal, runId, opts)))
        return;
      await withLodestone(ctx, async (lodestone) => {
        const result = await lodestone.replay(runId, progress());
        if (opts.json)
          process.stdout.write(
            `${JSON.stringify(result.plan ?? { runId, status: result.status, error: result.error })}\n`,
          );
        else
          process.stdout.write(
            `Replayed run ${runId} from its journal: ${result.modelCalls} model calls, ${result.replayedCalls} answered from the journal; ${result.status}${result.error ? ` (${result.error.code}: ${result.error.message})` : ''}; ${result.identical ? 'identical to the journaled run' : 'DIFFERENT from the journaled run'}.\n`,
          );
        if (!result.identical) ctx.setCode(1);
      });
    });
}
