import { systemClock, type TokenUsage } from '../../src/core/index.js';
import { BudgetLedger, type BudgetExceededError, type BudgetLimits, type BudgetUsage } from '../llm/index.js';

/**
 * Budgets of a support thread when none are given: every decision of the thread counts, so a
 * thread gets a run's worth of calls. No wall-time limit, because a conversation mostly waits
 * for the buyer.
 */
export const DEFAULT_SUPPORT_BUDGET = {
  steps: 64,
  tokens: 1_000_000,
  usd: 2,
} as const satisfies BudgetLimits;

/**
 * A view of a run's ledger that books every agent key under one scope: each decision of a thread
 * is its own tool loop (`customer-service/t2.s1`, ...), yet the per-agent limits hold for the
 * thread as a whole, and the run's limits for everything the run does. It keeps no usage of its
 * own; every method goes to `inner`.
 */
class ScopedBudgetLedger extends BudgetLedger {
  constructor(
    private readonly inner: BudgetLedger,
    private readonly scope: string,
  ) {
    super({ clock: systemClock, prices: inner.prices });
  }

  override limitsFor(): { run: BudgetLimits; agent: BudgetLimits } {
    return this.inner.limitsFor(this.scope);
  }

  override check(
    _agent: string,
    next: { promptTokens: number; model: string; live?: boolean },
  ): BudgetExceededError | undefined {
    return this.inner.check(this.scope, next);
  }

  override release(): void {
    this.inner.release(this.scope);
  }

  override charge(_agent: string, model: string, usage: TokenUsage): number {
    return this.inner.charge(this.scope, model, usage);
  }

  override start(): void {
    this.inner.start(this.scope);
  }

  override usage(agent?: string): Readonly<BudgetUsage> {
    return this.inner.usage(agent === undefined ? undefined : this.scope);
  }
}

/**
 * `ledger` with every agent key booked as `scope`.
 *
 * @example
 * ```ts
 * const thread = scopedLedger(runLedger, 'customer-service');
 * await runToolLoop({ agent: 'customer-service/t0.s0', ledger: thread, ... });
 * runLedger.usage('customer-service').steps; // 1
 * ```
 */
export function scopedLedger(ledger: BudgetLedger, scope: string): BudgetLedger {
  return new ScopedBudgetLedger(ledger, scope);
}
