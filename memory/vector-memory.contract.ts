import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.js';
import {
  DimensionMismatchError,
  EmptyTextError,
  InvalidFilterError,
  InvalidMetadataError,
  InvalidVectorError,
  MemoryClosedError,
  MemoryConfigMismatchError,
  UnknownFilterFieldError,
} from './errors.js';
import type { MetadataSchema } from './metadata-filter.js';
import type { VectorItem, VectorMemory } from './vector-memory.js';

/** Opens a memory in `dir` (the same `dir` again must give back the same items). */
export type MemoryFactory = (options: {
  dir: string;
  dim: number;
  schema: MetadataSchema;
}) => Promise<VectorMemory>;

const SCHEMA = { category: 'string', price: 'number', inStock: 'boolean' } as const satisfies MetadataSchema;

/** A seeded, clustered set of 3-d items with product-like metadata. */
function products(n: number): VectorItem[] {
  const categories = ['kitchen', 'garden', 'toys'];
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    text: `product ${i}`,
    metadata: { category: categories[i % 3]!, price: i % 10, inStock: i % 2 === 0, tags: ['x'] },
    vector: [Math.cos(i), Math.sin(i), (i % 7) / 7],
  }));
}

function cosine(a: readonly number[], b: readonly number[]): number {
  const dot = a.reduce((sum, x, i) => sum + x * b[i]!, 0);
  return dot / Math.hypot(...a) / Math.hypot(...b);
}

/**
 * The one contract every {@link VectorMemory} adapter must pass. Call it from the adapter's test
 * file with a factory.
 *
 * @example
 * ```ts
 * describeVectorMemoryContract('BruteForceMemory', ({ dir, dim, schema }) =>
 *   BruteForceMemory.open({ path: join(dir, 'items.sqlite'), dim, schema }),
 * );
 * ```
 */
