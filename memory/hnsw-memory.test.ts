import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/core/logger.js';
import { BruteForceMemory } from './brute-force-memory.js';
import { BATCH, DIM, vectorOf } from './fixtures/crash-writer.js';
import { HnswMemory } from './hnsw-memory.js';
import type { HnswMemoryOptions } from './hnsw-memory.js';
import { describeVectorMemoryContract } from './vector-memory.contract.js';
import type { VectorItem } from './vector-memory.js';

describeVectorMemoryContract('HnswMemory', (options) => HnswMemory.open(options));
describeVectorMemoryContract('HnswMemory without a graph (graphAbove)', (options) =>
  HnswMemory.open({ ...options, hnsw: { graphAbove: 1_000 } }),
);

/** A logger whose lines the test reads back as objects. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines, messages: () => lines.map((line) => String(line.msg)) };
}

/** Seeded random unit-ish vectors with a `group` (0..19) in metadata. */
function randomItems(n: number, dim: number, seed = 1, prefix = 'x'): VectorItem[] {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    metadata: { group: i % 20 },
    vector: Array.from({ length: dim }, next),
  }));
}

describe('HnswMemory durability and index', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lodestone-hnsw-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = (extra: Partial<HnswMemoryOptions> = {}) =>
    HnswMemory.open({ dir, dim: 8, schema: { group: 'number' }, ...extra });

  it('saves the index on close and loads it on reopen without rebuilding', async () => {
    const memory = await open();
    await memory.upsert(randomItems(300, 8));
    await memory.close();
    expect(existsSync(join(dir, 'index.hnsw'))).toBe(true);
    const header = JSON.parse(readFileSync(join(dir, 'index.hnsw.json'), 'utf8')) as Record<string, unknown>;
    expect(header).toMatchObject({ format: 1, count: 300, dim: 8, generation: 1 });

    const log = capture();
    const again = await open({ logger: log.logger });
    expect(log.messages()).toContain('vector index loaded');
    expect(log.messages().some((m) => m.includes('rebuilt'))).toBe(false);
    expect((await again.search(randomItems(300, 8)[123]!.vector, 1))[0]!.id).toBe('x123');
    await again.close();
  });

  it('detects a stale index file and rebuilds it from SQLite', async () => {
    const memory = await open();
    await memory.upsert(randomItems(200, 8));
    await memory.flush();
    copyFileSync(join(dir, 'index.hnsw'), join(dir, 'old.hnsw'));
    copyFileSync(join(dir, 'index.hnsw.json'), join(dir, 'old.hnsw.json'));
    await memory.upsert(randomItems(50, 8, 9, 'late'));
    await memory.delete(['x0']);
    await memory.close();
    // Put back the index saved before the last writes, as a crash before the final save would.
    copyFileSync(join(dir, 'old.hnsw'), join(dir, 'index.hnsw'));
    copyFileSync(join(dir, 'old.hnsw.json'), join(dir, 'index.hnsw.json'));

    const log = capture();
    const again = await open({ logger: log.logger });
    const line = log.lines.find((l) => String(l.msg).includes('rebuilt from SQLite'));
    expect(line).toMatchObject({ level: 40, reason: 'stale', items: 249 });
    expect((await again.search(randomItems(50, 8, 9, 'late')[7]!.vector, 1))[0]!.id).toBe('late7');
    expect((await again.search(randomItems(1, 8)[0]!.vector, 249)).map((h) => h.id)).not.toContain('x0');
    await again.close();
  });

  it.each([
    ['flipped bytes', () => flipBytes(join(dir, 'index.hnsw'))],
    ['a truncated file', () => truncateSync(join(dir, 'index.hnsw'), 100)],
    ['a garbage sidecar', () => writeFileSync(join(dir, 'index.hnsw.json'), '{not json')],
  ])('detects a corrupt index file (%s) and rebuilds it', async (_name, corrupt) => {
    const memory = await open();
    await memory.upsert(randomItems(300, 8));
    await memory.close();
    corrupt();
    const log = capture();
    const again = await open({ logger: log.logger });
    expect(log.lines.find((l) => String(l.msg).includes('rebuilt'))).toMatchObject({ reason: 'corrupt' });
    expect((await again.search(randomItems(300, 8)[5]!.vector, 1))[0]!.id).toBe('x5');
    await again.close();
    // The rebuilt index was saved: the next open loads it.
    const third = capture();
    await (await open({ logger: third.logger })).close();
    expect(third.messages()).toContain('vector index loaded');
  });

  it('rebuilds a missing index file', async () => {
    const memory = await open();
    await memory.upsert(randomItems(100, 8));
    await memory.close();
    unlinkSync(join(dir, 'index.hnsw'));
    const log = capture();
    const again = await open({ logger: log.logger });
    expect(log.lines.find((l) => String(l.msg).includes('rebuilt'))).toMatchObject({
      reason: 'missing',
      level: 30,
    });
    expect(again.size).toBe(100);
    await again.close();
  });

  it('rebuilds when the graph settings change', async () => {
    const first = await open();
    await first.upsert(randomItems(100, 8));
    await first.close();
    const log = capture();
    await (await open({ logger: log.logger, hnsw: { m: 8 } })).close();
    expect(log.lines.find((l) => String(l.msg).includes('rebuilt'))).toMatchObject({ reason: 'stale' });
  });

  it('grows the index when it is full', async () => {
    const log = capture();
    const memory = await open({ logger: log.logger });
    const items = randomItems(3000, 8);
    for (let i = 0; i < 3000; i += 1000) await memory.upsert(items.slice(i, i + 1000));
    expect(log.messages()).toContain('vector index full; resized');
    expect(memory.size).toBe(3000);
    for (const i of [0, 1500, 2999]) expect((await memory.search(items[i]!.vector, 1))[0]!.id).toBe(`x${i}`);
    await memory.close();
  });

  it('reuses the slots of deleted items instead of growing', async () => {
    const log = capture();
    const memory = await open({ logger: log.logger });
    await memory.upsert(randomItems(1000, 8));
    await memory.delete(randomItems(900, 8).map((item) => item.id));
    await memory.upsert(randomItems(900, 8, 5, 'new'));
    expect(log.messages()).not.toContain('vector index full; resized');
    expect(await memory.search(randomItems(1, 8)[0]!.vector, 50)).toHaveLength(50);
    await memory.close();
  });

  it('walks the graph with the filter and still returns k matches, as exact search would', async () => {
    const items = randomItems(4000, 8);
    const memory = await open({ hnsw: { exactBelow: 0 } });
    const exact = await BruteForceMemory.open({ dim: 8, schema: { group: 'number' } });
    await memory.upsert(items);
    await exact.upsert(items);
    let overlap = 0;
    for (const query of randomItems(20, 8, 77)) {
      const filter = { group: { in: [3] } }; // 5% of items
      const got = await memory.search(query.vector, 10, { filter });
      const want = await exact.search(query.vector, 10, { filter });
      expect(got).toHaveLength(10);
      expect(got.every((hit) => hit.metadata.group === 3)).toBe(true);
      overlap += got.filter((hit) => want.some((w) => w.id === hit.id)).length;
    }
    expect(overlap / 200).toBeGreaterThanOrEqual(0.95);
    // Only 3 items match: the walk comes back short and exact search finds all three.
    await memory.upsert(
      [0, 1, 2].map((i) => ({ id: `rare${i}`, metadata: { group: 99 }, vector: items[i]!.vector })),
    );
    expect(await memory.search(items[500]!.vector, 10, { filter: { group: 99 } })).toHaveLength(3);
    await memory.close();
    await exact.close();
  });

  it('keeps no graph while small (graphAbove), builds one when the memory grows past it', async () => {
    const small = { hnsw: { graphAbove: 500 } };
    const items = randomItems(800, 8);
    const log = capture();
    const memory = await open({ ...small, logger: log.logger });
    await memory.upsert(items.slice(0, 400));
    await memory.close();
    expect(existsSync(join(dir, 'index.hnsw'))).toBe(false);

    const again = await open({ ...small, logger: log.logger });
    expect(log.messages()).toContain('no vector index needed yet');
    expect((await again.search(items[7]!.vector, 1))[0]!.id).toBe('x7');
    await again.upsert(items.slice(400));
    expect(log.messages()).toContain('vector index built');
    expect((await again.search(items[650]!.vector, 1))[0]!.id).toBe('x650');
    await again.close();
    expect(existsSync(join(dir, 'index.hnsw'))).toBe(true);

    const third = capture();
    const reopened = await open({ ...small, logger: third.logger });
    expect(third.messages()).toContain('vector index loaded');
    expect(reopened.size).toBe(800);
    await reopened.close();
  });

  it('keeps every acknowledged item when the writer is killed mid-way', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures/crash-writer.ts'), dir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const acked: number[] = [];
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    for await (const line of createInterface({ input: child.stdout })) {
      const match = /^ack (\d+)$/.exec(line);
      if (match) acked.push(Number(match[1]));
      if (acked.length === 12) child.kill('SIGKILL');
    }
    expect(await exited, stderr).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(12);

    const log = capture();
    const memory = await HnswMemory.open({ dir, dim: DIM, schema: { batch: 'number' }, logger: log.logger });
    expect(memory.size).toBeGreaterThanOrEqual(acked.length * BATCH);
    for (const batch of acked) {
      for (let i = 0; i < BATCH; i++) expect(await memory.get(`b${batch}-${i}`)).toBeDefined();
    }
    const last = `b${acked.at(-1)}-3`;
    expect((await memory.search(vectorOf(last), 1))[0]!.id).toBe(last);
    const filtered = await memory.search(vectorOf(last), 5, { filter: { batch: { lte: 2 } } });
    expect(filtered).toHaveLength(5);
    await memory.close();
  }, 60_000);
});

function flipBytes(path: string): void {
  const bytes = readFileSync(path);
  for (let i = Math.floor(bytes.length / 2); i < bytes.length / 2 + 64; i++) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(path, bytes);
}
