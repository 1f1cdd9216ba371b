import { z } from 'zod';
import { CreativeInsight } from '../../src/core/index.js';
import { priceBand } from '../../tools/creative/index.js';
import { defineAgent, type AgentContext } from '../define-agent.js';
import { writeCopies } from './copy.js';
import { risksOf, scenesOf, seasonOf, sellingPointsOf, toneOf } from './features.js';

export const CreativeAnalystInput = z.object({
  productIds: z.array(z.string()).describe('Catalog ids to analyse'),
  language: z.enum(['en', 'zh', 'mixed']).default('en'),
  maxProducts: z.number().int().positive().default(8),
});

export const CreativeAnalystOutput = z.object({ insights: z.array(CreativeInsight) });
export type CreativeAnalystOutput = z.infer<typeof CreativeAnalystOutput>;

/**
 * The creative analyst: for each product, its category, price band among products of its kind, season,
 * scenes, selling points, tone, risks, and three scored ad-copy variants.
 *
 * @example
 * ```ts
 * const { insights } = await creativeAnalyst.run({ productIds: ['22720'] }, ctx);
 * ```
 */
export const creativeAnalyst = defineAgent({
  name: 'creative-analyst',
  description: 'Understands each product and its material; writes and scores ad copy.',
  input: CreativeAnalystInput,
  output: CreativeAnalystOutput,
  tools: ['price_band', 'score_copy'],
  offline: async (input, ctx) => ({
    insights: await Promise.all(
      input.productIds.slice(0, input.maxProducts).map(async (id) => {
        const product = ctx.catalog.product(id);
        const neighbours = await nearestProducts(ctx, id);
        const band = priceBand.call({
          price: product.price,
          categoryPrices: [...ctx.catalog.comparablePrices(product).prices],
        });
        const season = seasonOf(product.title);
        const scenes = scenesOf(product);
        const sellingPoints = sellingPointsOf(product, band.band);
        const versus = neighbours.length > 0 ? priceVersus(product.price, neighbours) : undefined;
        const risks = risksOf(product, season, ctx.today);
        if (versus && versus.percentile <= 0.3) sellingPoints.push('priced below most similar items');
        if (versus && versus.percentile >= 0.8)
          risks.push(`priced above ${Math.round(versus.percentile * 100)}% of the most similar items`);
        return {
          productId: product.id,
          title: product.title,
          category: product.category,
          scenes,
          sellingPoints,
          priceBand: band.band,
          pricePercentile: band.percentile,
          season,
          tone: toneOf(product, band.band, season),
          risks,
          copies: writeCopies(product, { sellingPoints, scenes, language: input.language }),
          ...(versus
            ? {
                similarProducts: neighbours.slice(0, 5),
                priceVsSimilar: versus,
              }
            : {}),
        };
      }),
    ),
  }),
});

/** The product's nearest neighbours in the vector memory (none without memory). */
async function nearestProducts(ctx: AgentContext, id: string) {
  const memory = await ctx.memory?.();
  if (!memory) return [];
  const hits = await memory.products.similar({ id }, { k: 10 });
  return hits.map((h) => ({
    id: h.product.id,
    title: h.product.title,
    price: h.product.price,
    score: Math.round(h.score * 1000) / 1000,
  }));
}

/** Where a price sits among its neighbours' prices (the `price_band` tool over the neighbours). */
function priceVersus(price: number, neighbours: readonly { price: number }[]) {
  const prices = neighbours.map((n) => n.price);
  const { percentile, median } = priceBand.call({ price, categoryPrices: prices });
  return { percentile, medianPrice: median, neighbours: prices.length };
}
