import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { createLodestone, type Lodestone, type PlanResult, type ProgressEvent } from '../app/index.js';
import type { Config, Logger } from '../core/index.js';
import { renderPlan } from './render.js';

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

/** Live progress on a terminal (stderr), nothing otherwise. */
function progressPrinter(enabled: boolean): ((e: ProgressEvent) => void) | undefined {
  if (!enabled) return undefined;
  return (e) => {
    const label = STEP_LABEL[e.step] ?? e.step;
    if (e.type === 'step.started') process.stderr.write(`  … ${label}\n`);
    else if (e.type === 'step.completed')
      process.stderr.write(`  ✓ ${label}${e.replayed ? ' (from journal)' : ` (${e.ms} ms)`}\n`);
    else process.stderr.write(`  ✗ ${label}: ${e.message}\n`);
  };
}

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
    ctx.setCode(error.code === 'INTERNAL' || error.code.endsWith('_ERROR') ? 1 : 2);
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

/** `plan`, `runs`, `show`, `approve`, `reject`. */
export function registerPlanCommands(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description('Turn a one-sentence goal (English or Chinese) into a checked campaign plan.')
    .argument('<goal...>', 'the goal, e.g. "Sell our ceramic tableware, 3000 GBP a day, CPA under 12 GBP"')
    .option('-y, --yes', 'approve the plan without asking')
    .option('--json', 'print the plan as one JSON object (the Plan schema)')
    .addHelpText(
      'after',
      '\nWithout --yes, a terminal asks for approval; elsewhere the run is saved as awaiting approval.\nExit codes: 0 planned or awaiting approval, 2 bad goal or plan rejected by review, 1 fault.',
    )
    .action(async (words: string[], opts: { yes?: boolean; json?: boolean }) => {
      const json = opts.json === true;
      const lodestone = open(ctx);
      try {
        const interactive = !opts.yes && process.stdin.isTTY && process.stderr.isTTY && !json;
        let result = await lodestone.plan(words.join(' '), {
          approve: opts.yes === true,
          ...(process.stderr.isTTY ? { onProgress: progressPrinter(true)! } : {}),
        });
        if (interactive && result.status === 'awaiting_approval' && result.plan) {
          process.stdout.write(`${renderPlan(result.plan)}\n\n`);
          const yes = await ask('Approve this plan? [y/N] ');
          result = await lodestone.decide(result.runId, yes ? 'approved' : 'rejected', { by: 'cli prompt' });
          process.stdout.write(`Run ${result.runId}: ${result.status.replace('_', ' ')}\n`);
          return;
        }
        report(ctx, result, json);
      } finally {
        await lodestone.close();
      }
    });

  program
    .command('runs')
    .description('List recent runs, newest first.')
    .option('-n, --limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(async (opts: { limit: string; json?: boolean }) => {
      const lodestone = open(ctx);
      try {
        const limit = Number.parseInt(opts.limit, 10);
        const runs = lodestone.runs(Number.isFinite(limit) && limit > 0 ? limit : 20);
        if (opts.json) process.stdout.write(`${JSON.stringify(runs)}\n`);
        else if (runs.length === 0) process.stdout.write('No runs yet. Try: lodestone plan "<goal>"\n');
        else
          for (const r of runs)
            process.stdout.write(
              `${r.id}  ${r.status.padEnd(17)} ${r.createdAt.slice(0, 19)}  ${r.title.slice(0, 70)}\n`,
            );
      } finally {
        await lodestone.close();
      }
    });

  program
    .command('show')
    .description('Show one run: its plan (or error) and, with --journal, its journal entries.')
    .argument('<run>', 'run id, as printed by plan or runs')
    .option('--json', 'print JSON: { run, plan?, error?, entries? }')
    .option('--journal', 'include the journal entries')
    .action(async (runId: string, opts: { json?: boolean; journal?: boolean }) => {
      const lodestone = open(ctx);
      try {
        const view = lodestone.show(runId);
        if (opts.json) {
          const { entries: _entries, ...rest } = view;
          process.stdout.write(`${JSON.stringify(opts.journal ? view : rest)}\n`);
          return;
        }
        process.stdout.write(`${view.run.id}  ${view.run.status}  created ${view.run.createdAt}\n`);
        if (view.plan) process.stdout.write(`\n${renderPlan(view.plan)}\n`);
        if (view.error) process.stdout.write(`\nFailed: ${view.error.message}\n`);
        if (opts.journal) {
          process.stdout.write('\nJOURNAL\n');
          for (const e of view.entries) process.stdout.write(`  #${e.seq} ${e.at} ${e.type}\n`);
        }
      } finally {
        await lodestone.close();
      }
    });

  for (const decision of ['approve', 'reject'] as const) {
    program
      .command(decision)
      .description(`${decision === 'approve' ? 'Approve' : 'Reject'} a plan that awaits approval.`)
      .argument('<run>', 'run id')
      .option('--reason <text>', 'why (kept in the journal)')
      .option('--json', 'print the plan as JSON')
      .action(async (runId: string, opts: { reason?: string; json?: boolean }) => {
        const lodestone = open(ctx);
        try {
          const result = await lodestone.decide(runId, decision === 'approve' ? 'approved' : 'rejected', {
            by: 'cli',
            ...(opts.reason === undefined ? {} : { reason: opts.reason }),
          });
          if (opts.json) process.stdout.write(`${JSON.stringify(result.plan ?? result)}\n`);
          else process.stdout.write(`Run ${result.runId}: ${result.status.replace('_', ' ')}\n`);
        } finally {
          await lodestone.close();
        }
      });
  }
}
