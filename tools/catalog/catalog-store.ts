import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  AssociationRule,
  DataError,
  NotFoundError,
  Product,
  type UserProfile,
} from '../../src/core/index.js';
import { productKind } from './product-kind.js';

/** The demo data the agents reason over: products, users with histories, co-purchase rules. */
export interface CatalogData {
  readonly products: readonly Product[];
  readonly users: readonly UserProfile[];
  readonly rules: readonly AssociationRule[];
  /** Content hash of the three files, for caches keyed on the data. */
  readonly hash: string;
}

const UserRow = z.object({
  id: z.string(),
  country: z.string(),
  purchases: z.array(z.tuple([z.string(), z.string(), z.number().int(), z.string()])),
});

/** The folder of the shipped derived data (`data/derived` at the project root). */
export const DEFAULT_DERIVED_DIR = join(import.meta.dirname, '..', '..', 'data', 'derived');

/**
 * Loads and validates `catalog.json`, `users.json` and `rules.json` built by `npm run data:build`.
 *
 * @example
 * ```ts
 * const data = loadCatalogData();
 * data.products.length; // 2623
 * ```
 */
export function loadCatalogData(dir: string = DEFAULT_DERIVED_DIR): CatalogData {
  const hash = createHash('sha256');
  const read = (name: string): unknown => {
    try {
      const text = readFileSync(join(dir, name), 'utf8');
      hash.update(text);
      return JSON.parse(text);
    } catch (cause) {
      throw new DataError(`Cannot read ${join(dir, name)}; run \`npm run data:build\` to rebuild it`, {
        cause,
      });
    }
  };
  const parse = <T>(schema: z.ZodType<T>, name: string): T => {
    const result = schema.safeParse(read(name));
    if (!result.success) throw new DataError(`${name} is corrupt: ${result.error.issues[0]?.message ?? ''}`);
    return result.data;
  };
  const products = parse(z.array(Product), 'catalog.json');
  const users = parse(z.array(UserRow), 'users.json').map((u) => ({
    id: u.id,
    country: u.country,
    purchases: u.purchases.map(([productId, date, quantity, invoice]) => ({
      productId,
      date,
      quantity,
      invoice,
    })),
  }));
  const rules = parse(z.array(AssociationRule), 'rules.json');
  return { products, users, rules, hash: hash.digest('hex').slice(0, 16) };
}

/** How many products of a kind (the product's own included) make a price comparison. */
const MIN_COMPARABLES = 2;

/** The prices a product is compared with, and whether they are its kind's or its category's. */
export interface ComparablePrices {
  readonly basis: 'kind' | 'category';
  readonly kind?: string;
  readonly prices: readonly number[];
}

/**
 * Indexed, read-only access to the catalog data: products by id, rules by antecedent, buyers of
 * a product, and the price distributions of each category and each kind of product.
 */
export class Catalog {
  readonly data: CatalogData;
  readonly #products: Map<string, Product>;
  readonly #rulesFrom = new Map<string, AssociationRule[]>();
  readonly #rulesTo = new Map<string, AssociationRule[]>();
  readonly #users: Map<string, UserProfile>;
  readonly #buyers = new Map<string, Set<string>>();
  readonly #pricesByCategory = new Map<string, number[]>();
  /** Built on the first `comparablePrices` call: most commands never price a product. */
  #byKind: { readonly kinds: Map<string, string>; readonly prices: Map<string, number[]> } | undefined;

  constructor(data: CatalogData) {
    this.data = data;
    this.#products = new Map(data.products.map((p) => [p.id, p]));
    this.#users = new Map(data.users.map((u) => [u.id, u]));
    for (const rule of data.rules) {
      const list = this.#rulesFrom.get(rule.from) ?? [];
      list.push(rule);
      this.#rulesFrom.set(rule.from, list);
      const into = this.#rulesTo.get(rule.to) ?? [];
      into.push(rule);
      this.#rulesTo.set(rule.to, into);
    }
    for (const user of data.users) {
      for (const p of user.purchases) {
        let set = this.#buyers.get(p.productId);
        if (!set) this.#buyers.set(p.productId, (set = new Set()));
        set.add(user.id);
      }
    }
    for (const p of data.products) {
      const list = this.#pricesByCategory.get(p.category) ?? [];
      list.push(p.price);
      this.#pricesByCategory.set(p.category, list);
    }
    for (const list of this.#pricesByCategory.values()) list.sort((a, b) => a - b);
  }

  /** Each product's kind and each kind's sorted prices, indexed once. */
  #kindIndex() {
    if (this.#byKind) return this.#byKind;
    const kinds = new Map<string, string>();
    const prices = new Map<string, number[]>();
    for (const p of this.data.products) {
      const kind = productKind(p.title)?.kind;
      if (!kind) continue;
      kinds.set(p.id, kind);
      const list = prices.get(kind) ?? [];
      list.push(p.price);
      prices.set(kind, list);
    }
    for (const list of prices.values()) list.sort((a, b) => a - b);
    return (this.#byKind = { kinds, prices });
  }

  get products(): readonly Product[] {
    return this.data.products;
  }

  /** The product with this id, or undefined. */
  find(id: string): Product | undefined {
    return this.#products.get(id);
  }

  /** The product with this id; throws a NotFoundError naming a few that exist. */
  product(id: string): Product {
    const product = this.#products.get(id);
    if (!product)
      throw new NotFoundError(
        'product',
        id,
        this.data.products.slice(0, 5).map((p) => p.id),
      );
    return product;
  }

  user(id: string): UserProfile | undefined {
    return this.#users.get(id);
  }

  /** Co-purchase rules whose antecedent is `productId`, highest lift first. */
  rulesFrom(productId: string): readonly AssociationRule[] {
    return this.#rulesFrom.get(productId) ?? [];
  }

  /** Co-purchase rules whose consequent is `productId` (who else leads to it). */
  rulesTo(productId: string): readonly AssociationRule[] {
    return this.#rulesTo.get(productId) ?? [];
  }

  get users(): readonly UserProfile[] {
    return this.data.users;
  }

  /** Ids of the users who bought `productId`. */
  buyersOf(productId: string): ReadonlySet<string> {
    return this.#buyers.get(productId) ?? new Set();
  }

  /** Sorted prices of the category's products. */
  categoryPrices(category: string): readonly number[] {
    return this.#pricesByCategory.get(category) ?? [];
  }

  /**
   * The products a product's price is judged against: those of the same kind (mugs against mugs,
   * keyrings against keyrings; the kind is the title's head noun, see `productKind`), or its
   * category's when the title names no kind or no other product is of its kind. Sorted prices,
   * the product's own included.
   *
   * @example
   * ```ts
   * catalog.comparablePrices(catalog.product('22139')); // { basis: 'kind', kind: 'tea set', prices: [...] }
   * ```
   */
  comparablePrices(product: Product): ComparablePrices {
    const index = this.#kindIndex();
    const kind = index.kinds.get(product.id) ?? productKind(product.title)?.kind;
    const prices = kind ? index.prices.get(kind) : undefined;
    if (kind && prices && prices.length >= MIN_COMPARABLES) return { basis: 'kind', kind, prices };
    return { basis: 'category', prices: this.categoryPrices(product.category) };
  }
}
