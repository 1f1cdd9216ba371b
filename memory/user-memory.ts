import { join } from 'node:path';
import { InvalidInputError, NotFoundError } from '../src/core/errors.js';
import type { Logger } from '../src/core/logger.js';
import { silentLogger } from '../src/core/logger.js';
import { UserProfile } from '../src/core/schemas/catalog.js';
import { DerivedCollection, contentHash } from './collection-sync.js';
import type { SyncReport } from './collection-sync.js';
import type { HnswSettings } from './hnsw-memory.js';
import type { MetadataFilter, MetadataSchema } from './metadata-filter.js';
import type { ProductMemory } from './product-memory.js';
import type { VectorItem } from './vector-memory.js';
import { normalize } from './vector-math.js';

/** The user fields a search can filter on. */
export const USER_SCHEMA = {
  country: 'string',
  purchases: 'number',
  lastPurchase: 'string',
} as const satisfies MetadataSchema;

/** Options of {@link UserMemory.open}. */
export interface UserMemoryOptions {
  /** Data directory; the memory lives in `<dir>/users`. */
  dir: string;
  /** Where product vectors come from; user vectors live in the same space. */
  products: ProductMemory;
  /** A purchase this many days before `asOf` counts half as much as one on `asOf` (default 30). */
  halfLifeDays?: number;
  /** The day recency is measured from, `YYYY-MM-DD` (default: the latest purchase among the users). */
  asOf?: string;
  logger?: Logger;
  hnsw?: Partial<HnswSettings>;
}

/** A user found by a search. */
export interface UserHit {
  id: string;
  score: number;
  country: string;
  purchases: number;
  lastPurchase: string;
}

/** Options of the user searches. */
export interface UserSearchOptions {
  k?: number;
  filter?: MetadataFilter;
}

const DAY_MS = 86_400_000;

/**
 * Weights of purchase lines: 2^(−age/halfLife), age in days before `asOf`. Each line counts once
 * whatever its quantity, so a wholesaler's 500 units do not drown the rest of their history.
 *
 * @example
 * ```ts
 * recencyWeight('2011-01-01', '2011-01-31', 30); // 0.5
 * ```
 */
export function recencyWeight(date: string, asOf: string, halfLifeDays: number): number {
  const age = Math.max(0, (Date.parse(asOf) - Date.parse(date)) / DAY_MS);
  return 2 ** (-age / halfLifeDays);
}

/**
 * Users as vectors in the product space: each user is the recency-weighted mean of the unit
 * vectors of the products they bought. Answers "users like this user" and "users most likely to
 * want this product" (users whose vector is closest to the product's). Kept between runs in
 * `<dir>/users` and rebuilt only when the users, the product memory or the settings change.
 *
 * @example
 * ```ts
 * const users = await UserMemory.open({ dir: '.lodestone', products, halfLifeDays: 30 });
 * await users.sync(profiles);
 * await users.likelyBuyers('85123A', { k: 20, excludeBuyers: true, filter: { country: 'France' } });
 * ```
 */
export class UserMemory {
  private constructor(
    private readonly collection: DerivedCollection,
    private readonly products: ProductMemory,
    private readonly halfLifeDays: number,
    private readonly asOf: string | undefined,
  ) {}

