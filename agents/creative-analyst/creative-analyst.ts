import { z } from 'zod';
import { CreativeInsight } from '../../src/core/index.js';
import { priceBand } from '../../tools/creative/index.js';
import { defineAgent } from '../define-agent.js';
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
 * The creative analyst: for each product, its category, price band within the category, season,
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
  offline: (input, ctx) => ({
    insights: input.productIds.slice(0, input.maxProducts).map((id) => {
      const product = ctx.catalog.product(id);
      const band = priceBand.call({
        price: product.price,
        categoryPrices: [...ctx.catalog.categoryPrices(product.category)],
      });
      const season = seasonOf(product.title);
      const scenes = scenesOf(product);
      const sellingPoints = sellingPointsOf(product, band.band);
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
        risks: risksOf(product, season, ctx.today),
        copies: writeCopies(product, { sellingPoints, scenes, language: input.language }),
      };
    }),
  }),
});
