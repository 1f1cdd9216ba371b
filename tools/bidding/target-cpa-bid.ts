import { z } from 'zod';
import { defineTool } from '../define-tool.js';

/**
 * Target-CPA bids: `multiplier × pCVR × targetCpa` per opportunity, clamped to [minBid, maxBid]
 * and never above the remaining budget (a bid above it could be charged more than is left).
 *
 * @example
 * ```ts
 * targetCpaBid.call({ pCvrs: [0.01, 0.002], targetCpa: 50 }); // { bids: [0.5, 0.1], … }
 * ```
 */
export const targetCpaBid = defineTool({
  name: 'target_cpa_bid',
  description:
    'Compute target-CPA bids (multiplier × predicted conversion probability × target CPA) for a batch of opportunities.',
  input: z.object({
    pCvrs: z
      .array(z.number().min(0).max(1))
      .min(1)
      .max(100_000)
      .describe('Predicted conversion probability of each opportunity, 0..1'),
    targetCpa: z.number().positive().finite().describe('Target cost per conversion'),
    multiplier: z
      .number()
      .nonnegative()
      .finite()
      .default(1)
      .describe('Bid multiplier alpha; 1 bids the value'),
    minBid: z.number().nonnegative().finite().default(0).describe('Lowest bid placed (0 for none)'),
    maxBid: z.number().positive().optional().describe('Highest bid placed'),
    remainingBudget: z.number().nonnegative().optional().describe('Budget left; no bid exceeds it'),
  }),
  output: z.object({
    bids: z.array(z.number().nonnegative()).describe('One bid per opportunity, in input order'),
    cappedCount: z.number().int().nonnegative().describe('Bids lowered by maxBid or the remaining budget'),
  }),
  run: ({ pCvrs, targetCpa, multiplier, minBid, maxBid, remainingBudget }) => {
    const cap = Math.min(maxBid ?? Infinity, remainingBudget ?? Infinity);
    const scale = multiplier * targetCpa;
    let cappedCount = 0;
    const bids = pCvrs.map((p) => {
      const raw = Math.max(minBid, p * scale);
      if (raw > cap) {
        cappedCount++;
        return cap;
      }
      return raw;
    });
    return { bids, cappedCount };
  },
});
