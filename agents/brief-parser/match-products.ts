import type { ProductMemory } from '../../memory/index.js';
import type { Catalog } from '../../tools/catalog/index.js';
import { searchCatalog } from '../../tools/catalog/index.js';

/** How many catalog products a goal's product words may match. */
export const MAX_MATCHED_PRODUCTS = 8;
/** Cosine similarity above which a memory hit counts as the product the goal names. */
export const STRONG_MATCH = 0.6;

/**
 * Matches a goal's product words to catalog products: the lexical search (every concept must
 * match) is precise; the vector memory reorders its hits by meaning and adds strong semantic
 * matches it missed. Without lexical hits only strong memory hits count, so a product the shop
 * does not sell ("merino sweaters") matches nothing rather than something random.
 *
 * @example
 * ```ts
 * await matchProducts('ceramic tableware', { catalog, memory }); // ['22059', '37447', ...]
 * ```
 */
export async function matchProducts(
  query: string,
  deps: { catalog: Catalog; memory?: ProductMemory | undefined },
  k = MAX_MATCHED_PRODUCTS,
): Promise<string[]> {
  const lexical = searchCatalog(deps.catalog, query, 40).map((m) => m.product.id);
  if (!deps.memory) return lexical.slice(0, k);
  const semantic = await deps.memory.similar({ text: query }, { k: 40 });
  const score = new Map(semantic.map((h) => [h.product.id, h.score]));
  const ranked = [...lexical].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0));
  const strong = semantic.filter((h) => h.score >= STRONG_MATCH && !lexical.includes(h.product.id));
  const merged = [...ranked.slice(0, k), ...strong.map((h) => h.product.id)];
  return [...new Set(merged)].slice(0, k);
}
