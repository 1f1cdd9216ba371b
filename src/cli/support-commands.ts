import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import {
  createInMemoryProductSearch,
  createLlmSupportPolicy,
  DEFAULT_SUPPORT_BUDGET,
  readThreadFile,
  type SupportPolicy,
} from '../../agents/customer-service/index.js';
import { BudgetLedger, type LoopEvent } from '../../agents/llm/index.js';
import { Catalog, loadCatalogData } from '../../tools/catalog/index.js';
import { openSqliteLeadStore } from '../../tools/leads/index.js';
import { createSupportSession, runSupportThread, type SupportDeps } from '../../workflows/index.js';
import { budgetsFromConfig } from '../app/index.js';
import { llmSetup } from '../app/llm-setup.js';
import { createIdGenerator, systemClock } from '../core/index.js';
import type { CliContext } from './plan-commands.js';

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

/**
 * The LLM policy when the config names a model (LODESTONE_MODEL=openai:<model>), else undefined:
 * offline stays the default. The thread's decisions share one ledger, whose limits come from the
 * config over {@link DEFAULT_SUPPORT_BUDGET}. A bad model setting throws a ConfigError here, before
 * any store is opened or any call made.
 */
function llmPolicy(ctx: CliContext): SupportPolicy | undefined {
  const setup = llmSetup({ config: ctx.config });
  if (!setup) return undefined;
  const budgets = budgetsFromConfig(ctx.config, {
    run: DEFAULT_SUPPORT_BUDGET,
    agent: DEFAULT_SUPPORT_BUDGET,
  });
  const log = ctx.logger.child({ component: 'support-llm' });
  return createLlmSupportPolicy({
    model: setup.modelFor('customer-service'),
    modelName: setup.modelName,
    ledger: new BudgetLedger({ clock: systemClock, prices: setup.prices, ...budgets }),
    retry: setup.retry,
    callTimeoutMs: setup.callTimeoutMs,
    onEvent: (event) => {
      if (event.type === 'loop.done' || event.type === 'loop.failed' || event.type === 'loop.reasked')
        log.debug({ event }, event.type);
      llmProgress(event);
    },
  });
}

/** The customer-service agent's dependencies on the embedded defaults. */
function supportDeps(ctx: CliContext, campaign: string | undefined): SupportDeps & { close(): void } {
  const policy = llmPolicy(ctx);
  mkdirSync(ctx.config.dataDir, { recursive: true });
  const leads = openSqliteLeadStore(join(ctx.config.dataDir, 'leads.sqlite'));
  const catalog = new Catalog(loadCatalogData());
  return {
    search: createInMemoryProductSearch(catalog.products),
    leads,
    clock: systemClock,
    ids: createIdGenerator(systemClock),
    logger: ctx.logger.child({ component: 'support' }),
    ...(policy ? { policy } : {}),
    ...(campaign === undefined ? {} : { sourceCampaign: campaign }),
    close: () => leads.close(),
  };
}

/**
 * `support --thread <file>` (batch) and `chat` (interactive): the offline policy by default, the
 * LLM policy when LODESTONE_MODEL names a model.
 */
export function registerSupportCommands(program: Command, ctx: CliContext): void {
  program
    .command('support')
    .description(
      'Answer a buyer\'s thread: one message per line of a JSONL file ({"text": ...} or a string).',
    )
    .requiredOption('--thread <file>', 'the thread file (JSON lines)')
    .option('--campaign <id>', 'the campaign (run id) whose ad brought the buyer')
    .option('--json', 'print { replies, actions, lead?, handoff } as one JSON object')
    .addHelpText(
      'after',
      "\nLLM mode: LODESTONE_MODEL=openai:<model> with OPENAI_BASE_URL / OPENAI_API_KEY; the workflow's guards apply to every call the model proposes.",
    )
    .action(async (opts: { thread: string; campaign?: string; json?: boolean }) => {
      const messages = readThreadFile(opts.thread);
      const deps = supportDeps(ctx, opts.campaign);
      try {
        const result = await runSupportThread(messages, deps);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result)}\n`);
          return;
        }
        messages.forEach((m, i) => {
          process.stdout.write(`buyer: ${m}\n`);
          const reply = result.replies[i];
          if (reply)
            process.stdout.write(
              `agent: ${reply.text}${reply.citations.length ? `  [${reply.citations.join(', ')}]` : ''}\n`,
            );
        });
        if (result.lead) process.stdout.write(`\nLead captured: ${JSON.stringify(result.lead)}\n`);
        if (result.handoff) process.stdout.write(`\nHanded off to a human: ${result.handoffSummary ?? ''}\n`);
      } finally {
        deps.close();
      }
    });

  program
    .command('chat')
    .description('Talk to the customer-service agent as a buyer would (interactive; Ctrl-D to end).')
    .option('--campaign <id>', 'the campaign (run id) whose ad brought the buyer')
    .action(async (opts: { campaign?: string }) => {
      const deps = supportDeps(ctx, opts.campaign);
      const session = createSupportSession(deps);
      const rl = createInterface({
        input: process.stdin,
        output: process.stdout,
        terminal: process.stdin.isTTY,
      });
      try {
        if (process.stdin.isTTY)
          process.stdout.write('Ask about a product, an order or a return. Ctrl-D ends.\n');
        for await (const line of rl) {
          if (line.trim() === '') continue;
          const reply = await session.send(line);
          if (reply)
            process.stdout.write(
              `agent: ${reply.text}${reply.citations.length ? `  [${reply.citations.join(', ')}]` : ''}\n`,
            );
          if (session.done) {
            process.stdout.write('(handed off to a human)\n');
            break;
          }
        }
        const lead = session.result().lead;
        if (lead) process.stdout.write(`Lead captured: ${JSON.stringify(lead)}\n`);
      } finally {
        rl.close();
        session.stop();
        deps.close();
      }
    });
}
