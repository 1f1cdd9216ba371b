import type { Catalog } from '../catalog/index.js';
import { buyerPropensity, PurchaseIndex, type BuyerPropensity } from './buyer-propensity.js';

/** One index per catalog: whoever ranks first (a plan, a `next_buyers` call) builds it. */
const indexes = new WeakMap<Catalog, PurchaseIndex>();

/**
 * The catalog's customers indexed for the propensity model, built on first use and cached per
 * catalog (a catalog is read-only, so the index never goes stale). Prices are the products'
 * typical prices; recency is measured to the day after the catalog's latest purchase.
 *
 * @example
 * ```ts
 * purchaseIndexOf(catalog) === purchaseIndexOf(catalog); // true: built once
 * ```
 */
export function purchaseIndexOf(catalog: Catalog): PurchaseIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = new PurchaseIndex(catalog.users, { priceOf: (id) => catalog.find(id)?.price });
    indexes.set(catalog, index);
  }
  return index;
}

/**
 * Whether the model saw any affinity of the customer to the product — they bought it, their
 * history fires a co-purchase rule into it, or they bought a product similar to it — rather than
 * activity alone.
 */
export function hasAffinity(b: BuyerPropensity): boolean {
  return b.pastBuyer || b.rules.length > 0 || b.similar.length > 0;
}

/**
 * Who buys `productId` next, as the product ranks them: every customer of the catalog scored by
 * {@link buyerPropensity} (the model the `next-buyer` eval measures) over the catalog's cached
 * {@link purchaseIndexOf}, highest first. `countries` filters the ranking (the scores and the
 * item similarities stay shop-wide); empty or absent means everyone. Used by the `next_buyers`
 * tool and the offline audience reasoner alike.
 *
 * @example
 * ```ts
 * rankNextBuyers(catalog, '22720', { countries: ['United Kingdom'] })[0];
 * // { userId: '14156', score: 0.81, pastBuyer: true, similar: [...], rules: [...], features: {...} }
 * ```
 */
export function rankNextBuyers(
  catalog: Catalog,
  productId: string,
  options: { countries?: readonly string[] } = {},
): BuyerPropensity[] {
  const ranked = buyerPropensity(purchaseIndexOf(catalog), productId, catalog.rulesTo(productId));
  const countries = options.countries?.length ? new Set(options.countries) : undefined;
  if (!countries) return ranked;
  return ranked.filter((b) => countries.has(catalog.user(b.userId)?.country ?? ''));
}
