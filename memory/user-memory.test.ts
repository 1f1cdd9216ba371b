import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvalidInputError, NotFoundError } from '../src/core/errors.js';
import { sampleProducts, sampleUsers } from './fixtures/catalog.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { ProductMemory } from './product-memory.js';
import { UserMemory, recencyWeight } from './user-memory.js';

describe('recencyWeight', () => {
  it('halves every half-life and never exceeds 1', () => {
    expect(recencyWeight('2011-01-01', '2011-01-31', 30)).toBeCloseTo(0.5, 10);
    expect(recencyWeight('2011-01-01', '2011-03-02', 30)).toBeCloseTo(0.25, 10);
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 1000 }),
        fc.double({ min: 1, max: 365, noNaN: true }),
        (days, halfLife) => {
          const date = new Date(Date.parse('2011-02-28') - days * 86_400_000).toISOString().slice(0, 10);
          const w = recencyWeight(date, '2011-02-28', halfLife);
          expect(w).toBeGreaterThan(0);
          expect(w).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('UserMemory', () => {
  let dir: string;
  let products: ProductMemory;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lodestone-users-'));
    products = await ProductMemory.open({ dir, embedder: new HashedEmbedder({ dim: 256 }) });
    await products.sync(sampleProducts());
  });
  afterEach(async () => {
    await products.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds users like a user and likely buyers of a product', async () => {
    const users = await UserMemory.open({ dir, products, halfLifeDays: 14 });
    const report = await users.sync(sampleUsers());
    expect(report).toMatchObject({ changed: true, upserted: 6, skipped: ['ghost'] });
    const likeU3 = await users.similarUsers('u3', { k: 2 });
    expect(likeU3[0]!.id).toBe('u4');
    expect(likeU3.map((h) => h.id)).not.toContain('u3');
    const mugBuyers = await users.likelyBuyers('M3', { k: 3 });
    expect(mugBuyers.map((h) => h.id)).toEqual(expect.arrayContaining(['u1', 'u2']));
    const newMugBuyers = await users.likelyBuyers('M3', { k: 3, excludeBuyers: true });
    expect(newMugBuyers.map((h) => h.id)).not.toContain('u2');
    const french = await users.likelyBuyers('M3', { k: 5, filter: { country: 'France' } });
    expect(french.every((h) => h.country === 'France')).toBe(true);
    await expect(users.similarUsers('ghost')).rejects.toThrow(NotFoundError);
    await users.close();
  });

  it('weights recent purchases more: a short half-life makes a recent mug buyer a mug person', async () => {
    const recent = await UserMemory.open({ dir: join(dir, 'short'), products, halfLifeDays: 7 });
    await recent.sync(sampleUsers());
    expect((await recent.similarUsers('u6', { k: 1 }))[0]!.id).toMatch(/^u[12]$/);
    await recent.close();
    const flat = await UserMemory.open({ dir: join(dir, 'long'), products, halfLifeDays: 10_000 });
    await flat.sync(sampleUsers());
    expect((await flat.similarUsers('u6', { k: 1 }))[0]!.id).toMatch(/^u[34]$/);
    await flat.close();
  });

  it('is cached between runs and rebuilt when the products change', async () => {
    let users = await UserMemory.open({ dir, products });
    await users.sync(sampleUsers());
    await users.close();
    users = await UserMemory.open({ dir, products });
    // Unchanged input is recognised by its hash, before any product vector is read.
    const reads = vi.spyOn(products, 'unitVectorOf');
    expect(await users.sync(sampleUsers())).toEqual({
      changed: false,
      upserted: 0,
      deleted: 0,
      skipped: ['ghost'],
    });
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    await products.sync(sampleProducts().map((p) => (p.id === 'M1' ? { ...p, title: 'GREEN MUG' } : p)));
    expect(await users.sync(sampleUsers())).toMatchObject({ changed: true, upserted: 6 });
    await users.close();
  });

  it('rejects a bad half-life', async () => {
    await expect(UserMemory.open({ dir, products, halfLifeDays: 0 })).rejects.toThrow(InvalidInputError);
  });
});
