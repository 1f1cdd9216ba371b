/**
 * Benchmark: vector memory search at n = 100,000, dim = 128 on seeded Gaussian clusters.
 *
 * Measures, in one process and on one thread:
 * - the HNSW core (hnswlib-node directly): build rate, recall@10 and queries per second;
 * - the full `HnswMemory` path (SQLite writes, input checks, id/metadata mapping): the same, plus
 *   recall@10 of a filtered search at 10% selectivity;
 * - exact search (`BruteForceMemory`) as ground truth, and LangChain's `MemoryVectorStore`
 *   (addVectors, then similaritySearchVectorWithScore) as the named baseline.
 *
 * Progress goes to stderr, one JSON line of results to stdout. Run: `npm run bench:memory`.
 * Options: `--n 100000 --queries 1000 --baseline-queries 50 --m 16 --ef-construction 100 --ef 48`
 * (graph settings default to DEFAULT_HNSW_SETTINGS).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { Document } from '@langchain/core/documents';
import hnswlib from 'hnswlib-node';
import { BruteForceMemory, DEFAULT_HNSW_SETTINGS, HnswMemory } from '../../memory/index.js';
import type { VectorItem } from '../../memory/index.js';
import { seededRandom } from '../../src/core/index.js';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    dim: { type: 'string', default: '128' },
    clusters: { type: 'string', default: '100' },
    queries: { type: 'string', default: '1000' },
    'baseline-queries': { type: 'string', default: '50' },
    m: { type: 'string', default: String(DEFAULT_HNSW_SETTINGS.m) },
    'ef-construction': { type: 'string', default: String(DEFAULT_HNSW_SETTINGS.efConstruction) },
    ef: { type: 'string', default: String(DEFAULT_HNSW_SETTINGS.ef) },
    seed: { type: 'string', default: '42' },
  },
});
const n = Number(args.n);
const dim = Number(args.dim);
const clusters = Number(args.clusters);
const queryCount = Number(args.queries);
const baselineQueryCount = Number(args['baseline-queries']);
const settings = { m: Number(args.m), efConstruction: Number(args['ef-construction']), ef: Number(args.ef) };
const K = 10;
const SPREAD = 0.5; // per-coordinate standard deviation around a centre whose coordinates are N(0, 1)

const progress = (message: string) => process.stderr.write(`[bench:memory] ${message}\n`);

/** mulberry32 with Box–Muller: seeded, so every run sees the same data. */
function gaussianSource(seed: number): { uniform: () => number; gauss: () => number } {
  const uniform = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, gauss };
}

const rng = gaussianSource(Number(args.seed));
const centres = Array.from({ length: clusters }, () => Float32Array.from({ length: dim }, rng.gauss));
const point = () => {
  const centre = centres[Math.floor(rng.uniform() * clusters)]!;
  return Float32Array.from(centre, (c) => c + SPREAD * rng.gauss());
};
progress(`generating ${n} points, dim ${dim}, ${clusters} clusters`);
// `bucket` is independent of the cluster: filtering on one bucket keeps 10% of the items.
const items: VectorItem[] = Array.from({ length: n }, (_, i) => ({
  id: `v${i}`,
  metadata: { bucket: Math.floor(rng.uniform() * 10) },
  vector: point(),
}));
const queries = Array.from({ length: queryCount }, point);
const filter = { bucket: 3 };

