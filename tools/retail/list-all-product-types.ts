import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import type { RetailStore } from './retail-store.js';

/** Output of {@link listAllProductTypesTool}. */
export const ProductTypesOutput = z.object({
  products: z.record(z.string(), z.string()).describe('Product name -> product id, sorted by name'),
});

/**
 * `list_all_product_types`: the name and product id of each of the store's product types.
 *
 * @example
 * ```ts
 * listAllProductTypesTool(store).call({}).products['T-Shirt']; // '9523456873'
 * ```
 */
export function listAllProductTypesTool(store: RetailStore) {
  return defineTool({
    name: 'list_all_product_types',
    description: 'List the name and product id of all product types (there are 50).',
    input: z.object({}),
    output: ProductTypesOutput,
    run: () => ({
      products: Object.fromEntries(
        Object.values(store.db.products)
          .map((p) => [p.name, p.product_id] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    }),
  });
}
