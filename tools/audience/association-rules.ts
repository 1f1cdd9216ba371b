import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import type { Catalog } from '../catalog/index.js';

const CatalogId = z
  .string()
  .regex(/^[0-9A-Z]{3,12}$/, 'a catalog stock code such as 22720 or 85123A')
  .describe('Catalog product id (stock code)');

/**
 * The co-purchase rules mined from real invoices, as a tool: rules whose antecedent is the
 * product (`direction: 'from'`: what its buyers also buy) or whose consequent is (`'to'`: what
 * leads to it), strongest first. Each rule is cited as `from->to` in a reasoning chain.
 *
 * @example
 * ```ts
 * associationRulesTool(catalog).call({ productId: '22720', limit: 3 }).rules[0];
 * // { from: '22720', to: '22722', count: 91, support: 0.005, confidence: 0.31, lift: 12.4, ... }
 * ```
 */
export function associationRulesTool(catalog: Catalog) {
  return defineTool({
    name: 'association_rules',
    description:
      'Co-purchase rules mined from real shop invoices for a product: what its buyers also buy (direction "from") or what leads to buying it (direction "to"). Cite a rule as "<from>-><to>".',
    input: z.object({
      productId: CatalogId,
      direction: z
        .enum(['from', 'to'])
        .default('from')
        .describe('"from": rules product -> other; "to": rules other -> product'),
      limit: z.number().int().min(1).max(20).default(5).describe('How many rules, 1-20, strongest first'),
    }),
    output: z.object({
      productId: z.string(),
      title: z.string(),
      rules: z.array(
        z.object({
          from: z.string().describe('Antecedent product id'),
          fromTitle: z.string(),
          to: z.string().describe('Consequent product id'),
          toTitle: z.string(),
          count: z.number().int().describe('Invoices containing both'),
          support: z.number().describe('Share of all invoices containing both'),
          confidence: z.number().describe('P(to | from) over invoices'),
          lift: z.number().describe('Confidence / base rate of the consequent'),
        }),
      ),
    }),
    run: ({ productId, direction, limit }) => {
      const product = catalog.product(productId);
      const rules = direction === 'from' ? catalog.rulesFrom(productId) : catalog.rulesTo(productId);
      return {
        productId,
        title: product.title,
        rules: [...rules]
          .sort((a, b) => b.confidence - a.confidence || b.lift - a.lift || a.to.localeCompare(b.to))
          .slice(0, limit)
          .map((r) => ({
            from: r.from,
            fromTitle: catalog.find(r.from)?.title ?? r.from,
            to: r.to,
            toTitle: catalog.find(r.to)?.title ?? r.to,
            count: r.count,
            support: r.support,
            confidence: r.confidence,
            lift: r.lift,
          })),
      };
    },
  });
}
