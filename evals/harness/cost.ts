/**
 * Tokens and money. Every trial records what its model calls used, per agent; the harness sums
 * them per task, per suite and per run. Offline policies make no calls, so their cost is zero —
 * still reported, so that an offline and an LLM run line up column for column.
 */

/** What model calls used. `usd` is the nominal price of the calls, replayed ones included. */
export interface Usage {
  readonly calls: number;
  /** Calls answered from the record/replay cache (no money spent now). */
  readonly cachedCalls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly usd: number;
}

/** Usage in total and per agent. */
export interface Cost extends Usage {
  readonly byAgent: Readonly<Record<string, Usage>>;
}

export const ZERO_USAGE: Usage = Object.freeze({
  calls: 0,
  cachedCalls: 0,
  inputTokens: 0,
  outputTokens: 0,
  usd: 0,
});

/** The sum of two usages. */
export function addUsage(a: Usage, b: Usage): Usage {
  return {
    calls: a.calls + b.calls,
    cachedCalls: a.cachedCalls + b.cachedCalls,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    usd: a.usd + b.usd,
  };
}

/** The zero cost. */
export function zeroCost(): Cost {
  return { ...ZERO_USAGE, byAgent: {} };
}

/**
 * The sum of costs, per agent as well as in total.
 *
 * @example
 * ```ts
 * sumCosts(rows.map((r) => r.cost)).usd;
 * ```
 */
export function sumCosts(costs: readonly Cost[]): Cost {
  let total: Usage = ZERO_USAGE;
  const byAgent: Record<string, Usage> = {};
  for (const cost of costs) {
    total = addUsage(total, cost);
    for (const [agent, usage] of Object.entries(cost.byAgent))
      byAgent[agent] = addUsage(byAgent[agent] ?? ZERO_USAGE, usage);
  }
  return { ...total, byAgent };
}

/**
 * Collects the usage of one trial's model calls.
 *
 * @example
 * ```ts
 * const meter = new CostMeter();
 * meter.record('brief-parser', { calls: 1, cachedCalls: 0, inputTokens: 812, outputTokens: 95, usd: 0.0004 });
 * meter.cost().byAgent['brief-parser']?.inputTokens; // 812
 * ```
 */
export class CostMeter {
  readonly #byAgent = new Map<string, Usage>();

  record(agent: string, usage: Usage): void {
    this.#byAgent.set(agent, addUsage(this.#byAgent.get(agent) ?? ZERO_USAGE, usage));
  }

  cost(): Cost {
    const byAgent = Object.fromEntries([...this.#byAgent.entries()].sort(([a], [b]) => a.localeCompare(b)));
    return { ...Object.values(byAgent).reduce(addUsage, ZERO_USAGE), byAgent };
  }
}