const dir = mkdtempSync(join(tmpdir(), 'lodestone-bench-memory-'));
try {
  // Ground truth: exact search, through the reference adapter.
  progress('exact ground truth (BruteForceMemory)');
  const exact = await BruteForceMemory.open({ dim, schema: { bucket: 'number' } });
  await exact.upsert(items);
  let t = performance.now();
  const truth: string[][] = [];
  for (const q of queries) truth.push((await exact.search(q, K)).map((hit) => hit.id));
  const exactQps = queryCount / ((performance.now() - t) / 1000);
  const filteredTruth: string[][] = [];
  for (const q of queries) filteredTruth.push((await exact.search(q, K, { filter })).map((hit) => hit.id));
  await exact.close();

  const recall = (got: string[][], want: string[][]) =>
    got.reduce((sum, ids, i) => sum + ids.filter((id) => want[i]!.includes(id)).length, 0) /
    (want.length * K);

  // HNSW core: hnswlib-node directly, labels are item positions.
  progress(`HNSW core build (m ${settings.m}, efConstruction ${settings.efConstruction})`);
  const core = new hnswlib.HierarchicalNSW('cosine', dim);
  core.initIndex({ maxElements: n, m: settings.m, efConstruction: settings.efConstruction, randomSeed: 100 });
  t = performance.now();
  items.forEach((item, i) => core.addPoint(Array.from(item.vector), i));
  const coreBuildPerSec = n / ((performance.now() - t) / 1000);
  const coreSearch = (ef: number) => {
    core.setEf(ef);
    const arrays = queries.map((q) => Array.from(q));
    for (const q of arrays.slice(0, 100)) core.searchKnn(q, K); // warm-up
    const start = performance.now();
    const got = arrays.map((q) => core.searchKnn(q, K).neighbors.map((i) => `v${i}`));
    return {
      ef,
      recallAt10: round(recall(got, truth)),
      qps: Math.round(queryCount / ((performance.now() - start) / 1000)),
    };
  };
  const efSweep = [16, 32, 48, 64, 96, 128].map(coreSearch);
  progress(`core ef sweep ${JSON.stringify(efSweep)}`);
  const coreAtEf = coreSearch(settings.ef);

  // Full path: HnswMemory over SQLite, upserted in batches of 1,000 (one transaction each).
  progress('HnswMemory build (SQLite + HNSW)');
  const memory = await HnswMemory.open({ dir, dim, schema: { bucket: 'number' }, hnsw: settings });
  t = performance.now();
  for (let i = 0; i < n; i += 1000) await memory.upsert(items.slice(i, i + 1000));
  const buildPerSec = n / ((performance.now() - t) / 1000);
  for (const q of queries.slice(0, 100)) await memory.search(q, K); // warm-up
  t = performance.now();
  let cpu = process.cpuUsage();
  const got: string[][] = [];
  for (const q of queries) got.push((await memory.search(q, K)).map((hit) => hit.id));
  const qps = queryCount / ((performance.now() - t) / 1000);
  const qpsCpu = queryCount / cpuSeconds(cpu);
  t = performance.now();
  const filtered: string[][] = [];
  for (const q of queries) filtered.push((await memory.search(q, K, { filter })).map((hit) => hit.id));
  const filteredQps = queryCount / ((performance.now() - t) / 1000);
  t = performance.now();
  await memory.close();
  const saveMs = performance.now() - t;
  t = performance.now();
  const reopened = await HnswMemory.open({ dir, dim, schema: { bucket: 'number' }, hnsw: settings });
  const reopenMs = performance.now() - t;
  await reopened.close();

  // Baseline: LangChain's MemoryVectorStore on the same data and (the first) queries.
  progress(`baseline MemoryVectorStore (${baselineQueryCount} queries)`);
  const noEmbeddings = { embedDocuments: () => Promise.resolve([]), embedQuery: () => Promise.resolve([]) };
  const baselineStore = new MemoryVectorStore(noEmbeddings);
  await baselineStore.addVectors(
    items.map((item) => Array.from(item.vector)),
    items.map((item) => new Document({ pageContent: '', metadata: item.metadata ?? {}, id: item.id })),
  );
  const baselineQueries = queries.slice(0, baselineQueryCount).map((q) => Array.from(q));
  await baselineStore.similaritySearchVectorWithScore(baselineQueries[0]!, K); // warm-up
  t = performance.now();
  cpu = process.cpuUsage();
  const baselineGot: string[][] = [];
  for (const q of baselineQueries) {
    baselineGot.push(
      (await baselineStore.similaritySearchVectorWithScore(q, K)).map(([doc]) => doc.id ?? ''),
    );
  }
  const baselineQps = baselineQueryCount / ((performance.now() - t) / 1000);
  const baselineQpsCpu = baselineQueryCount / cpuSeconds(cpu);

  const result = {
    bench: 'memory',
    n,
    dim,
    clusters,
    queries: queryCount,
    k: K,
    hnsw: settings,
    recallAt10: round(recall(got, truth)),
    qps: Math.round(qps),
    buildPerSec: Math.round(buildPerSec),
    filteredRecallAt10: round(recall(filtered, filteredTruth)),
    filteredQps: Math.round(filteredQps),
    filterSelectivity: 0.1,
    baseline: 'langchain MemoryVectorStore (addVectors + similaritySearchVectorWithScore)',
    baselineQps: round(baselineQps),
    baselineRecallAt10: round(recall(baselineGot, truth.slice(0, baselineQueryCount))),
    speedup: Math.round(qps / baselineQps),
    // Per CPU-second of this process: what one uncontended core would do (the machine may be shared).
    qpsCpu: Math.round(qpsCpu),
    baselineQpsCpu: round(baselineQpsCpu),
    loadAverage: round(loadavg()[0]!),
    core: { recallAt10: coreAtEf.recallAt10, qps: coreAtEf.qps, buildPerSec: Math.round(coreBuildPerSec) },
    coreSpeedup: Math.round(coreAtEf.qps / baselineQps),
    efSweep,
    exactQps: round(exactQps),
    saveMs: Math.round(saveMs),
    reopenMs: Math.round(reopenMs),
    node: process.version,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
