import type { Clock } from '../../src/core/index.js';
import { costOf, PRICE_TABLE, type PriceTable, type TokenUsage } from '../../src/core/model/index.js';
import { BudgetExceededError, type BudgetName } from './errors.js';

/** Limits of one scope; an absent limit is unlimited. */
export interface BudgetLimits {
  /** Model calls. */
  readonly steps?: number;
  /** Input plus output tokens. */
  readonly tokens?: number;
  /** US dollars, priced by the ledger's price table. */
  readonly usd?: number;
  /** Milliseconds since the scope's first call, by the injected clock. */
  readonly wallTimeMs?: number;
}

/** What a scope has used. */
export interface BudgetUsage {
  steps: number;
  tokens: number;
  usd: number;
  startedAt: number | undefined;
}

/** Defaults for one agent's loop: a tool loop rarely needs more than a dozen calls. */
export const DEFAULT_AGENT_BUDGET: BudgetLimits = {
  steps: 16,
  tokens: 200_000,
  usd: 0.5,
  wallTimeMs: 180_000,
};
/** Defaults for a whole run (all agents together). */
export const DEFAULT_RUN_BUDGET: BudgetLimits = { steps: 64, tokens: 1_000_000, usd: 2, wallTimeMs: 600_000 };

export interface BudgetLedgerOptions {
  readonly clock: Clock;
  readonly run?: BudgetLimits;
  /** Limits of every agent, unless `agents` names the agent. */
  readonly agent?: BudgetLimits;
  readonly agents?: Readonly<Record<string, BudgetLimits>>;
  readonly prices?: PriceTable;
}

const NAMES: readonly BudgetName[] = ['steps', 'tokens', 'usd', 'wallTimeMs'];

/**
 * The budgets of one run, shared by its agents: checked before every model call, charged after
 * it. A check that fails returns the {@link BudgetExceededError} that ends the agent; the call is
 * never made. Tokens and money are checked against the usage plus the next prompt's estimate.
 *
 * @example
 * ```ts
 * const ledger = new BudgetLedger({ clock, run: { usd: 1 }, agent: { steps: 8 } });
 * ledger.check('audience-reasoner', { promptTokens: 1200, model: 'gpt-4o-mini' }); // undefined: go ahead
 * ledger.charge('audience-reasoner', 'gpt-4o-mini', usage);
 * ```
 */
export class BudgetLedger {
  readonly prices: PriceTable;
  readonly #run: BudgetUsage;
  readonly #agents = new Map<string, BudgetUsage>();
  /** Calls checked and not yet charged or released, per agent: parallel agents count each other's. */
  readonly #inFlight = new Map<string, { tokens: number; usd: number }>();

  constructor(private readonly options: BudgetLedgerOptions) {
    this.prices = options.prices ?? PRICE_TABLE;
    this.#run = { steps: 0, tokens: 0, usd: 0, startedAt: undefined };
  }

  /** The limits that apply to an agent. */
  limitsFor(agent: string): { run: BudgetLimits; agent: BudgetLimits } {
    return {
      run: this.options.run ?? DEFAULT_RUN_BUDGET,
      agent: this.options.agents?.[agent] ?? this.options.agent ?? DEFAULT_AGENT_BUDGET,
    };
  }

  /**
   * The error that forbids the next call, or undefined — in which case the call is counted as in
   * flight until {@link charge} or {@link release}, so that agents running in parallel cannot
   * together pass a run budget. `live: false` (a replayed call) skips the wall-time budget, which
   * a replay cannot reproduce; the others are checked identically so a replay stops exactly where
   * the run stopped.
   */
  check(
    agent: string,
    next: { promptTokens: number; model: string; live?: boolean },
  ): BudgetExceededError | undefined {
    const now = this.options.clock.now().getTime();
    const limits = this.limitsFor(agent);
    const nextUsd = costOf(next.model, { inputTokens: next.promptTokens, outputTokens: 0 }, this.prices);
    this.release(agent);
    const others = [...this.#inFlight.values()];
    const runInFlight = {
      steps: others.length,
      tokens: others.reduce((a, x) => a + x.tokens, 0),
      usd: others.reduce((a, x) => a + x.usd, 0),
      startedAt: undefined,
    };
    const noneInFlight = { steps: 0, tokens: 0, usd: 0, startedAt: undefined };
    for (const [scope, usage, inFlight, limit] of [
      ['run', this.#run, runInFlight, limits.run],
      ['agent', this.#usage(agent), noneInFlight, limits.agent],
    ] as const) {
      const counted = {
        ...usage,
        steps: usage.steps + inFlight.steps,
        tokens: usage.tokens + inFlight.tokens,
        usd: usage.usd + inFlight.usd,
      };
      for (const name of NAMES) {
        const max = limit[name];
        if (max === undefined) continue;
        if (name === 'wallTimeMs' && next.live === false) continue;
        const [used, projected] = this.#measure(name, counted, now, next.promptTokens, nextUsd);
        if (projected > max) {
          return new BudgetExceededError(name, scope, agent, max, used, projected);
        }
      }
    }
    this.#inFlight.set(agent, { tokens: next.promptTokens, usd: nextUsd });
    return undefined;
  }

  /** Forgets an agent's checked call that was never answered (it failed, or will be retried). */
  release(agent: string): void {
    this.#inFlight.delete(agent);
  }

  /** Records a call's usage against the run and the agent; returns its price in dollars. */
  charge(agent: string, model: string, usage: TokenUsage): number {
    this.release(agent);
    const usd = costOf(model, usage, this.prices);
    const now = this.options.clock.now().getTime();
    for (const scope of [this.#run, this.#usage(agent)]) {
      scope.steps += 1;
      scope.tokens += usage.totalTokens;
      scope.usd += usd;
      scope.startedAt ??= now;
    }
    return usd;
  }

  /** Marks the start of an agent's (and the run's) wall time, if not started. */
  start(agent: string): void {
    const now = this.options.clock.now().getTime();
    this.#run.startedAt ??= now;
    this.#usage(agent).startedAt ??= now;
  }

  /** A copy of the usage of the run, or of one agent. */
  usage(agent?: string): Readonly<BudgetUsage> {
    return { ...(agent === undefined ? this.#run : this.#usage(agent)) };
  }

  #usage(agent: string): BudgetUsage {
    let usage = this.#agents.get(agent);
    if (!usage) {
      usage = { steps: 0, tokens: 0, usd: 0, startedAt: undefined };
      this.#agents.set(agent, usage);
    }
    return usage;
  }

  #measure(
    name: BudgetName,
    usage: BudgetUsage,
    now: number,
    promptTokens: number,
    nextUsd: number,
  ): [number, number] {
    switch (name) {
      case 'steps':
        return [usage.steps, usage.steps + 1];
      case 'tokens':
        return [usage.tokens, usage.tokens + promptTokens];
      case 'usd':
        return [usage.usd, usage.usd + nextUsd];
      case 'wallTimeMs': {
        const elapsed = usage.startedAt === undefined ? 0 : now - usage.startedAt;
        return [elapsed, elapsed];
      }
    }
  }
}
