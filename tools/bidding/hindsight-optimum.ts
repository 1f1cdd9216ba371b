import { z } from 'zod';
import { hindsightOptimum } from '../../simulator/index.js';
import { defineTool } from '../define-tool.js';

/**
 * The best AuctionNet score a campaign could have reached on a realised stream of opportunities
 * with competitors fixed: each opportunity costs its price and yields its conversion probability.
 * Greedy by price per expected conversion with a fractional last item gives the exact optimum of
 * the relaxation (an upper bound no policy beats); the best whole-opportunity prefix is a plan one
 * can really buy; the exact whole-opportunity optimum lies between the two.
 *
 * @example
 * ```ts
 * hindsightOptimumTool.call({ prices: [1, 2, 10], conversionProbabilities: [0.1, 0.1, 0.1], budget: 3, targetCpa: 20 });
 * // { score: 0.2, … }
 * ```
 */
export const hindsightOptimumTool = defineTool({
  name: 'hindsight_optimum',
  description:
    'Compute the best score a campaign could have had on a realised opportunity stream (prices and conversion probabilities known).',
  input: z
    .object({
      prices: z
        .array(z.number().nonnegative().finite())
        .min(1)
        .max(2_000_000)
        .describe('Price the campaign would have paid for each opportunity'),
      conversionProbabilities: z
        .array(z.number().min(0).max(1))
        .min(1)
        .max(2_000_000)
        .describe('True conversion probability of each opportunity, same order as prices'),
      budget: z.number().nonnegative().finite().describe('Budget of the period'),
      targetCpa: z.number().positive().finite().describe('Target cost per conversion'),
    })
    .refine((i) => i.prices.length === i.conversionProbabilities.length, {
      message: 'prices and conversionProbabilities must have the same length',
      path: ['conversionProbabilities'],
    }),
  output: z.object({
    score: z
      .number()
      .nonnegative()
      .describe('Optimum of the relaxation: an upper bound on any policy’s score'),
    conversions: z.number().nonnegative().describe('Expected conversions at that optimum'),
    spend: z.number().nonnegative().describe('Spend at that optimum (≤ budget)'),
    integralScore: z.number().nonnegative().describe('Score of the best whole-opportunity greedy prefix'),
    integralSpend: z.number().nonnegative().describe('Spend of that prefix'),
    selected: z.number().int().nonnegative().describe('Opportunities that prefix buys'),
  }),
  run: ({ prices, conversionProbabilities, budget, targetCpa }) => {
    const r = hindsightOptimum({ costs: prices, values: conversionProbabilities, budget, targetCpa });
    return {
      score: r.score,
      conversions: r.conversions,
      spend: r.spend,
      integralScore: r.integralScore,
      integralSpend: r.integralSpend,
      selected: r.selected,
    };
  },
});
