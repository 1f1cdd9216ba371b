import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import {
  createInMemoryProductSearch,
  readThreadFile,
  type ProductSearch,
} from '../../agents/customer-service/index.js';
import type { LoopEvent } from '../../agents/llm/index.js';
import { Catalog, loadCatalogData } from '../../tools/catalog/index.js';
import { openSqliteLeadStore } from '../../tools/leads/index.js';
import type { SupportDeps, SupportThreadResult } from '../../workflows/index.js';
import {
  openRunJournal,
  replaySupportRun,
  resumeSupportRun,
  runSupportThreadJournaled,
  supportLlmFromConfig,
  supportRunCost,
  supportRunMessages,
  supportRunView,
  type SupportRunResult,
} from '../app/index.js';
import { createIdGenerator, LodestoneError, systemClock, type Journal } from '../core/index.js';
import type { CliContext } from './plan-commands.js';
import { renderCost } from './render-cost.js';

/** Retries and re-asks of LLM mode, on a terminal (stderr). */
function llmProgress(event: LoopEvent): void {
  if (!process.stderr.isTTY) return;
  if (event.type === 'model.retry')
    process.stderr.write(
      `      ↻ retry ${event.attempt} after ${event.kind} (${Math.round(event.delayMs)} ms)\n`,
    );
  else if (event.type === 'loop.reasked')
    process.stderr.write(`      ↺ asked again (${event.reason}): ${event.issues[0] ?? ''}\n`);
}

/** What LLM mode reports as it goes: the end of each decision in the log, retries on a terminal. */
function llmEvents(ctx: CliContext): (event: LoopEvent) => void {
  const log = ctx.logger.child({ component: 'support-llm' });
  return (event) => {
    if (event.type === 'loop.done' || event.type === 'loop.failed' || event.type === 'loop.reasked')
      log.debug({ event }, event.type);
    llmProgress(event);
  };
}

/** The catalogue search of the embedded demo catalog (a thread and its replay use the same). */
function catalogSearch(): ProductSearch {
  return createInMemoryProductSearch(new Catalog(loadCatalogData()).products);
}

/** The customer-service agent's stores on the embedded defaults (the policy is chosen apart). */
function supportDeps(
  ctx: CliContext,
  campaign: string | undefined,
): Omit<SupportDeps, 'policy'> & { close(): void } {
  mkdirSync(ctx.config.dataDir, { recursive: true });
  const leads = openSqliteLeadStore(join(ctx.config.dataDir, 'leads.sqlite'));
  return {
    search: catalogSearch(),
    leads,
    clock: systemClock,
    ids: createIdGenerator(systemClock),
    logger: ctx.logger.child({ component: 'support' }),
    ...(campaign === undefined ? {} : { sourceCampaign: campaign }),
    close: () => leads.close(),
  };
}

/** The thread as text: each buyer message with the agent's reply, the lead and the handoff. */
function renderThread(messages: readonly string[], result: SupportThreadResult): string {
  const out: string[] = [];
  messages.forEach((m, i) => {
    out.push(`buyer: ${m}`);
    const reply = result.replies[i];
    if (reply)
      out.push(`agent: ${reply.text}${reply.citations.length ? `  [${reply.citations.join(', ')}]` : ''}`);
  });
  if (result.lead) out.push('', `Lead captured: ${JSON.stringify(result.lead)}`);
  if (result.handoff) out.push('', `Handed off to a human: ${result.handoffSummary ?? ''}`);
  return `${out.join('\n')}\n`;
}

/** Prints a failed thread (its run saved as failed) and sets the exit code. */
function reportFailure(ctx: CliContext, run: SupportRunResult, json: boolean): void {
  const error = run.error ?? { code: 'INTERNAL', message: 'unknown failure' };
  if (json) process.stdout.write(`${JSON.stringify({ runId: run.runId, error })}\n`);
  else process.stderr.write(`lodestone: ${error.message}\n(run ${run.runId} saved as failed)\n`);
  ctx.setCode(run.cause instanceof LodestoneError ? run.cause.exitCode : 1);
}

/**
 * A thread that ran to a handoff because of a fault (the endpoint down after its retries, a bug)
 * rather than a decision: the buyer was handed off, but the run failed — say so and exit non-zero.
 */
