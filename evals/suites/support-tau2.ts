/**
 * `support-tau2`: τ²-bench's retail tasks (`data/tau2-retail`, the benchmark's own 74/40 train/test
 * split) scored as τ²-bench scores them on the database: a task passes when the agent leaves the
 * store in the gold END STATE — the state its reference actions leave when replayed on a fresh copy
 * of the database (`RetailStore.stateHash()`), whatever path the agent took. pass^k over `--trials`.
 *
 * Offline policy: the customer-service agent (`createSupportSession`, offline policy, the persisted
 * Bitext intent model) on a fresh store, talking with a deterministic simulated buyer built from
 * the task's instruction text (`evals/datasets/tau2-user.ts`); the trial seed varies whether the
 * buyer opens with identity or the request, and which identity it gives. Baseline: an agent that
 * changes nothing — the tasks whose gold end state is the untouched database pass for free.
 *
 * Not scored: τ²'s NL assertions (they need an LLM judge). Reported, not gating: whether the agent
 * said the `communicate_info` strings, the share of gold writes it made, writes the gold does not
 * make, authentication of the right user, handoffs.
 *
 * `--model`: the customer-service agent's LLM policy (`createLlmSupportPolicy`) in the same
 * workflow, against the same simulated buyer and scorer ({@link runTau2Task} with that policy).
 * A decision that fails for the model's own reasons (re-asks exhausted, a refusal, a spent budget)
 * hands the buyer off, as it would in production, and is scored; an infrastructure fault (the
 * endpoint down after retries, a replay-cache miss) stops the trial as an error instead.
 */
import {
  createLlmSupportPolicy,
  createSampleProductSearch,
  DEFAULT_SUPPORT_BUDGET,
  loadOrTrainIntentModel,
  type IntentClassifier,
  type SupportPolicy,
} from '../../agents/customer-service/index.js';
import { BudgetLedger, type LlmRunDeps } from '../../agents/llm/index.js';
import { budgetsFromConfig, pricesFromConfig } from '../../src/app/index.js';
import { fixedClock, sequentialIds, systemClock } from '../../src/core/index.js';
import { openSqliteLeadStore } from '../../tools/leads/index.js';
import { isRetailWriteTool, openRetailStore } from '../../tools/retail/index.js';
import { createSupportSession } from '../../workflows/support-conversation-session.js';
import {
  goldEndState,
  pristineStateHash,
  readTau2Retail,
  writeKey,
  type Tau2Task,
} from '../datasets/tau2-retail.js';
import { simulateUser, userProfile, type EndReason, type Exchange } from '../datasets/tau2-user.js';
import { defineSuite, type TrialContext, shareMetric } from '../harness/index.js';
import { modelAnswerFailure, withEvalLlm } from '../llm/index.js';

/** What a policy left after a simulated conversation on one task. */
export interface Tau2Outcome {
  /** `stateHash()` of the store the agent worked on, after the conversation. */
  readonly endHash: string;
  /** Successful writes, canonical (`writeKey`), in order. */
  readonly writes: readonly string[];
  readonly userId?: string;
  readonly handoff: boolean;
  /** Every agent reply, for the communicate_info check. */
  readonly replies: readonly string[];
  readonly transcript: readonly Exchange[];
  readonly end: EndReason | 'no-op';
}

interface Env {
  readonly classifier: IntentClassifier;
}

/** Agent replies are shortened to this in the recorded transcript. */
const TRANSCRIPT_CHARS = 200;

/**
 * One task: a fresh store, the support workflow with `policy` (offline by default), the simulated
 * buyer of the task's instructions; returns what the store and the thread look like after.
 *
 * @example
 * ```ts
 * const outcome = await runTau2Task(task, { classifier, random: seededRandom(1) });
 * outcome.endHash === goldEndState(task).hash; // passed?
 * ```
 */
export async function runTau2Task(
  task: Tau2Task,
  options: { classifier: IntentClassifier; random: () => number; policy?: SupportPolicy },
): Promise<Tau2Outcome> {
  const store = openRetailStore();
  const leads = openSqliteLeadStore(':memory:');
  const session = createSupportSession({
    search: createSampleProductSearch(),
    leads,
    store,
    clock: fixedClock('2026-11-29T09:00:00Z'),
    ids: sequentialIds(),
    classifier: options.classifier,
    ...(options.policy ? { policy: options.policy } : {}),
  });
  try {
    const conversation = await simulateUser(userProfile(task.instructions), session, options.random);
    // A step that threw handed the buyer off. The model's own failure (no acceptable answer, a
    // spent budget) is an outcome to score; anything else (an endpoint down, a replay-cache miss,
    // a bug) is not, and stops the trial.
    const fault = session.fault;
    if (fault !== undefined && !modelAnswerFailure(fault))
      throw fault instanceof Error ? fault : new Error(JSON.stringify(fault));
    const result = session.result();
    const writes = result.actions
      .filter((a) => a.ok && isRetailWriteTool(a.tool))
      .map((a) => writeKey(a.tool, a.args));
    const attempted = result.actions.some((a) => isRetailWriteTool(a.tool));
    return {
      // No write attempted: the store is the shipped one (read tools return copies).
      endHash: attempted ? store.stateHash() : pristineStateHash(),
      writes,
      handoff: result.handoff,
      replies: result.replies.map((r) => r.text),
      transcript: conversation.transcript.map((e) => ({
        user: e.user,
        ...(e.agent === undefined ? {} : { agent: e.agent.slice(0, TRANSCRIPT_CHARS) }),
      })),
      end: conversation.end,
      ...(result.userId === undefined ? {} : { userId: result.userId }),
    };
  } finally {
    session.stop();
    leads.close();
  }
}

