import { z } from 'zod';

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 4217 currency code, e.g. CNY, GBP, USD');

/** An amount of money in one currency. */
export const Money = z.object({
  amount: z.number().positive().finite().describe('Amount in major units (yuan, pounds, dollars)'),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;