  static async open(options: UserMemoryOptions): Promise<UserMemory> {
    const halfLifeDays = options.halfLifeDays ?? 30;
    if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) {
      throw new InvalidInputError('halfLifeDays', 'a positive number of days', halfLifeDays);
    }
    if (options.asOf !== undefined && Number.isNaN(Date.parse(options.asOf))) {
      throw new InvalidInputError('asOf', 'a date YYYY-MM-DD', options.asOf);
    }
    const collection = await DerivedCollection.open({
      dir: join(options.dir, 'users'),
      version: `users-v1:${options.products.embedder.id}`,
      dim: options.products.embedder.dim,
      schema: USER_SCHEMA,
      logger: (options.logger ?? silentLogger()).child({ component: 'user-memory' }),
      ...(options.hnsw === undefined ? {} : { hnsw: options.hnsw }),
    });
    return new UserMemory(collection, options.products, halfLifeDays, options.asOf);
  }

  get size(): number {
    return this.collection.memory.size;
  }

  /**
   * Makes the memory hold these users. Users none of whose products are in the product memory
   * are left out and listed in `skipped`.
   */
  async sync(users: readonly UserProfile[]): Promise<SyncReport & { skipped: string[] }> {
    const parsed = users.map((user, i) => {
      const result = UserProfile.safeParse(user);
      if (!result.success) throw new InvalidInputError(`users[${i}]`, 'a UserProfile', user);
      return result.data;
    });
    const asOf =
      this.asOf ??
      parsed.flatMap((u) => u.purchases.map((p) => p.date)).reduce((a, b) => (b > a ? b : a), '');
    const productVectors = new Map<string, Float32Array | undefined>();
    const vectorOf = async (id: string) => {
      if (!productVectors.has(id)) productVectors.set(id, await this.products.vectorOf(id));
      return productVectors.get(id);
    };
    const built = new Map<string, VectorItem>();
    const skipped: string[] = [];
    for (const user of parsed) {
      const item = await this.userItem(user, asOf, vectorOf);
      if (item === undefined) skipped.push(user.id);
      else built.set(user.id, item);
    }
    const settings = { productsHash: this.products.contentHash, halfLifeDays: this.halfLifeDays, asOf };
    const items = [...built.values()].map((item) => ({
      id: item.id,
      hash: contentHash([settings, item.metadata]),
    }));
    const report = await this.collection.sync(contentHash([settings, items]), items, (ids) =>
      Promise.resolve(ids.map((id) => built.get(id)!)),
    );
    return { ...report, skipped };
  }

  /** Users whose taste is closest to this user's (the user is left out). */
  async similarUsers(userId: string, options: UserSearchOptions = {}): Promise<UserHit[]> {
    const vector = (await this.collection.memory.get(userId))?.vector;
    if (vector === undefined) throw new NotFoundError('user', userId, this.collection.ids());
    return (await this.search(vector, (options.k ?? 10) + 1, options.filter))
      .filter((hit) => hit.id !== userId)
      .slice(0, options.k ?? 10);
  }

  /** Users most likely to want a product: closest to its vector; `excludeBuyers` leaves out those who bought it. */
  async likelyBuyers(
    productId: string,
    options: UserSearchOptions & { excludeBuyers?: boolean } = {},
  ): Promise<UserHit[]> {
    const vector = await this.products.vectorOf(productId);
    if (vector === undefined) throw new NotFoundError('product', productId);
    const k = options.k ?? 10;
    if (options.excludeBuyers !== true) return this.search(vector, k, options.filter);
    // Ask for more until k non-buyers are found or every user has been seen.
    for (let fetch = k * 4; ; fetch *= 4) {
      const hits = await this.search(vector, fetch, options.filter, productId);
      if (hits.length >= k || fetch >= this.size) return hits.slice(0, k);
    }
  }

  close(): Promise<void> {
    return this.collection.close();
  }

  private async search(
    vector: Float32Array,
    k: number,
    filter?: MetadataFilter,
    notBoughtBy?: string,
  ): Promise<UserHit[]> {
    const hits = await this.collection.memory.search(vector, k, filter === undefined ? {} : { filter });
    return hits
      .filter((hit) => notBoughtBy === undefined || !(hit.metadata.bought as string[]).includes(notBoughtBy))
      .map((hit) => ({
        id: hit.id,
        score: hit.score,
        country: hit.metadata.country as string,
        purchases: hit.metadata.purchases as number,
        lastPurchase: hit.metadata.lastPurchase as string,
      }));
  }

  private async userItem(
    user: UserProfile,
    asOf: string,
    vectorOf: (id: string) => Promise<Float32Array | undefined>,
  ): Promise<VectorItem | undefined> {
    const bought: { unit: Float32Array; age: number }[] = [];
    for (const purchase of user.purchases) {
      const product = await vectorOf(purchase.productId);
      if (product === undefined) continue;
      const age = Math.max(0, (Date.parse(asOf) - Date.parse(purchase.date)) / DAY_MS);
      bought.push({ unit: normalize(product.slice()), age });
    }
    if (bought.length === 0) return undefined;
    // Ages are taken from the user's most recent purchase: the mean is the same, and weights of
    // old histories with short half-lives do not underflow to zero.
    const youngest = bought.reduce((min, b) => Math.min(min, b.age), Number.POSITIVE_INFINITY);
    const sum = new Float32Array(this.products.embedder.dim);
    let weight = 0;
    for (const { unit, age } of bought) {
      const w = 2 ** (-(age - youngest) / this.halfLifeDays);
      for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! + w * unit[i]!;
      weight += w;
    }
    if (sum.every((x) => x === 0)) return undefined;
    const dates = user.purchases.map((p) => p.date).sort();
    return {
      id: user.id,
      metadata: {
        country: user.country,
        purchases: user.purchases.length,
        lastPurchase: dates.at(-1) ?? '',
        bought: [...new Set(user.purchases.map((p) => p.productId))].sort(),
      },
      vector: sum.map((x) => x / weight),
    };
  }
}