/**
 * The LLM customer-service policy for one τ² trial: the trial's model, retries and record/replay
 * cache, with a thread budget (`DEFAULT_SUPPORT_BUDGET` unless the config sets one).
 */
function llmTau2Policy(ctx: TrialContext<unknown>, deps: LlmRunDeps): SupportPolicy {
  const { tools: _tools, ...loop } = deps;
  const config = ctx.llm?.config;
  const ledger =
    config &&
    new BudgetLedger({
      clock: systemClock,
      prices: pricesFromConfig(config, deps.modelName ?? 'model'),
      ...budgetsFromConfig(config, { run: DEFAULT_SUPPORT_BUDGET, agent: DEFAULT_SUPPORT_BUDGET }),
    });
  return createLlmSupportPolicy({ ...loop, ...(ledger ? { ledger } : {}) });
}

/** τ²'s communicate check: the string appears in an agent reply (commas in numbers ignored). */
function said(info: string, replies: readonly string[]): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/(\d),(\d)/g, '$1$2');
  const wanted = norm(info);
  return replies.some((r) => norm(r).includes(wanted));
}

/**
 * Scores an outcome against the task's gold end state.
 *
 * @example
 * ```ts
 * scoreTau2(task, outcome).pass; // end state is the gold one
 * ```
 */
export function scoreTau2(task: Tau2Task, outcome: Tau2Outcome) {
  const gold = goldEndState(task);
  const success = outcome.endHash === gold.hash ? 1 : 0;
  const goldWrites = new Set(gold.writes);
  const made = new Set(outcome.writes);
  const metrics: Record<string, number> = {
    success,
    wrongWrite: outcome.writes.some((w) => !goldWrites.has(w)) ? 1 : 0,
    handoff: outcome.handoff ? 1 : 0,
  };
  if (gold.writes.length > 0)
    metrics.writeRecall = gold.writes.filter((w) => made.has(w)).length / gold.writes.length;
  if (gold.userId !== undefined) metrics.authenticated = outcome.userId === gold.userId ? 1 : 0;
  if (task.communicateInfo.length > 0) {
    metrics.communicated =
      task.communicateInfo.filter((info) => said(info, outcome.replies)).length / task.communicateInfo.length;
  }
  return {
    pass: success === 1,
    metrics,
    details: {
      end: outcome.end,
      goldWrites: gold.writes,
      writes: outcome.writes,
      ...(outcome.userId === undefined ? {} : { userId: outcome.userId }),
      transcript: outcome.transcript,
    },
  };
}

export const supportTau2 = defineSuite<Tau2Task, Tau2Outcome, Env>({
  name: 'support-tau2',
  module: import.meta.url,
  description:
    'τ²-bench retail tasks with a simulated buyer: the database end state must match the gold replay; pass^k over trials.',
  dataset: () => {
    const { tasks, hash } = readTau2Retail();
    return { id: 'tau2-retail', hash, tasks };
  },
  setup: () => ({ classifier: loadOrTrainIntentModel().classifier }),
  run: (task, { env, random }) => runTau2Task(task, { classifier: env.classifier, random }),
  runDescription:
    'Offline customer-service policy through the support workflow, against a rule-based buyer built from the task instructions',
  llm: (model) => ({
    name: model,
    description: `createLlmSupportPolicy (agents/customer-service) on ${model} through the support workflow, against the same simulated buyer`,
    run: (task, ctx) =>
      withEvalLlm(ctx, [], (deps) =>
        runTau2Task(task, {
          classifier: ctx.env.classifier,
          random: ctx.random,
          policy: llmTau2Policy(ctx, deps),
        }),
      ),
  }),
  baseline: {
    name: 'no-op',
    description: 'Changes nothing: the end state is the shipped database',
    run: () => ({
      endHash: pristineStateHash(),
      writes: [],
      handoff: false,
      replies: [],
      transcript: [],
      end: 'no-op',
    }),
  },
  score: scoreTau2,
  metrics: {
    success: shareMetric('database end state equals the gold replay (τ²-bench DB reward)'),
    writeRecall: shareMetric('share of the gold writes made with the same arguments (tasks with writes)'),
    wrongWrite: shareMetric('made a write the gold trajectory does not make', 'lower'),
    authenticated: shareMetric('verified the task’s own user (tasks whose gold authenticates)'),
    communicated: shareMetric('share of the communicate_info strings said in a reply (not part of pass)'),
    handoff: shareMetric('handed to a human agent (the gold transfers in some tasks)', 'lower'),
  },
  primaryMetric: 'success',
});
