import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../src/core/errors.js';
import type { Embedder } from './embedder.js';
import { UnknownFilterFieldError } from './errors.js';
import { sampleProducts } from './fixtures/catalog.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { HnswMemory } from './hnsw-memory.js';
import { ProductMemory } from './product-memory.js';

/** Wraps an embedder and counts the texts it embeds. */
function counting(inner: Embedder): Embedder & { texts: number } {
  const counter = {
    id: inner.id,
    dim: inner.dim,
    texts: 0,
    embed: (texts: readonly string[]) => {
      counter.texts += texts.length;
      return inner.embed(texts);
    },
  };
  return counter;
}

describe('ProductMemory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lodestone-products-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds products like a product or a text, with filters', async () => {
    const products = await ProductMemory.open({ dir, embedder: new HashedEmbedder({ dim: 256 }) });
    await products.sync(sampleProducts());
    const likeMug = await products.similar({ id: 'M1' }, { k: 3 });
    expect(likeMug.map((h) => h.product.id)).not.toContain('M1');
    expect(likeMug.slice(0, 2).map((h) => h.product.category)).toEqual(['kitchen', 'kitchen']);
    const cheapGarden = await products.similar(
      { text: 'garden tools' },
      { k: 5, filter: { price: { lte: 5 } } },
    );
    expect(cheapGarden[0]!.product.category).toBe('garden');
    expect(cheapGarden.every((h) => h.product.price <= 5)).toBe(true);
    expect(await products.get('C3')).toMatchObject({ title: 'SCENTED CANDLE IN GLASS JAR', price: 4.25 });
    await expect(products.similar({ id: 'nope' })).rejects.toThrow(NotFoundError);
    await expect(products.similar({ text: 'mug' }, { filter: { colour: 'red' } })).rejects.toThrow(
      UnknownFilterFieldError,
    );
    await expect(products.sync([{ ...sampleProducts()[0]!, price: -1 }])).rejects.toThrow(InvalidInputError);
    await products.close();
  });

  it('is cached between runs and re-embeds only what changed', async () => {
    const embedder = counting(new HashedEmbedder({ dim: 256 }));
    let products = await ProductMemory.open({ dir, embedder });
    expect(await products.sync(sampleProducts())).toEqual({ changed: true, upserted: 10, deleted: 0 });
    const hash = products.contentHash;
    await products.close();

    products = await ProductMemory.open({ dir, embedder });
    expect(await products.sync(sampleProducts())).toEqual({ changed: false, upserted: 0, deleted: 0 });
    expect(products.contentHash).toBe(hash);
    expect(embedder.texts).toBe(10);

    const edited = sampleProducts().filter((p) => p.id !== 'G3');
    edited[0] = { ...edited[0]!, title: 'WHITE PORCELAIN MUG' };
    expect(await products.sync(edited)).toEqual({ changed: true, upserted: 1, deleted: 1 });
    expect(embedder.texts).toBe(11);
    expect(products.contentHash).not.toBe(hash);
    expect(await products.get('G3')).toBeUndefined();
    await products.close();
  });

  it('redoes a sync that was interrupted after writing to the memory, dropping what it left behind', async () => {
    const embedder = counting(new HashedEmbedder({ dim: 256 }));
    let products = await ProductMemory.open({ dir, embedder });
    await products.sync(sampleProducts());
    await products.close();
    // A sync that crashed before recording its manifest: the store changed, the manifest did not.
    const store = await HnswMemory.open({ dir: join(dir, 'products'), dim: 256 });
    await store.upsert([{ id: 'STRAY', vector: Array.from({ length: 256 }, (_, i) => (i === 0 ? 1 : 0)) }]);
    await store.close();

    products = await ProductMemory.open({ dir, embedder });
    expect(await products.sync(sampleProducts())).toEqual({ changed: true, upserted: 10, deleted: 1 });
    expect(await products.get('STRAY')).toBeUndefined();
    expect(await products.sync(sampleProducts())).toMatchObject({ changed: false });
    expect(embedder.texts).toBe(20);
    await products.close();
  });

  it('rebuilds when the embedder changes, even to another dimension', async () => {
    let products = await ProductMemory.open({ dir, embedder: new HashedEmbedder({ dim: 256 }) });
    await products.sync(sampleProducts());
    await products.close();
    products = await ProductMemory.open({ dir, embedder: new HashedEmbedder({ dim: 128 }) });
    expect(products.size).toBe(0);
    expect(await products.sync(sampleProducts())).toMatchObject({ changed: true, upserted: 10 });
    expect((await products.similar({ id: 'G1' }, { k: 1 }))[0]!.product.id).toBe('G2');
    await products.close();
  });
});
