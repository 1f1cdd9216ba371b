import { z } from 'zod';
import { InvalidInputError } from '../../src/core/index.js';
import type { ProductHit, ProductSearch } from './product-answer.js';

/** Input of the `search_products` tool. */
export const SearchProductsInput = z.object({
  query: z.string().min(1).max(500).describe("The buyer's product question, in their words"),
  k: z.number().int().min(1).max(20).describe('How many products to return'),
});

/** One product hit as the search port returns it. */
export const ProductHitSchema = z.object({
  id: z.string().describe('Catalogue stock code, cited in the reply'),
  title: z.string(),
  price: z.number().nonnegative(),
  currency: z.string(),
  score: z.number().describe('Relevance; higher is better'),
});

/**
 * `search_products`: the catalogue search through the injected {@link ProductSearch} port, with
 * input and results validated like every other tool.
 *
 * @example
 * ```ts
 * const search = searchProductsTool(createInMemoryProductSearch(products));
 * await search.call({ query: 'hanging heart', k: 3 });
 * ```
 */
export function searchProductsTool(search: ProductSearch) {
  return {
    name: 'search_products',
    description:
      'Search the product catalogue; returns products with id, title, price and a relevance score.',
    input: SearchProductsInput,
    output: z.array(ProductHitSchema),
    async call(input: unknown): Promise<ProductHit[]> {
      const parsed = SearchProductsInput.safeParse(input);
      if (!parsed.success) {
        throw new InvalidInputError('input to tool search_products', z.prettifyError(parsed.error), input);
      }
      const { query, k } = parsed.data;
      return z.array(ProductHitSchema).parse(await search(query, k));
    },
  };
}
