import { InvalidInputError } from '../../src/core/index.js';

/**
 * A versioned table of reference exchange rates: units of each currency per 1 GBP. Planning needs
 * only rough conversions (catalog prices are in GBP, budgets in any currency); the table is
 * static so that plans are reproducible, and its date is printed with every conversion.
 */
export const FX_TABLE = {
  version: '2026-11-01',
  perGbp: { GBP: 1, CNY: 9.3, USD: 1.31, EUR: 1.16, HKD: 10.2, JPY: 198, AUD: 2.0, CAD: 1.8, SGD: 1.7 },
} as const;

export type KnownCurrency = keyof typeof FX_TABLE.perGbp;

export function isKnownCurrency(code: string): code is KnownCurrency {
  return Object.hasOwn(FX_TABLE.perGbp, code);
}

/**
 * Converts an amount between currencies through GBP.
 *
 * @example
 * ```ts
 * convert(10, 'GBP', 'CNY'); // 93
 * ```
 */
export function convert(amount: number, from: string, to: string): number {
  if (from === to) return amount;
  if (!isKnownCurrency(from))
    throw new InvalidInputError('currency', Object.keys(FX_TABLE.perGbp).join('|'), from);
  if (!isKnownCurrency(to))
    throw new InvalidInputError('currency', Object.keys(FX_TABLE.perGbp).join('|'), to);
  return (amount / FX_TABLE.perGbp[from]) * FX_TABLE.perGbp[to];
}
