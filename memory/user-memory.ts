import { join } from 'node:path';
import { InvalidInputError, NotFoundError } from '../src/core/errors.js';
import type { Logger } from '../src/core/logger.js';
import { silentLogger } from '../src/core/logger.js';
import { UserProfile } from '../src/core/schemas/catalog.js';
import { DerivedCollection, contentHash, quickHash } from './collection-sync.js';
import type { SyncReport } from './collection-sync.js';
import type { HnswSettings } from './hnsw-memory.js';
import type { MetadataFilter, MetadataSchema } from './metadata-filter.js';
import type { ProductMemory } from './product-memory.js';
import { addScaled, compact } from './vector-math.js';
import type { CompactVector } from './vector-math.js';
import type { VectorItem } from './vector-memory.js';

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
   * Makes the memory hold these users (the last of repeated ids wins). Users none of whose
   * products are in the product memory are left out and listed in `skipped`. When neither the
   * users (by hash), the product memory (its content hash and revision) nor the settings changed
   * since the last sync, nothing is parsed or rebuilt.
   */
  async sync(users: readonly UserProfile[]): Promise<SyncReport & { skipped: string[] }> {
    const settings = {
      productsHash: this.products.contentHash,
      productsRevision: this.products.revision,
      halfLifeDays: this.halfLifeDays,
      asOf: this.asOf ?? null,
    };
    const quick = quickHash(users);
    const hash = quick === undefined ? undefined : contentHash([settings, quick]);
    if (hash !== undefined && this.collection.isCurrent(hash)) {
      const skipped = uniqueIds(users).filter((id) => !this.collection.has(id));
      return { changed: false, upserted: 0, deleted: 0, skipped };
    }
    const byId = new Map<string, UserProfile>();
    users.forEach((user, i) => {
      const result = UserProfile.safeParse(user);
      if (!result.success) throw new InvalidInputError(`users[${i}]`, 'a UserProfile', user);
      byId.set(result.data.id, result.data);
    });
    const asOf = this.asOf ?? latestPurchase(byId.values());
    // Each product's unit vector, read once from the product memory however many bought it.
    const units = new Map<string, CompactVector | undefined>();
    const unitOf = (id: string) => {
      if (!units.has(id)) {
        const unit = this.products.unitVectorOf(id);
        units.set(id, unit === undefined ? undefined : compact(unit));
      }
      return units.get(id);
    };
    const built = new Map<string, VectorItem>();
    const skipped: string[] = [];
    // Days since the epoch of each date, parsed once: histories repeat the same few hundred days.
    const days = new Map<string, number>();
    const dayOf = (date: string) => {
      let day = days.get(date);
      if (day === undefined) days.set(date, (day = Date.parse(date) / DAY_MS));
      return day;
    };
    const asOfDay = dayOf(asOf);
    for (const user of byId.values()) {
      const item = this.userItem(user, asOfDay, dayOf, unitOf);
      if (item === undefined) skipped.push(user.id);
      else built.set(user.id, item);
    }
    // An item's hash covers everything its vector and metadata come from (parsed, so never undefined).
    const itemSettings = { ...settings, asOf };
    const items = [...byId.values()]
      .filter((user) => built.has(user.id))
      .map((user) => ({ id: user.id, hash: quickHash([itemSettings, user])! }));
    const report = await this.collection.sync(hash ?? contentHash([itemSettings, items]), items, (ids) =>
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

  /**
   * The user's vector: the mean of the unit vectors of the products they bought, each purchase
   * line weighted 2^(−age/halfLife), age in days before `asOfDay` (a later purchase counts as made
   * on it; `dayOf` gives a date's day number). Undefined when none of the products has a vector.
   */
  private userItem(
    user: UserProfile,
    asOfDay: number,
    dayOf: (date: string) => number,
    unitOf: (id: string) => CompactVector | undefined,
  ): VectorItem | undefined {
    // Plain indexed loops: this runs for every purchase line of every user, on cold code.
    const units: CompactVector[] = [];
    const days: number[] = [];
    let latest = Number.NEGATIVE_INFINITY;
    let lastPurchase = '';
    for (let i = 0; i < user.purchases.length; i++) {
      const purchase = user.purchases[i]!;
      if (purchase.date > lastPurchase) lastPurchase = purchase.date;
      const unit = unitOf(purchase.productId);
      if (unit === undefined) continue;
      const day = Math.min(dayOf(purchase.date), asOfDay);
      units.push(unit);
      days.push(day);
      if (day > latest) latest = day;
    }
    if (units.length === 0) return undefined;
    // Ages are taken from the user's most recent purchase: the mean is the same, and weights of
    // old histories with short half-lives do not underflow to zero.
    const sum = new Float64Array(this.products.embedder.dim);
    let weight = 0;
    for (let j = 0; j < units.length; j++) {
      const w = 2 ** (-(latest - days[j]!) / this.halfLifeDays);
      addScaled(sum, units[j]!, w);
      weight += w;
    }
    const vector = new Float32Array(sum.length);
    let zero = true;
    for (let i = 0; i < sum.length; i++) {
      vector[i] = sum[i]! / weight;
      if (sum[i] !== 0) zero = false;
    }
    if (zero) return undefined;
    const bought = new Set<string>();
    for (let i = 0; i < user.purchases.length; i++) bought.add(user.purchases[i]!.productId);
    return {
      id: user.id,
      metadata: {
        country: user.country,
        purchases: user.purchases.length,
        lastPurchase,
        bought: [...bought].sort(),
      },
      vector,
    };
  }
}

function latestPurchase(users: Iterable<UserProfile>): string {
  let latest = '';
  for (const user of users) for (const { date } of user.purchases) if (date > latest) latest = date;
  return latest;
}

/** The distinct ids of a list of users, in order (the input is not validated: anything odd is skipped). */
function uniqueIds(users: readonly UserProfile[]): string[] {
  return [...new Set(users.map((user) => (user as { id?: unknown } | null)?.id))].filter(
    (id): id is string => typeof id === 'string',
  );
}
