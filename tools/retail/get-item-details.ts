import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { RetailVariant } from './retail-db.js';
import type { RetailStore } from './retail-store.js';

/** Input of {@link getItemDetailsTool}. */
export const GetItemDetailsInput = z.object({
  item_id: z.string().min(1).describe("The item id, e.g. '6086499569' (not a product id)"),
});

/**
 * `get_item_details`: one variant item's options, price and availability.
 *
 * @example
 * ```ts
 * getItemDetailsTool(store).call({ item_id: '7706410293' }).available;
 * ```
 */
export function getItemDetailsTool(store: RetailStore) {
  return defineTool({
    name: 'get_item_details',
    description: 'Get the inventory details of one variant item.',
    input: GetItemDetailsInput,
    output: RetailVariant,
    run: ({ item_id }) => structuredClone(store.getItem(item_id)),
  });
}
