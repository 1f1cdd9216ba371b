import type { TokenUsage } from './types.js';

/** US dollars per one million tokens. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
}

/** A versioned price table: what a money budget and the cost ledger charge. */
export interface PriceTable {
  readonly version: string;
  readonly unit: 'USD per 1M tokens';
  readonly note: string;
  readonly models: Readonly<Record<string, ModelPrice>>;
  /** Charged for a model the table does not list. */
  readonly unknownModel: ModelPrice;
}

/**
 * List prices of OpenAI models (standard tier, uncached input) as published on
 * https://openai.com/api/pricing at the version date. Dated snapshots (`gpt-4o-2024-08-06`) are
 * priced as their family. Unknown models — including self-hosted ones behind vLLM, Ollama or
 * llama.cpp — are charged the deliberately high `unknownModel` price so that a money budget still
 * bites; pass your own table (price 0 for a local server) to `BudgetLedger` to change that.
 */
export const PRICE_TABLE_2025_08: PriceTable = {
  version: '2025-08-15',
  unit: 'USD per 1M tokens',
  note: 'OpenAI list prices, standard tier, uncached input; unknown and self-hosted models use unknownModel (conservative) unless a table overrides them.',
  models: {
    'gpt-5': { input: 1.25, output: 10 },
    'gpt-5-mini': { input: 0.25, output: 2 },
    'gpt-5-nano': { input: 0.05, output: 0.4 },
    'gpt-4.1': { input: 2, output: 8 },
    'gpt-4.1-mini': { input: 0.4, output: 1.6 },
    'gpt-4.1-nano': { input: 0.1, output: 0.4 },
    'gpt-4o': { input: 2.5, output: 10 },
    'gpt-4o-mini': { input: 0.15, output: 0.6 },
    o3: { input: 2, output: 8 },
    'o4-mini': { input: 1.1, output: 4.4 },
  },
  unknownModel: { input: 10, output: 30 },
};

/** The price table in force. */
export const PRICE_TABLE: PriceTable = PRICE_TABLE_2025_08;

/**
 * The price of a model: an exact entry, else the longest entry that prefixes the name followed by
 * `-` (a dated snapshot), else the table's unknown-model price.
 *
 * @example
 * ```ts
 * priceOf('gpt-4o-mini-2024-07-18'); // { input: 0.15, output: 0.6, known: true, matched: 'gpt-4o-mini' }
 * ```
 */
export function priceOf(
  model: string,
  table: PriceTable = PRICE_TABLE,
): ModelPrice & { known: boolean; matched?: string } {
  const exact = table.models[model];
  if (exact) return { ...exact, known: true, matched: model };
  const family = Object.keys(table.models)
    .filter((name) => model.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0];
  const price = family === undefined ? undefined : table.models[family];
  if (family !== undefined && price) return { ...price, known: true, matched: family };
  return { ...table.unknownModel, known: false };
}

/**
 * Dollars a call cost.
 *
 * @example
 * ```ts
 * costOf('gpt-4o', { inputTokens: 1000, outputTokens: 500, totalTokens: 1500 }); // 0.0075
 * ```
 */
export function costOf(
  model: string,
  usage: Pick<TokenUsage, 'inputTokens' | 'outputTokens'>,
  table = PRICE_TABLE,
): number {
  const price = priceOf(model, table);
  return (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
}
