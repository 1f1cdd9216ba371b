import {
  approximateTokens,
  PRICE_TABLE,
  priceOf,
  type ModelResponse,
  type PriceTable,
} from '../../src/core/model/index.js';
import type { JournalLike } from './call-cache.js';

/** What one agent's model calls cost. */
export interface AgentCost {
  readonly agent: string;
  readonly model: string;
  readonly calls: number;
  readonly retries: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly totalTokens: number;
  readonly usd: number;
  /** True when some call's usage was the chars/4 estimate (the server reported none). */
  readonly estimated: boolean;
}

/**
 * What one tool's results cost: they are sent back to the model in every later prompt of the
 * agent, so `promptTokens` = result tokens (chars/4) × the agent's later calls, priced as input.
 */
export interface ToolCost {
  readonly tool: string;
  readonly calls: number;
  readonly errors: number;
  readonly resultTokens: number;
  readonly promptTokens: number;
  readonly usd: number;
}

/** The cost ledger of a run: a projection of its journal. */
export interface CostLedger {
  readonly agents: readonly AgentCost[];
  readonly tools: readonly ToolCost[];
  readonly total: Omit<AgentCost, 'agent' | 'model'>;
}

interface Responded {
  agent: string;
  callIndex: number;
  model: string;
  response: ModelResponse;
  usd: number;
}

interface ToolResult {
  agent: string;
  callIndex: number;
  name: string;
  result?: unknown;
  error?: string;
}

/**
 * The agent a journal key books under: the part before the first `/`. An agent that runs one tool
 * loop per decision keys each loop `agent/<decision>` (`customer-service/t1.s0`); its cost is the
 * agent's. Keys without `/` (the planning agents') are their own agent.
 *
 * @example
 * ```ts
 * costAgentOf('customer-service/t1.s0'); // 'customer-service'
 * ```
 */
export const costAgentOf = (key: string): string => key.split('/', 1)[0] ?? key;

/**
 * Projects a run's journal into its cost ledger: tokens and dollars per agent (from the
 * `llm.model.responded` entries, priced when the call was made, keys grouped by
 * {@link costAgentOf}), per tool (the tokens its results added to later prompts of the same loop,
 * priced with `prices`) and in total. Journals of offline runs give an empty ledger.
 *
 * @example
 * ```ts
 * const ledger = costLedger(journal.entries(runId));
 * ledger.total.usd; // 0.0042
 * ```
 */
export function costLedger(entries: readonly JournalLike[], prices: PriceTable = PRICE_TABLE): CostLedger {
  const responded = entries.filter((e) => e.type === 'llm.model.responded').map((e) => e.data as Responded);
  const retries = entries.filter((e) => e.type === 'llm.model.retry').map((e) => e.data as { agent: string });
  const results = entries.filter((e) => e.type === 'llm.tool.result').map((e) => e.data as ToolResult);

  const agents = new Map<string, AgentCost>();
  for (const r of responded) {
    const agent = costAgentOf(r.agent);
    const prev = agents.get(agent) ?? emptyAgent(agent, r.model);
    const usage = r.response.usage;
    agents.set(agent, {
      ...prev,
      calls: prev.calls + 1,
      inputTokens: prev.inputTokens + usage.inputTokens,
      outputTokens: prev.outputTokens + usage.outputTokens,
      totalTokens: prev.totalTokens + usage.totalTokens,
      usd: prev.usd + r.usd,
      estimated: prev.estimated || usage.estimated === true,
    });
  }
  for (const r of retries) {
    const prev = agents.get(costAgentOf(r.agent));
    if (prev) agents.set(prev.agent, { ...prev, retries: prev.retries + 1 });
  }

  const tools = new Map<string, ToolCost>();
  for (const r of results) {
    const model = agents.get(costAgentOf(r.agent))?.model ?? 'unknown';
    const later = responded.filter((x) => x.agent === r.agent && x.callIndex > r.callIndex).length;
    const resultTokens = approximateTokens(JSON.stringify(r.error ?? r.result ?? null));
    const promptTokens = resultTokens * later;
    const prev = tools.get(r.name) ?? {
      tool: r.name,
      calls: 0,
      errors: 0,
      resultTokens: 0,
      promptTokens: 0,
      usd: 0,
    };
    tools.set(r.name, {
      ...prev,
      calls: prev.calls + 1,
      errors: prev.errors + (r.error === undefined ? 0 : 1),
      resultTokens: prev.resultTokens + resultTokens,
      promptTokens: prev.promptTokens + promptTokens,
      usd: prev.usd + (promptTokens * priceOf(model, prices).input) / 1_000_000,
    });
  }

  const agentList = [...agents.values()];
  const total = agentList.reduce(
    (t, a) => ({
      calls: t.calls + a.calls,
      retries: t.retries + a.retries,
      inputTokens: t.inputTokens + a.inputTokens,
      outputTokens: t.outputTokens + a.outputTokens,
      totalTokens: t.totalTokens + a.totalTokens,
      usd: t.usd + a.usd,
      estimated: t.estimated || a.estimated,
    }),
    { calls: 0, retries: 0, inputTokens: 0, outputTokens: 0, totalTokens: 0, usd: 0, estimated: false },
  );
  return { agents: agentList, tools: [...tools.values()], total };
}

function emptyAgent(agent: string, model: string): AgentCost {
  return {
    agent,
    model,
    calls: 0,
    retries: 0,
    inputTokens: 0,
    outputTokens: 0,
    totalTokens: 0,
    usd: 0,
    estimated: false,
  };
}
