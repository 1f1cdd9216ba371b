import type { CostLedger } from '../../agents/llm/index.js';

const int = (n: number) => n.toLocaleString('en-GB');
const usd = (n: number) => `$${n.toFixed(n > 0 && n < 0.01 ? 6 : 4)}`;

/**
 * A run's cost ledger as text: one line per agent (calls, retries, tokens in/out, dollars), one
 * per tool (calls, the tokens its results added to later prompts, their share of the dollars),
 * and the total.
 *
 * @example
 * ```ts
 * process.stdout.write(renderCost(lodestone.cost(runId)));
 * ```
 */
export function renderCost(ledger: CostLedger): string {
  if (ledger.agents.length === 0) return 'COST\n  No model calls: the run is offline (0 tokens, $0).\n';
  const out: string[] = ['COST (from the journal)', '  per agent'];
  out.push(
    `    ${'agent'.padEnd(20)} ${'model'.padEnd(22)} ${'calls'.padStart(5)} ${'retries'.padStart(7)} ${'input'.padStart(9)} ${'output'.padStart(8)} ${'tokens'.padStart(9)} ${'USD'.padStart(11)}`,
  );
  for (const a of ledger.agents)
    out.push(
      `    ${a.agent.padEnd(20)} ${a.model.slice(0, 22).padEnd(22)} ${String(a.calls).padStart(5)} ${String(a.retries).padStart(7)} ${int(a.inputTokens).padStart(9)} ${int(a.outputTokens).padStart(8)} ${int(a.totalTokens).padStart(9)} ${usd(a.usd).padStart(11)}${a.estimated ? ' (est.)' : ''}`,
    );
  out.push('  per tool (tokens its results added to later prompts; priced as input)');
  out.push(
    `    ${'tool'.padEnd(26)} ${'calls'.padStart(5)} ${'errors'.padStart(6)} ${'result'.padStart(8)} ${'prompt'.padStart(9)} ${'USD'.padStart(11)}`,
  );
  for (const t of ledger.tools)
    out.push(
      `    ${t.tool.padEnd(26)} ${String(t.calls).padStart(5)} ${String(t.errors).padStart(6)} ${int(t.resultTokens).padStart(8)} ${int(t.promptTokens).padStart(9)} ${usd(t.usd).padStart(11)}`,
    );
  const t = ledger.total;
  out.push(
    `  total: ${t.calls} model calls, ${t.retries} retries, ${int(t.inputTokens)} input + ${int(t.outputTokens)} output = ${int(t.totalTokens)} tokens, ${usd(t.usd)}${t.estimated ? ' (some usage estimated)' : ''}`,
  );
  return `${out.join('\n')}\n`;
}
