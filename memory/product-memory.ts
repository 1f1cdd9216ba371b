import { join } from 'node:path';
import { InvalidInputError, NotFoundError } from '../src/core/errors.js';
import type { Logger } from '../src/core/logger.js';
import { silentLogger } from '../src/core/logger.js';
import { Product } from '../src/core/schemas/catalog.js';
import { DerivedCollection, contentHash, quickHash } from './collection-sync.js';
import type { SyncReport } from './collection-sync.js';
import type { Embedder } from './embedder.js';
import type { HnswSettings } from './hnsw-memory.js';
import type { MetadataFilter, MetadataSchema } from './metadata-filter.js';

/** The product fields a search can filter on. */
export const PRODUCT_SCHEMA = {
  category: 'string',
  price: 'number',
  currency: 'string',
  orders: 'number',
  units: 'number',
  buyers: 'number',
  firstSold: 'string',
  lastSold: 'string',
} as const satisfies MetadataSchema;

/** Options of {@link ProductMemory.open}. */
export interface ProductMemoryOptions {
  /** Data directory; the memory lives in `<dir>/products`. */
  dir: string;
  embedder: Embedder;
  logger?: Logger;
  hnsw?: Partial<HnswSettings>;
}

/** A product found by a search, with its cosine similarity to the query. */
export interface ProductHit {
  product: Product;
  score: number;
}

/** Options of {@link ProductMemory.similar}. */
export interface SimilarProductOptions {
  k?: number;
  filter?: MetadataFilter;
}

/**
 * The text a product is embedded from.
 *
 * @example
 * ```ts
 * productText(product); // 'WHITE HANGING HEART T-LIGHT HOLDER — candles & lighting'
 * ```
 */
export function productText(product: Product): string {
  return `${product.title} — ${product.category}`;
}

/**
 * The catalog as vector memory, for "products like this". Products are taken as input (from
 * `data/derived/catalog.json` or anywhere else), embedded and indexed in `<dir>/products`; the
 * index is kept between runs and `sync` re-embeds only what changed (nothing when the catalog's
 * content hash is unchanged; everything when the embedder changes).
 *
 * @example
 * ```ts
 * const products = await ProductMemory.open({ dir: '.lodestone', embedder: createOfflineEmbedder() });
 * await products.sync(catalog);
 * await products.similar({ id: '85123A' }, { k: 5, filter: { price: { lte: 5 } } });
 * await products.similar({ text: 'ceramic mug' }, { k: 5 });
 * ```
 */
export class ProductMemory {
  private constructor(
    private readonly collection: DerivedCollection,
    readonly embedder: Embedder,
  ) {}

  static async open(options: ProductMemoryOptions): Promise<ProductMemory> {
    const collection = await DerivedCollection.open({
      dir: join(options.dir, 'products'),
      version: `products-v1:${options.embedder.id}`,
      dim: options.embedder.dim,
      schema: PRODUCT_SCHEMA,
      logger: (options.logger ?? silentLogger()).child({ component: 'product-memory' }),
      ...(options.hnsw === undefined ? {} : { hnsw: options.hnsw }),
    });
    return new ProductMemory(collection, options.embedder);
  }

  /** Hash of the catalog the memory reflects; changes whenever any product does. */
  get contentHash(): string {
    return this.collection.contentHash;
  }

  /**
   * Changes whenever a stored product vector may have (any write to the memory, or a new memory);
   * what user profiles built from the vectors record to know when to rebuild.
   */
  get revision(): string {
    return this.collection.memory.revision;
  }

  get size(): number {
    return this.collection.memory.size;
  }

  /**
   * Makes the memory hold exactly these products (the last of repeated ids wins). Throws
   * {@link InvalidInputError} on a malformed product. When the input hashes as the last synced
   * one did, nothing is parsed or embedded.
   */
  async sync(products: readonly Product[]): Promise<SyncReport> {
    const quick = quickHash(products);
    if (quick !== undefined && this.collection.isCurrent(quick))
      return { changed: false, upserted: 0, deleted: 0 };
    const byId = new Map<string, Product>();
    products.forEach((candidate, i) => {
      const parsed = Product.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InvalidInputError(
          `products[${i}].${issue?.path.join('.') ?? ''}`,
          issue?.message ?? 'a Product',
          candidate,
        );
      }
      byId.set(parsed.data.id, parsed.data);
    });
    // Parsed, so keys are in schema order and quickHash is never undefined.
    const items = [...byId.values()].map((product) => ({ id: product.id, hash: quickHash(product)! }));
    return this.collection.sync(quick ?? contentHash(items), items, async (ids) => {
      const batch = ids.map((id) => byId.get(id)!);
      const vectors = await this.embedder.embed(batch.map(productText));
      return batch.map((product, i) => ({
        id: product.id,
        text: productText(product),
        metadata: { ...product },
        vector: vectors[i]!,
      }));
    });
  }

  async get(id: string): Promise<Product | undefined> {
    const item = await this.collection.memory.get(id);
    return item === undefined ? undefined : (item.metadata as unknown as Product);
  }

  /** The stored vector of a product, or undefined. */
  async vectorOf(id: string): Promise<Float32Array | undefined> {
    return (await this.collection.memory.get(id))?.vector;
  }

  /**
   * The stored vector of a product scaled to unit length, read from memory (synchronous, no
   * storage read), or undefined.
   *
   * @example
   * ```ts
   * products.unitVectorOf('85123A'); // Float32Array of length embedder.dim, norm 1
   * ```
   */
  unitVectorOf(id: string): Float32Array | undefined {
    return this.collection.memory.unitVectorOf(id);
  }

  /**
   * Products most similar to a product (by id; the product itself is left out) or to a text,
   * best first. Throws {@link NotFoundError} for an unknown id.
   */
  async similar(
    query: { id: string } | { text: string },
    options: SimilarProductOptions = {},
  ): Promise<ProductHit[]> {
    const k = options.k ?? 10;
    let self: string | undefined;
    let vector: Float32Array;
    if ('id' in query) {
      self = query.id;
      const found = await this.vectorOf(query.id);
      if (found === undefined) throw new NotFoundError('product', query.id, this.collection.ids());
      vector = found;
    } else {
      [vector] = (await this.embedder.embed([query.text])) as [Float32Array];
    }
    const filter = options.filter === undefined ? {} : { filter: options.filter };
    const hits = await this.collection.memory.search(vector, self === undefined ? k : k + 1, filter);
    return hits
      .filter((hit) => hit.id !== self)
      .slice(0, k)
      .map((hit) => ({ product: hit.metadata as unknown as Product, score: hit.score }));
  }

  close(): Promise<void> {
    return this.collection.close();
  }
}