function faultedThread(ctx: CliContext, run: SupportRunResult, json: boolean): void {
  if (run.status !== 'failed') return;
  if (!json) process.stderr.write(`lodestone: ${run.error?.message ?? 'the thread failed'}\n`);
  ctx.setCode(run.cause instanceof LodestoneError ? run.cause.exitCode : 1);
}

/**
 * Prints a thread's outcome — the thread as text (its run id on stderr), or with --json
 * `{ runId, replies, actions, lead?, handoff, error? }` — and sets the exit code: 1 when the run
 * failed. `support --thread` and `resume` print alike.
 */
function reportThreadRun(
  ctx: CliContext,
  messages: readonly string[],
  run: SupportRunResult,
  json: boolean,
): void {
  if (!run.result) return reportFailure(ctx, run, json);
  if (json) {
    const error = run.status === 'failed' ? { error: run.error } : {};
    process.stdout.write(`${JSON.stringify({ runId: run.runId, ...run.result, ...error })}\n`);
  } else {
    process.stdout.write(renderThread(messages, run.result));
    process.stderr.write(
      `(run ${run.runId} saved as ${run.status}: lodestone show ${run.runId} --cost, lodestone replay ${run.runId})\n`,
    );
  }
  faultedThread(ctx, run, json);
}

/**
 * `resume <run>` for a support thread run: drives the interrupted or failed thread to its end
 * (completed model calls answered from the journal) and prints it as `support --thread` does.
 */
export async function resumeSupportRunCommand(
  ctx: CliContext,
  journal: Journal,
  runId: string,
  opts: { json?: boolean },
): Promise<void> {
  // A bad model setting throws a ConfigError here, before any store is opened or any call made.
  const llm = supportLlmFromConfig(ctx.config);
  const deps = supportDeps(ctx, undefined);
  try {
    const run = await resumeSupportRun(runId, { journal, deps, llm, onEvent: llmEvents(ctx) });
    reportThreadRun(ctx, supportRunMessages(supportRunView(journal, runId)), run, opts.json === true);
  } finally {
    deps.close();
  }
}

/**
 * `show <run>` for a support thread run: the thread, or with --cost its cost ledger, with
 * --journal its entries; --json prints `{ run, result?, error?, entries?, cost? }`.
 */
export function showSupportRun(
  ctx: CliContext,
  journal: Journal,
  runId: string,
  opts: { json?: boolean; journal?: boolean; cost?: boolean },
): void {
  const view = supportRunView(journal, runId);
  const cost = opts.cost ? supportRunCost(view, ctx.config) : undefined;
  if (opts.json) {
    const { run, result, error, entries } = view;
    process.stdout.write(
      `${JSON.stringify({ run, ...(result ? { result } : {}), ...(error ? { error } : {}), ...(opts.journal ? { entries } : {}), ...(cost ? { cost } : {}) })}\n`,
    );
    return;
  }
  if (cost && !opts.journal) {
    process.stdout.write(`${view.run.id}  ${view.run.status}\n${renderCost(cost)}`);
    return;
  }
  const { run, started } = view;
  const mode = started.mode === 'llm' ? `LLM ${started.model ?? ''}` : 'offline';
  process.stdout.write(`${run.id}  ${run.status}  created ${run.createdAt}  support thread (${mode})\n\n`);
  if (view.result) process.stdout.write(renderThread(supportRunMessages(view), view.result));
  if (view.error) process.stdout.write(`Failed: ${view.error.message}\n`);
  if (cost) process.stdout.write(`\n${renderCost(cost)}`);
  if (opts.journal) {
    process.stdout.write('\nJOURNAL\n');
    for (const e of view.entries) process.stdout.write(`  #${e.seq} ${e.at} ${e.type}\n`);
  }
}

/**
 * `replay <run>` for a support thread run: prints the replayed result as `support --thread --json`
 * printed it (with --json) or a summary; exit code 1 when it differs from the journaled one.
 */
export async function replaySupportRunCommand(
  ctx: CliContext,
  journal: Journal,
  runId: string,
  opts: { json?: boolean },
): Promise<void> {
  const replay = await replaySupportRun(runId, { journal, config: ctx.config, search: catalogSearch() });
  if (opts.json)
    process.stdout.write(
      `${JSON.stringify(replay.result ? { runId, ...replay.result } : { runId, status: replay.status, error: replay.error })}\n`,
    );
  else
    process.stdout.write(
      `Replayed support thread ${runId} from its journal: ${replay.modelCalls} model calls, ${replay.replayedCalls} answered from the journal; ${replay.status}${replay.error ? ` (${replay.error.code}: ${replay.error.message})` : ''}; ${replay.identical ? 'replies and actions identical to the journaled run' : 'DIFFERENT from the journaled run'}.\n`,
    );
  if (!replay.identical) ctx.setCode(1);
}

