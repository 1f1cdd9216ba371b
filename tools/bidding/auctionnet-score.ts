import { z } from 'zod';
import { auctionNetScore, cpaPenalty } from '../../simulator/index.js';
import { defineTool } from '../define-tool.js';

/**
 * The AuctionNet score: `conversions × min(1, (targetCpa / realisedCpa)²)`.
 *
 * @example
 * ```ts
 * auctionNetScoreTool.call({ conversions: 100, spend: 6000, targetCpa: 50 }); // score 69.44…
 * ```
 */
export const auctionNetScoreTool = defineTool({
  name: 'auctionnet_score',
  description:
    'Score a campaign the AuctionNet way: conversions, penalised quadratically when the CPA exceeds its target.',
  input: z.object({
    conversions: z.number().nonnegative().finite().describe('Conversions obtained'),
    spend: z.number().nonnegative().finite().describe('Money spent'),
    targetCpa: z.number().positive().finite().describe('Target cost per conversion'),
  }),
  output: z.object({
    score: z.number().nonnegative().describe('conversions × penalty'),
    penalty: z.number().min(0).max(1).describe('min(1, (target CPA / realised CPA)²)'),
    cpa: z.number().nonnegative().nullable().describe('Realised CPA, null without conversions'),
  }),
  run: (i) => ({
    score: auctionNetScore(i),
    penalty: cpaPenalty(i),
    cpa: i.conversions > 0 ? i.spend / i.conversions : null,
  }),
});
