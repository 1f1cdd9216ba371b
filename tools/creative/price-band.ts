import { z } from 'zod';
import { defineTool } from '../define-tool.js';

/**
 * Places a price within the sorted prices of comparable products (the catalog gives those of the
 * same kind, `Catalog.comparablePrices`): the percentile (share priced strictly below, plus half
 * of the ties) and the band it falls in.
 */
export const priceBand = defineTool({
  name: 'price_band',
  description:
    "Place a product's price among comparable products' prices (the same kind of product: mugs against mugs).",
  input: z.object({
    price: z.number().nonnegative().finite().describe('The product price'),
    categoryPrices: z
      .array(z.number().nonnegative())
      .min(1)
      .describe('Prices of the comparable products (same kind), the product itself included'),
  }),
  output: z.object({
    percentile: z
      .number()
      .min(0)
      .max(1)
      .describe('Share of the comparable products cheaper than this product'),
    band: z
      .enum(['budget', 'mid', 'premium', 'luxury'])
      .describe('<25% budget, <60% mid, <90% premium, else luxury'),
    median: z.number().describe('Median price of the comparable products'),
  }),
  run: ({ price, categoryPrices }) => {
    const sorted = [...categoryPrices].sort((a, b) => a - b);
    const below = sorted.filter((p) => p < price).length;
    const ties = sorted.filter((p) => p === price).length;
    const percentile = (below + ties / 2) / sorted.length;
    const band: 'budget' | 'mid' | 'premium' | 'luxury' =
      percentile < 0.25 ? 'budget' : percentile < 0.6 ? 'mid' : percentile < 0.9 ? 'premium' : 'luxury';
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    return { percentile: Math.round(percentile * 1000) / 1000, band, median };
  },
});