/**
 * `support --thread <file>` (batch, journaled as a `support-thread` run) and `chat` (interactive):
 * the offline policy by default, the LLM policy when LODESTONE_MODEL names a model.
 */
export function registerSupportCommands(program: Command, ctx: CliContext): void {
  program
    .command('support')
    .description(
      'Answer a buyer\'s thread: one message per line of a JSONL file ({"text": ...} or a string).',
    )
    .requiredOption('--thread <file>', 'the thread file (JSON lines)')
    .option('--campaign <id>', 'the campaign (run id) whose ad brought the buyer')
    .option('--json', 'print { runId, replies, actions, lead?, handoff } as one JSON object')
    .addHelpText(
      'after',
      "\nThe thread is saved as a run (its id on stderr): lodestone show <run> [--cost], lodestone replay <run>, lodestone runs --kind support-thread. A thread that was interrupted or failed (exit 1) finishes with lodestone resume <run>, its completed model calls taken from the run's journal.\nLLM mode: LODESTONE_MODEL=openai:<model> with OPENAI_BASE_URL / OPENAI_API_KEY; the workflow's guards apply to every call the model proposes.",
    )
    .action(async (opts: { thread: string; campaign?: string; json?: boolean }) => {
      const messages = readThreadFile(opts.thread);
      // A bad model setting throws a ConfigError here, before any store is opened or any call made.
      const llm = supportLlmFromConfig(ctx.config);
      const deps = supportDeps(ctx, opts.campaign);
      const journal = openRunJournal(ctx.config);
      try {
        const run = await runSupportThreadJournaled(messages, {
          journal,
          deps,
          llm,
          onEvent: llmEvents(ctx),
        });
        reportThreadRun(ctx, messages, run, opts.json === true);
      } finally {
        journal.close();
        deps.close();
      }
    });

  program
    .command('chat')
    .description('Talk to the customer-service agent as a buyer would (interactive; Ctrl-D to end).')
    .option('--campaign <id>', 'the campaign (run id) whose ad brought the buyer')
    .addHelpText(
      'after',
      '\nThe conversation is saved as a support-thread run (its id on stderr at the end): lodestone show <run> [--cost], lodestone replay <run>. A conversation that was interrupted or failed can be finished with lodestone resume <run>: it answers the messages the buyer had typed (no new ones are read) and prints the whole thread.',
    )
    .action(async (opts: { campaign?: string }) => {
      // A bad model setting throws a ConfigError here, before any store is opened or any call made.
      const llm = supportLlmFromConfig(ctx.config);
      const deps = supportDeps(ctx, opts.campaign);
      const journal = openRunJournal(ctx.config);
      const rl = createInterface({
        input: process.stdin,
        output: process.stdout,
        terminal: process.stdin.isTTY,
      });
      async function* lines(): AsyncGenerator<string> {
        for await (const line of rl) if (line.trim() !== '') yield line;
      }
      try {
        if (process.stdin.isTTY)
          process.stdout.write('Ask about a product, an order or a return. Ctrl-D ends.\n');
        const run = await runSupportThreadJournaled(lines(), {
          journal,
          deps,
          llm,
          onEvent: llmEvents(ctx),
          onReply: (reply, done) => {
            if (reply)
              process.stdout.write(
                `agent: ${reply.text}${reply.citations.length ? `  [${reply.citations.join(', ')}]` : ''}\n`,
              );
            if (done) process.stdout.write('(handed off to a human)\n');
          },
        });
        if (!run.result) return reportFailure(ctx, run, false);
        faultedThread(ctx, run, false);
        if (run.result.lead) process.stdout.write(`Lead captured: ${JSON.stringify(run.result.lead)}\n`);
        process.stderr.write(
          `(run ${run.runId} saved as ${run.status}: lodestone show ${run.runId} --cost, lodestone replay ${run.runId})\n`,
        );
      } finally {
        rl.close();
        journal.close();
        deps.close();
      }
    });
}
