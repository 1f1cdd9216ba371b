import { systemClock, type Clock } from '../../src/core/index.js';
import { DEFAULT_COUPON_POLICY, type CouponPolicy } from '../../tools/leads/index.js';
import { BudgetLedger, loopOptionsOf, runToolLoop, type LlmRunDeps } from '../llm/index.js';
import { DEFAULT_SUPPORT_BUDGET, scopedLedger } from './llm-budget.js';
import { LlmDecision, toPolicyStep } from './llm-decision.js';
import { supportInstructions } from './llm-instructions.js';
import { supportDecisionCheck } from './llm-output-check.js';
import { supportToolCatalog } from './llm-tool-catalog.js';
import { supportMessages } from './llm-transcript.js';
import type { PolicyStep, PolicyView } from './policy-types.js';

/** What the LLM support policy runs with: {@link LlmRunDeps} without tools, and a ledger optional. */
export interface LlmSupportPolicyDeps extends Omit<LlmRunDeps, 'tools' | 'ledger'> {
  /**
   * The run's ledger; per-run and per-agent limits hold across every decision of the thread (the
   * agent scope is `key`). Absent: a ledger of this policy with {@link DEFAULT_SUPPORT_BUDGET}.
   */
  readonly ledger?: BudgetLedger;
  /**
   * The agent name of the thread (journal keys, budget scope, events); default `customer-service`.
   * Give each thread its own when several share a journal, e.g. `customer-service/<thread id>`.
   */
  readonly key?: string;
  /** The coupon bounds the model is told (the issue_coupon tool enforces them). */
  readonly couponPolicy?: CouponPolicy;
  /** Clock of the default ledger. */
  readonly clock?: Clock;
}

/** A `SupportPolicy` that always answers asynchronously (one tool loop per decision). */
export type LlmSupportPolicy = (view: PolicyView) => Promise<PolicyStep>;

/**
 * The journal key of one decision: the thread's key, the buyer turn, and how many tool outcomes
 * that turn already has (which strictly grows between two decisions of a turn). Deterministic, so
 * a journal-based replay finds every decision's responses.
 *
 * @example
 * ```ts
 * decisionKey({ turns: [t0, t1], observations: [{ turn: 1, ... }] }); // 'customer-service/t1.s1'
 * ```
 */
export function decisionKey(view: PolicyView, key = 'customer-service'): string {
  const turn = Math.max(0, view.turns.length - 1);
  const step = view.observations.filter((o) => o.turn === turn).length;
  return `${key}/t${turn}.s${step}`;
}

/**
 * The customer-service agent's LLM policy. Each decision is one tool loop with no tools bound and
 * a structured answer ({@link LlmDecision}: call, reply or handoff) checked by
 * {@link supportDecisionCheck}; the model proposes, the support workflow runs, blocks or puts up
 * for confirmation exactly as for the offline policy. A loop that fails throws its typed error
 * (`BudgetExceededError`, `ModelRefusalError`, `InvalidModelOutputError`, `ModelCallError`, ...),
 * on which the workflow hands the buyer to a human.
 *
 * @example
 * ```ts
 * const policy = createLlmSupportPolicy({ model, ledger, onEvent: journalLoopEvents(record) });
 * const result = await runSupportThread(messages, { ...deps, policy });
 * ```
 */
export function createLlmSupportPolicy(deps: LlmSupportPolicyDeps): LlmSupportPolicy {
  const key = deps.key ?? 'customer-service';
  const coupons = deps.couponPolicy ?? DEFAULT_COUPON_POLICY;
  const catalog = supportToolCatalog({ couponPolicy: coupons });
  const instructions = supportInstructions(catalog, coupons);
  const ledger = scopedLedger(
    deps.ledger ??
      new BudgetLedger({
        clock: deps.clock ?? systemClock,
        run: DEFAULT_SUPPORT_BUDGET,
        agent: DEFAULT_SUPPORT_BUDGET,
      }),
    key,
  );
  return async (view) => {
    const { output } = await runToolLoop({
      ...loopOptionsOf({ ...deps, ledger }),
      agent: decisionKey(view, key),
      output: LlmDecision,
      messages: supportMessages(view, instructions),
      check: supportDecisionCheck(view, catalog),
    });
    return toPolicyStep(output);
  };
}
