import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BruteForceMemory } from './brute-force-memory.js';
import { EmptyTextError, UnknownFilterFieldError } from './errors.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { HnswMemory } from './hnsw-memory.js';
import { EmbedderEmbeddings, LodestoneVectorStore } from './langchain-store.js';
import type { VectorMemory } from './vector-memory.js';

const DOCS = [
  new Document({
    pageContent: 'How do I get a refund for my order?',
    metadata: { intent: 'refund', lang: 'en' },
    id: 'd1',
  }),
  new Document({
    pageContent: 'I want my money back, refund please',
    metadata: { intent: 'refund', lang: 'en' },
    id: 'd2',
  }),
  new Document({
    pageContent: 'Where is my parcel? Track my order',
    metadata: { intent: 'track', lang: 'en' },
    id: 'd3',
  }),
  new Document({ pageContent: '我想申请退款', metadata: { intent: 'refund', lang: 'zh' }, id: 'd4' }),
  new Document({
    pageContent: 'Change the delivery address of my order',
    metadata: { intent: 'address', lang: 'en' },
    id: 'd5',
  }),
];

const adapters: [string, (dir: string) => Promise<VectorMemory>][] = [
  ['HnswMemory', (dir) => HnswMemory.open({ dir, dim: 256, schema: { intent: 'string', lang: 'string' } })],
  [
    'BruteForceMemory',
    () => BruteForceMemory.open({ dim: 256, schema: { intent: 'string', lang: 'string' } }),
  ],
];

describe.each(adapters)('LodestoneVectorStore over %s', (_name, open) => {
  let dir: string;
  let memory: VectorMemory;
  let store: LodestoneVectorStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lodestone-lc-'));
    memory = await open(dir);
    store = new LodestoneVectorStore(new EmbedderEmbeddings(new HashedEmbedder({ dim: 256 })), { memory });
  });
  afterEach(async () => {
    await memory.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips through a retriever', async () => {
    expect(await store.addDocuments(DOCS)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    const docs = await store.asRetriever({ k: 2 }).invoke('how do I get a refund?');
    expect(docs).toHaveLength(2);
    expect(docs[0]).toBeInstanceOf(Document);
    expect(docs[0]).toMatchObject({ id: 'd1', pageContent: 'How do I get a refund for my order?' });
    expect(docs[0]!.metadata).toEqual({ intent: 'refund', lang: 'en' });
    const zh = await store.asRetriever({ k: 1, filter: { lang: 'zh' } }).invoke('退款');
    expect(zh.map((d) => d.id)).toEqual(['d4']);
  });

  it('searches with scores and filters, best first', async () => {
    await store.addDocuments(DOCS);
    const scored = await store.similaritySearchWithScore('track my parcel', 3);
    expect(scored[0]![0].id).toBe('d3');
    const scores = scored.map(([, score]) => score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.every((s) => s >= -1 && s <= 1)).toBe(true);
    const filtered = await store.similaritySearch('my order', 5, { intent: { in: ['address', 'track'] } });
    expect(filtered.map((d) => d.id).sort()).toEqual(['d3', 'd5']);
    await expect(store.similaritySearch('x', 1, { colour: 'red' })).rejects.toThrow(UnknownFilterFieldError);
  });

  it('adds vectors with ids, deletes, and picks diverse results with MMR', async () => {
    const embeddings = new EmbedderEmbeddings(new HashedEmbedder({ dim: 256 }));
    const vectors = await embeddings.embedDocuments(DOCS.map((d) => d.pageContent));
    const ids = await store.addVectors(
      vectors,
      DOCS.map((d) => new Document({ pageContent: d.pageContent, metadata: d.metadata })),
      { ids: ['a', 'b', 'c', 'd', 'e'] },
    );
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    await store.delete({ ids: ['a'] });
    const after = await store.similaritySearch('How do I get a refund for my order?', 5);
    expect(after.map((d) => d.id)).not.toContain('a');
    const mmr = await store.maxMarginalRelevanceSearch('refund my order', { k: 2, fetchK: 4, lambda: 0.3 });
    expect(mmr).toHaveLength(2);
    expect(new Set(mmr.map((d) => d.id)).size).toBe(2);
    const retriever = store.asRetriever({ k: 2, searchType: 'mmr', searchKwargs: { fetchK: 4 } });
    expect(await retriever.invoke('refund')).toHaveLength(2);
  });

  it('rejects empty texts with a typed error and keeps what is stored', async () => {
    await store.addDocuments(DOCS);
    await expect(store.addDocuments([new Document({ pageContent: '   ' })])).rejects.toThrow(EmptyTextError);
    expect(memory.size).toBe(5);
  });

  it('builds from documents and texts', async () => {
    const embeddings = new EmbedderEmbeddings(new HashedEmbedder({ dim: 256 }));
    const built = await LodestoneVectorStore.fromTexts(
      ['red mug', 'garden fork'],
      { lang: 'en' },
      embeddings,
      { memory },
    );
    expect((await built.similaritySearch('mug', 1))[0]!.pageContent).toBe('red mug');
  });
});
