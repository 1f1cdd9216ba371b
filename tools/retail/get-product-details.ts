import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { RetailProduct } from './retail-db.js';
import type { RetailStore } from './retail-store.js';

/** Input of {@link getProductDetailsTool}. */
export const GetProductDetailsInput = z.object({
  product_id: z.string().min(1).describe("The product id, e.g. '6086499569' (not an item id)"),
});

/**
 * `get_product_details`: a product type with every variant item, its options, price and availability.
 *
 * @example
 * ```ts
 * getProductDetailsTool(store).call({ product_id: '1656367028' }).name; // 'Mechanical Keyboard'
 * ```
 */
export function getProductDetailsTool(store: RetailStore) {
  return defineTool({
    name: 'get_product_details',
    description:
      'Get the inventory details of a product type: its variant items, options, prices, availability.',
    input: GetProductDetailsInput,
    output: RetailProduct,
    run: ({ product_id }) => structuredClone(store.getProduct(product_id)),
  });
}
