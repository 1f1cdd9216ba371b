import { z } from 'zod';
import { CurrencyCode } from './money.js';

/** A catalog product (the demo catalog is derived from real UCI Online Retail transactions). */
export const Product = z.object({
  id: z.string().min(1).describe('Stock code'),
  title: z.string().min(1),
  price: z.number().nonnegative().describe('Typical unit price (median over sales)'),
  currency: CurrencyCode,
  category: z.string().min(1).describe('Inferred category'),
  orders: z.number().int().nonnegative().describe('Invoices that contained the product'),
  units: z.number().int().nonnegative().describe('Units sold'),
  buyers: z.number().int().nonnegative().describe('Distinct customers who bought it'),
  firstSold: z.string().describe('YYYY-MM-DD'),
  lastSold: z.string().describe('YYYY-MM-DD'),
});
export type Product = z.infer<typeof Product>;

/** One line of a user's purchase history. */
export const Purchase = z.object({
  productId: z.string(),
  date: z.string().describe('YYYY-MM-DD'),
  quantity: z.number().int().positive(),
  invoice: z.string(),
});
export type Purchase = z.infer<typeof Purchase>;

/** A customer with a real purchase history. */
export const UserProfile = z.object({
  id: z.string().min(1),
  country: z.string(),
  purchases: z.array(Purchase),
});
export type UserProfile = z.infer<typeof UserProfile>;

/** A co-purchase association rule mined from real invoices: buyers of `from` also buy `to`. */
export const AssociationRule = z.object({
  from: z.string(),
  to: z.string(),
  count: z.number().int().positive().describe('Invoices with both'),
  support: z.number().min(0).max(1),
  confidence: z.number().min(0).max(1),
  lift: z.number().nonnegative(),
});
export type AssociationRule = z.infer<typeof AssociationRule>;
