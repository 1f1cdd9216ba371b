import type { Product } from '../../src/core/index.js';
import { convert } from './fx.js';

/**
 * Average order value of a set of products in a currency: each product's price × its typical
 * units per order (from real sales), averaged; the catalog's own prices are in GBP.
 *
 * @example
 * ```ts
 * averageOrderValue(products, 'CNY');
 * ```
 */
export function averageOrderValue(products: readonly Product[], currency: string): number {
  if (products.length === 0) return 0;
  const perOrder = products.map((p) => p.price * Math.max(1, p.units / Math.max(1, p.orders)));
  const mean = perOrder.reduce((a, b) => a + b, 0) / perOrder.length;
  return convert(mean, products[0]!.currency, currency);
}
