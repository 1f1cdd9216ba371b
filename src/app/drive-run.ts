import { createActor, waitFor } from 'xstate';
import type { AgentContext } from '../../agents/define-agent.js';
import type { LoopEvent } from '../../agents/llm/index.js';
import type { Catalog } from '../../tools/catalog/index.js';
import { campaignLaunchMachine, type CampaignLaunchEvent } from '../../workflows/index.js';
import type { Clock, Journal, JournalEntry, Logger, Plan, RunStatus } from '../core/index.js';
import { buildPlan, statusOf } from './build-plan.js';
import { launchActors } from './launch-actors.js';
import { createLlmRun, type LlmSetup, type RunBudgets } from './llm-runtime.js';
import type { RunError, RunStarted } from './run-journal.js';
import { serializeError, StepRecorder, type ProgressEvent } from './step-recorder.js';

/** How a run ended (or paused for approval). */
export interface PlanResult {
  runId: string;
  status: RunStatus;
  plan?: Plan;
  /** Set when the run failed: the error, with its code and fields. */
  error?: RunError;
  /** The original error object, for callers that rethrow it. */
  cause?: unknown;
}

/** One drive of the campaign-launch workflow: a new run, a decision, a resume or a replay. */
export interface DriveOptions {
  runId: string;
  started: RunStarted;
  createdAt: string;
  /** Steps already journaled here are not run again. */
  recorded: readonly JournalEntry[];
  /** The entries the LLM call cache answers from. */
  cacheEntries: readonly JournalEntry[];
  /** Decisions to send once the plan awaits approval. */
  events: readonly CampaignLaunchEvent[];
  /** Where the drive appends (the run's journal, or a scratch one for a replay). */
  journal: Journal;
  clock: Clock;
  /** LLM mode; offline when absent. `strict`: every model call must come from the journal. */
  llm?: { setup: LlmSetup; budgets: RunBudgets; strict: boolean };
  onProgress?: ((e: ProgressEvent) => void) | undefined;
}

/** What a drive needs from its Lodestone instance. */
export interface DriveDeps {
  readonly logger: Logger;
  readonly logPrompts: boolean;
  readonly catalog: () => Catalog;
  readonly context: (today: string, onProgress?: (e: ProgressEvent) => void) => Promise<AgentContext>;
}

/**
 * Drives the campaign-launch workflow to a settled state (planned, awaiting approval, rejected or
 * failed) with the real actors — offline or LLM policies — through the step recorder, sends the
 * decisions, and journals the plan snapshot or the failure.
 */
export async function driveRun(deps: DriveDeps, o: DriveOptions): Promise<PlanResult> {
  const { runId, journal, clock } = o;
  const log = deps.logger.child({ component: 'campaign-launch', runId });
  const recorder = new StepRecorder(runId, journal, clock, log, o.onProgress, o.recorded);
  // Opened only when a step actually runs: a run replayed from its journal needs no memory.
  let ctx: Promise<AgentContext> | undefined;
  const context = () => (ctx ??= deps.context(o.started.today, o.onProgress));
  const llm = o.llm
    ? createLlmRun({
        setup: o.llm.setup,
        budgets: o.llm.budgets,
        clock,
        catalog: deps.catalog,
        record: (type, data) => journal.append(runId, type, data, clock.now().toISOString()),
        entries: o.cacheEntries,
        recorded: o.recorded,
        strict: o.llm.strict,
        onEvent: (event) => {
          logEvent(log, event, deps.logPrompts);
          o.onProgress?.({ type: 'llm', runId, event });
        },
      })
    : undefined;
  const machine = campaignLaunchMachine.provide({ actors: launchActors(context, recorder, llm) });
  const actor = createActor(machine, { input: { goal: o.started.goal } });
  actor.start();
  let snapshot = await waitFor(actor, (s) => s.status === 'done' || s.matches('awaitingApproval'), {
    timeout: Infinity,
  });
  for (const event of snapshot.matches('awaitingApproval') ? o.events : []) {
    if (!actor.getSnapshot().matches('awaitingApproval')) break;
    journal.append(runId, event.type, event, event.at);
    actor.send(event);
  }
  snapshot = actor.getSnapshot();
  actor.stop();
  const status = statusOf(snapshot.value);
  const now = clock.now().toISOString();
  if (status === 'running')
    throw new Error(`campaign-launch stopped in state ${JSON.stringify(snapshot.value)}`);
  if (status === 'failed') {
    const error = serializeError(snapshot.context.error);
    journal.append(runId, 'run.failed', { error }, now);
    journal.setStatus(runId, 'failed', now);
    log.info({ code: error.code }, 'run failed');
    return { runId, status, error, cause: snapshot.context.error };
  }
  const plan = buildPlan(runId, status, o.createdAt, snapshot.context, now);
  journal.append(runId, 'plan.snapshot', { plan }, now);
  journal.setStatus(runId, status, now);
  log.info({ status }, 'run settled');
  return { runId, status, ...(plan ? { plan } : {}) };
}

/** Logs model calls at debug (their bodies only with LODESTONE_LOG_PROMPTS), retries, failures and guard corrections at info. */
function logEvent(log: Logger, event: LoopEvent, logPrompts: boolean): void {
  if (event.type === 'model.responded' && !event.replayed) {
    log.debug(
      {
        agent: event.agent,
        callIndex: event.callIndex,
        usage: event.response.usage,
        usd: event.usd,
        ...(logPrompts ? { content: event.response.content, toolCalls: event.response.toolCalls } : {}),
      },
      'model responded',
    );
  } else if (
    event.type === 'model.retry' ||
    event.type === 'loop.failed' ||
    event.type === 'output.guarded'
  ) {
    log.info(event, event.type);
  }
}
