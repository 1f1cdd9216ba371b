import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import type { Catalog } from '../catalog/index.js';
import { repeatRate, scoreNextBuyers } from './next-buyers.js';

/**
 * Who buys a product next, as a tool: customers scored by the noisy-or of the co-purchase rules
 * their real histories fire (past buyers of the product excluded), plus how many already bought
 * it and how many re-bought it. Optionally restricted to customers in some countries.
 *
 * @example
 * ```ts
 * nextBuyersTool(catalog).call({ productId: '22720', limit: 5 }).buyers[0];
 * // { userId: '14911', score: 0.71, rules: ['22722->22720', ...] }
 * ```
 */
export function nextBuyersTool(catalog: Catalog) {
  return defineTool({
    name: 'next_buyers',
    description:
      'Customers likely to buy a product next, scored from the co-purchase rules their real purchase histories fire (noisy-or); also how many customers already bought it and re-bought it.',
    input: z.object({
      productId: z
        .string()
        .regex(/^[0-9A-Z]{3,12}$/, 'a catalog stock code such as 22720 or 85123A')
        .describe('Catalog product id (stock code)'),
      limit: z.number().int().min(1).max(50).default(10).describe('How many buyers, best first'),
      countries: z
        .array(z.string().min(1))
        .max(40)
        .optional()
        .describe('Only customers in these countries (as the shop records them, e.g. "United Kingdom")'),
    }),
    output: z.object({
      productId: z.string(),
      title: z.string(),
      candidates: z.number().int().describe('Customers with a score > 0'),
      buyers: z.array(
        z.object({
          userId: z.string(),
          score: z.number().min(0).max(1).describe('Probability of buying next (noisy-or)'),
          rules: z.array(z.string()).describe('Rules their history fired, as "from->to"'),
        }),
      ),
      pastBuyers: z.number().int().describe('Customers who already bought the product'),
      repeaters: z.number().int().describe('Past buyers who bought it on two or more invoices'),
      pastBuyerIds: z.array(z.string()).describe('Some past buyers, for user_history'),
    }),
    run: ({ productId, limit, countries }) => {
      const product = catalog.product(productId);
      const users = countries?.length
        ? catalog.users.filter((u) => countries.includes(u.country))
        : catalog.users;
      const scored = scoreNextBuyers(users, catalog.rulesTo(productId), productId);
      const repeat = repeatRate(users, productId);
      const buyers = catalog.buyersOf(productId);
      return {
        productId,
        title: product.title,
        candidates: scored.length,
        buyers: scored.slice(0, limit).map((b) => ({
          userId: b.userId,
          score: Math.round(b.score * 10_000) / 10_000,
          rules: b.rules.slice(0, 5).map((r) => `${r.from}->${r.to}`),
        })),
        pastBuyers: repeat.buyers,
        repeaters: repeat.repeaters,
        pastBuyerIds: users
          .filter((u) => buyers.has(u.id))
          .slice(0, limit)
          .map((u) => u.id),
      };
    },
  });
}
