import { z } from 'zod';
import type { Clock, IdGenerator } from '../../src/core/index.js';
import { defineTool } from '../define-tool.js';
import { Lead, type LeadStore } from './lead-store.js';

/** Input of {@link captureLeadTool}. */
export const CaptureLeadInput = z.object({
  buyer: z.string().trim().toLowerCase().pipe(z.email()).describe("The buyer's email, as they gave it"),
  productId: z.string().min(1).describe('Stock code of the product the buyer is interested in'),
  productTitle: z.string().optional().describe('Product title, for the sales team'),
  intentScore: z.number().min(0).max(1).describe('Purchase intent 0..1 (asked price, said they want it...)'),
  sourceCampaign: z.string().optional().describe('Campaign that brought the buyer, if known'),
});

/** Output of {@link captureLeadTool}. */
export const CaptureLeadOutput = z.object({
  lead: Lead,
  created: z.boolean().describe('False when this buyer was already a lead for this product (not duplicated)'),
});

/**
 * `capture_lead`: records a buyer's interest in a product, once per buyer and product; a repeat
 * keeps the one lead and raises its intent score.
 *
 * @example
 * ```ts
 * const tool = captureLeadTool({ store: openSqliteLeadStore(':memory:'), clock: systemClock, ids: sequentialIds() });
 * tool.call({ buyer: 'amy@example.com', productId: '85123A', intentScore: 0.8 }).created; // true
 * ```
 */
export function captureLeadTool(deps: { store: LeadStore; clock: Clock; ids: IdGenerator }) {
  return defineTool({
    name: 'capture_lead',
    description:
      "Capture a sales lead: the buyer's email and a product they showed interest in. Idempotent per buyer and product.",
    input: CaptureLeadInput,
    output: CaptureLeadOutput,
    run: (input) =>
      deps.store.capture(
        {
          buyer: input.buyer,
          productId: input.productId,
          intentScore: input.intentScore,
          ...(input.productTitle === undefined ? {} : { productTitle: input.productTitle }),
          ...(input.sourceCampaign === undefined ? {} : { sourceCampaign: input.sourceCampaign }),
        },
        { now: deps.clock.now(), newId: () => deps.ids('lead') },
      ),
  });
}
