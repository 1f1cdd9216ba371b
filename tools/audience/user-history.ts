import { z } from 'zod';
import { NotFoundError } from '../../src/core/index.js';
import { defineTool } from '../define-tool.js';
import type { Catalog } from '../catalog/index.js';

/**
 * A customer's real purchase history as a tool: country and purchases (newest first, with titles).
 * A reasoning chain cites it as `user-history` with the customer id as ref.
 *
 * @example
 * ```ts
 * userHistoryTool(catalog).call({ userId: '17850' }).purchases[0]; // { productId: '85123A', title: '...', date: '2010-12-01', ... }
 * ```
 */
export function userHistoryTool(catalog: Catalog) {
  return defineTool({
    name: 'user_history',
    description:
      "A real customer's purchase history: country and purchases, newest first. Cite it as user-history with the customer id.",
    input: z.object({
      userId: z
        .string()
        .regex(/^\d{5}$/, 'a 5-digit customer id such as 17850')
        .describe('Customer id'),
      limit: z.number().int().min(1).max(50).default(20).describe('How many purchases, newest first'),
    }),
    output: z.object({
      userId: z.string(),
      country: z.string(),
      totalPurchases: z.number().int(),
      purchases: z.array(
        z.object({
          productId: z.string(),
          title: z.string(),
          date: z.string().describe('YYYY-MM-DD'),
          quantity: z.number().int(),
          invoice: z.string(),
        }),
      ),
    }),
    run: ({ userId, limit }) => {
      const user = catalog.user(userId);
      if (!user)
        throw new NotFoundError(
          'customer',
          userId,
          catalog.users.slice(0, 5).map((u) => u.id),
        );
      const purchases = [...user.purchases]
        .sort((a, b) => b.date.localeCompare(a.date) || a.productId.localeCompare(b.productId))
        .slice(0, limit)
        .map((p) => ({ ...p, title: catalog.find(p.productId)?.title ?? p.productId }));
      return { userId, country: user.country, totalPurchases: user.purchases.length, purchases };
    },
  });
}