export function describeVectorMemoryContract(name: string, open: MemoryFactory): void {
  describe(`VectorMemory contract: ${name}`, () => {
    let dir: string;
    let memory: VectorMemory;
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'lodestone-memory-'));
      memory = await open({ dir, dim: 3, schema: SCHEMA });
    });
    afterEach(async () => {
      await memory.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('stores items and gives them back by id', async () => {
      await memory.upsert(products(20));
      expect(memory.size).toBe(20);
      const item = await memory.get('p4');
      expect(item).toMatchObject({ id: 'p4', text: 'product 4', metadata: { category: 'garden', price: 4 } });
      expect(Array.from(item!.vector)).toEqual(
        Array.from(new Float32Array([Math.cos(4), Math.sin(4), 4 / 7])),
      );
      expect(await memory.get('nope')).toBeUndefined();
    });

    it('replaces an item upserted again under the same id', async () => {
      await memory.upsert(products(10));
      await memory.upsert([
        { id: 'p3', text: 'new', metadata: { category: 'toys', price: 99 }, vector: [0, 0, 1] },
      ]);
      expect(memory.size).toBe(10);
      expect(await memory.get('p3')).toMatchObject({ text: 'new', metadata: { price: 99 } });
      const [best] = await memory.search([0, 0, 1], 1);
      expect(best).toMatchObject({ id: 'p3', text: 'new' });
      expect(best!.score).toBeCloseTo(1, 5);
    });

    it('never returns deleted items', async () => {
      await memory.upsert(products(30));
      expect(await memory.delete(['p1', 'p2', 'missing'])).toBe(2);
      await memory.upsert(products(40).slice(30));
      expect(memory.size).toBe(38);
      expect(await memory.get('p1')).toBeUndefined();
      for (const vector of [products(3)[1]!.vector, products(3)[2]!.vector]) {
        const ids = (await memory.search(vector, 38)).map((hit) => hit.id);
        expect(ids).not.toContain('p1');
        expect(ids).not.toContain('p2');
        expect(ids).toHaveLength(38);
      }
    });

    it('ranks by cosine similarity, best first, with exact scores', async () => {
      const items = products(50);
      await memory.upsert(items);
      const query = [0.3, -0.2, 0.9];
      const hits = await memory.search(query, 5);
      const expected = items
        .map((item) => ({ id: item.id, score: cosine(query, item.vector as number[]) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 5);
      expect(hits.map((h) => h.id)).toEqual(expected.map((e) => e.id));
      hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 5));
      expect(hits[0]!.metadata).toMatchObject({ tags: ['x'] });
    });

    it('never lets a caller change stored metadata through a hit or the input object', async () => {
      const input = { id: 'm', metadata: { category: 'kitchen', price: 1 }, vector: [1, 0, 0] };
      await memory.upsert([input]);
      input.metadata.category = 'garden';
      const [hit] = await memory.search([1, 0, 0], 1);
      expect(hit!.metadata.category).toBe('kitchen');
      expect(() => {
        (hit!.metadata as Record<string, unknown>).category = 'toys';
      }).toThrow(TypeError);
      expect(await memory.search([1, 0, 0], 1, { filter: { category: 'kitchen' } })).toHaveLength(1);
    });

    it('returns every item when k exceeds the size, and nothing when empty', async () => {
      expect(await memory.search([1, 0, 0], 5)).toEqual([]);
      await memory.upsert(products(4));
      expect(await memory.search([1, 0, 0], 100)).toHaveLength(4);
    });

    it('filters by equality, in, ranges and booleans, still returning k when k match', async () => {
      await memory.upsert(products(300));
      const check = async (
        filter: Parameters<VectorMemory['search']>[2],
        test: (m: Record<string, unknown>) => boolean,
      ) => {
        const hits = await memory.search([1, 0, 0], 10, filter);
        expect(hits).toHaveLength(10);
        for (const hit of hits) expect(test(hit.metadata)).toBe(true);
      };
      await check({ filter: { category: 'kitchen' } }, (m) => m.category === 'kitchen');
      await check({ filter: { category: { in: ['toys', 'garden'] } } }, (m) => m.category !== 'kitchen');
      await check(
        { filter: { price: { gte: 2, lt: 4 } } },
        (m) => (m.price as number) >= 2 && (m.price as number) < 4,
      );
      await check(
        { filter: { category: 'kitchen', price: { lte: 5 }, inStock: true } },
        (m) => m.category === 'kitchen' && (m.price as number) <= 5 && m.inStock === true,
      );
      // 300 items, 1 in 30 match: 10 exist.
      await check({ filter: { category: 'toys', price: 5 } }, (m) => m.category === 'toys' && m.price === 5);
      expect(await memory.search([1, 0, 0], 10, { filter: { price: { gt: 100 } } })).toEqual([]);
    });

    it('rejects filters on undeclared fields and malformed conditions', async () => {
      await memory.upsert(products(5));
      await expect(memory.search([1, 0, 0], 3, { filter: { colour: 'red' } })).rejects.toThrow(
        UnknownFilterFieldError,
      );
      await expect(memory.search([1, 0, 0], 3, { filter: { colour: 'red' } })).rejects.toThrow(
        /category, price, inStock/,
      );
      await expect(memory.search([1, 0, 0], 3, { filter: { price: 'cheap' } })).rejects.toThrow(
        InvalidFilterError,
      );
      await expect(memory.search([1, 0, 0], 3, { filter: { inStock: { gt: 1 } } })).rejects.toThrow(
        InvalidFilterError,
      );
    });

    it('rejects bad input with typed errors and loses nothing already stored', async () => {
      await memory.upsert(products(10));
      const good = { id: 'new', metadata: {}, vector: [1, 1, 1] };
      const bad: [unknown, abstract new (...args: never[]) => UserError][] = [
        [{ id: 'x', metadata: {}, vector: [1, 2] }, DimensionMismatchError],
        [{ id: 'x', metadata: {}, vector: [1, Number.NaN, 2] }, InvalidVectorError],
        [{ id: 'x', metadata: {}, vector: [1, Number.POSITIVE_INFINITY, 2] }, InvalidVectorError],
        [{ id: 'x', metadata: {}, vector: [1, 1e39, 2] }, InvalidVectorError],
        [{ id: 'x', metadata: {}, vector: [0, 0, 0] }, InvalidVectorError],
        [{ id: 'x', text: '  ', metadata: {}, vector: [1, 2, 3] }, EmptyTextError],
        [{ id: 'x', metadata: { price: 'free' }, vector: [1, 2, 3] }, InvalidMetadataError],
        [{ id: '', metadata: {}, vector: [1, 2, 3] }, UserError],
      ];
      for (const [item, type] of bad) {
        const error: unknown = await memory.upsert([good, item as VectorItem]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(type);
        expect(error).toBeInstanceOf(UserError);
      }
      await expect(memory.upsert([good, bad[0]![0] as VectorItem])).rejects.toThrow(
        /expected a vector of 3 numbers, received 2/,
      );
      await expect(memory.search([1, 2], 3)).rejects.toThrow(DimensionMismatchError);
      await expect(memory.search([1, Number.NaN, 2], 3)).rejects.toThrow(InvalidVectorError);
      await expect(memory.search([1, 2, 3], 0)).rejects.toThrow(UserError);
      expect(memory.size).toBe(10);
      expect(await memory.get('new')).toBeUndefined();
      expect((await memory.search(products(10)[7]!.vector, 1))[0]!.id).toBe('p7');
    });

    it('gives every item back after close and reopen', async () => {
      await memory.upsert(products(60));
      await memory.delete(['p0']);
      await memory.close();
      memory = await open({ dir, dim: 3, schema: SCHEMA });
      expect(memory.size).toBe(59);
      expect(await memory.get('p0')).toBeUndefined();
      expect(await memory.get('p59')).toMatchObject({ metadata: { price: 9 } });
      expect((await memory.search(products(60)[42]!.vector, 1))[0]!.id).toBe('p42');
      await expect(memory.search([1, 0, 0], 3, { filter: { category: 'toys' } })).resolves.toHaveLength(3);
    });

    it('refuses to reopen with another dimension', async () => {
      await memory.upsert(products(3));
      await memory.close();
      await expect(open({ dir, dim: 4, schema: SCHEMA })).rejects.toThrow(MemoryConfigMismatchError);
      memory = await open({ dir, dim: 3, schema: SCHEMA });
    });

    it('throws MemoryClosedError after close', async () => {
      await memory.close();
      await expect(memory.search([1, 0, 0], 1)).rejects.toThrow(MemoryClosedError);
      await expect(memory.upsert(products(1))).rejects.toThrow(MemoryClosedError);
    });

    it('matches an exact model under any sequence of upserts and deletes (property)', async () => {
      const op = fc.oneof(
        fc.record({
          kind: fc.constant('upsert' as const),
          id: fc.integer({ min: 0, max: 30 }),
          vector: fc.tuple(
            fc.integer({ min: -9, max: 9 }),
            fc.integer({ min: -9, max: 9 }),
            fc.integer({ min: 1, max: 9 }),
          ),
        }),
        fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 30 }) }),
      );
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { maxLength: 60 }), async (ops) => {
          const propertyDir = join(dir, `run${run++}`);
          const mem = await open({ dir: propertyDir, dim: 3, schema: SCHEMA });
          const model = new Map<string, number[]>();
          try {
            for (const o of ops) {
              if (o.kind === 'upsert') {
                await mem.upsert([{ id: `i${o.id}`, metadata: {}, vector: o.vector }]);
                model.set(`i${o.id}`, o.vector);
              } else {
                await mem.delete([`i${o.id}`]);
                model.delete(`i${o.id}`);
              }
            }
            expect(mem.size).toBe(model.size);
            const query = [1, 2, 3];
            const hits = await mem.search(query, 5);
            const expected = [...model.values()].map((v) => cosine(query, v)).sort((a, b) => b - a);
            expect(hits.map((h) => h.score)).toHaveLength(Math.min(5, model.size));
            hits.forEach((hit, i) => {
              expect(hit.score).toBeCloseTo(expected[i]!, 5);
              expect(model.has(hit.id)).toBe(true);
            });
          } finally {
            await mem.close();
          }
        }),
        { numRuns: 25, seed: 7 },
      );
    });
  });
}
