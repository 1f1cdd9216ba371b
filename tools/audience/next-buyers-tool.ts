import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import type { Catalog } from '../catalog/index.js';
import { hasAffinity, rankNextBuyers } from './next-buyer-ranking.js';

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Who buys a product next, as a tool: the customers ranked by the propensity model
 * (`buyerPropensity`, the one the `next-buyer` eval measures) over the catalog's cached purchase
 * index — past buyers included, since many customers re-order — each with the evidence behind
 * the score: whether they bought it already and how often, the similar products they bought, the
 * co-purchase rules their history fires. Optionally restricted to customers in some countries
 * (the ranking is filtered, not refitted).
 *
 * @example
 * ```ts
 * nextBuyersTool(catalog).call({ productId: '22720', limit: 5 }).buyers[0];
 * // { userId: '14156', score: 0.814, pastBuyer: true, invoices: 4,
 * //   similar: [{ productId: '22722', title: 'SET OF 6 SPICE TINS PANTRY DESIGN', similarity: 0.6162 }, ...],
 * //   rules: ['22722->22720', ...] }
 * ```
 */
export function nextBuyersTool(catalog: Catalog) {
  return defineTool({
    name: 'next_buyers',
    description:
      'Customers most likely to buy a product in the next month, best first, with the model\'s calibrated probability (a logistic model of re-orders, recency, frequency, spend, item similarity and co-purchase rules). Past buyers are included and flagged (they often re-order; pastBuyers "exclude" lists only customers who never bought it); each customer carries the evidence behind the score: the similar products they bought and the co-purchase rules their history fires. Also how many customers already bought the product and re-bought it. Cite a customer as user-history with their id, a rule as "<from>-><to>".',
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
      pastBuyers: z
        .enum(['include', 'exclude', 'only'])
        .default('include')
        .describe(
          'include: everyone, ranked; exclude: prospects only (customers who never bought it); only: re-order prospects among past buyers',
        ),
    }),
    output: z.object({
      productId: z.string(),
      title: z.string(),
      customers: z.number().int().describe('Customers ranked (those in the countries, if given)'),
      candidates: z
        .number()
        .int()
        .describe(
          'Ranked customers with any affinity to the product: past buyers, or a fired rule, or a similar purchase; the others are scored on activity alone',
        ),
      buyers: z.array(
        z.object({
          userId: z.string(),
          score: z.number().min(0).max(1).describe('Calibrated probability of buying it in the next month'),
          pastBuyer: z.boolean().describe('Already bought the product (a re-order prospect)'),
          invoices: z.number().int().describe('Invoices on which they bought it; 2 or more = a repeater'),
          similar: z
            .array(
              z.object({
                productId: z.string(),
                title: z.string(),
                similarity: z
                  .number()
                  .describe('Cosine over customers between this product and the target (0-1)'),
              }),
            )
            .describe('Their purchases most like the product, most similar first (at most 3)'),
          rules: z.array(z.string()).describe('Co-purchase rules their history fires into it, as "from->to"'),
        }),
      ),
      pastBuyers: z.number().int().describe('Customers who already bought the product'),
      repeaters: z.number().int().describe('Past buyers who bought it on two or more invoices'),
      pastBuyerIds: z
        .array(z.string())
        .describe('Past buyers likeliest to order again first, up to limit, for user_history'),
    }),
    run: ({ productId, limit, countries, pastBuyers }) => {
      const product = catalog.product(productId);
      const ranked = rankNextBuyers(catalog, productId, countries ? { countries } : {});
      const past = ranked.filter((b) => b.pastBuyer);
      const listed =
        pastBuyers === 'include' ? ranked : pastBuyers === 'only' ? past : ranked.filter((b) => !b.pastBuyer);
      return {
        productId,
        title: product.title,
        customers: ranked.length,
        candidates: ranked.filter(hasAffinity).length,
        buyers: listed.slice(0, limit).map((b) => ({
          userId: b.userId,
          score: round4(b.score),
          pastBuyer: b.pastBuyer,
          invoices: b.invoices,
          similar: b.similar.map((s) => ({
            productId: s.productId,
            title: catalog.find(s.productId)?.title ?? s.productId,
            similarity: round4(s.similarity),
          })),
          rules: b.rules.slice(0, 5).map((r) => `${r.from}->${r.to}`),
        })),
        pastBuyers: past.length,
        repeaters: past.filter((b) => b.invoices >= 2).length,
        pastBuyerIds: past.slice(0, limit).map((b) => b.userId),
      };
    },
  });
}
