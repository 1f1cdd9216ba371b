import { z } from 'zod';

export const PriceBand = z.enum(['budget', 'mid', 'premium', 'luxury']);
export const Season = z.enum([
  'spring',
  'summer',
  'autumn',
  'winter',
  'christmas',
  'valentine',
  'easter',
  'all-year',
]);

export const AdCopy = z.object({
  text: z.string().min(1),
  angle: z.string().describe('The selling angle the copy takes'),
  score: z.number().min(0).max(1).describe('Creative score from the scoring tool'),
});

/** What the creative analyst understood about one product. */
export const CreativeInsight = z.object({
  productId: z.string(),
  title: z.string(),
  category: z.string(),
  scenes: z.array(z.string()).describe('Usage scenes the product fits'),
  sellingPoints: z.array(z.string()),
  priceBand: PriceBand,
  pricePercentile: z
    .number()
    .min(0)
    .max(1)
    .describe(
      "Price's percentile among the shop's products of the same kind (its category when it has no other)",
    ),
  season: Season,
  tone: z.string(),
  risks: z.array(z.string()),
  copies: z.array(AdCopy).min(1),
  similarProducts: z
    .array(z.object({ id: z.string(), title: z.string(), price: z.number(), score: z.number() }))
    .optional()
    .describe('Nearest products in the vector memory'),
  priceVsSimilar: z
    .object({
      percentile: z.number().min(0).max(1).describe("Price's percentile among the nearest products"),
      medianPrice: z.number().nonnegative(),
      neighbours: z.number().int().nonnegative(),
    })
    .optional(),
});
export type CreativeInsight = z.infer<typeof CreativeInsight>;
