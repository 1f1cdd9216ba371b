import { z } from 'zod';
import { CampaignBrief } from '../../src/core/index.js';
import { defineAgent } from '../define-agent.js';
import { matchProducts } from './match-products.js';
import { parseBrief } from './parse-brief.js';

export const BriefParserInput = z.object({
  goal: z.string().describe("The marketer's goal, one sentence in English or Chinese"),
});

/**
 * The brief parser as an agent: parses the goal (offline grammar), then matches its product words
 * through the catalog search and the vector memory.
 *
 * @example
 * ```ts
 * const brief = await briefParser.run({ goal: 'Sell mugs, ¥5,000 a day, CPA under ¥40' }, ctx);
 * ```
 */
export const briefParser = defineAgent({
  name: 'brief-parser',
  description: 'Turns a one-sentence goal into a CampaignBrief and matches the products it names.',
  input: BriefParserInput,
  output: CampaignBrief,
  tools: ['catalog_search', 'product_memory'],
  offline: async ({ goal }, ctx) => {
    let englishQuery: string | undefined;
    const brief = parseBrief(goal, {
      today: ctx.today,
      defaultCurrency: ctx.defaultCurrency,
      // The parser hands over the product words, translated to English for the catalog.
      matchProducts: (query) => {
        englishQuery = query;
        return [];
      },
    });
    const productIds =
      englishQuery === undefined
        ? []
        : await matchProducts(englishQuery, {
            catalog: ctx.catalog,
            memory: (await ctx.memory?.())?.products,
          });
    return { ...brief, productIds };
  },
});
