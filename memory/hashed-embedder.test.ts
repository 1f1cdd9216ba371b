import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmptyTextError } from './errors.js';
import { FeatureIdf } from './feature-idf.js';
import { HashedEmbedder } from './hashed-embedder.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe('HashedEmbedder', () => {
  const ngrams = new HashedEmbedder({ dim: 256 });

  it('gives unit vectors of its dimension, the same for the same text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        async (text) => {
          const [a, b] = await ngrams.embed([text, text]);
          expect(a).toHaveLength(256);
          expect(Array.from(a!)).toEqual(Array.from(b!));
          expect(Math.hypot(...a!)).toBeCloseTo(1, 5);
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });

  it('keeps misspellings close, unlike a bag of words', async () => {
    const bow = new HashedEmbedder({ dim: 256, features: 'words', sublinear: false });
    const texts = ['cancel my order', 'cancell my ordr', 'update my address'];
    const [a, typo, other] = await ngrams.embed(texts);
    expect(dot(a!, typo!)).toBeGreaterThan(dot(a!, other!) + 0.2);
    const [ba, btypo] = await bow.embed(texts);
    expect(dot(a!, typo!)).toBeGreaterThan(dot(ba!, btypo!));
  });

  it('handles Chinese with characters and bigrams', async () => {
    const [query, refund, address] = await ngrams.embed(['退款', '我想申请退款', '修改收货地址']);
    expect(dot(query!, refund!)).toBeGreaterThan(0.3);
    expect(dot(query!, refund!)).toBeGreaterThan(dot(query!, address!) + 0.3);
  });

  it('weights rare features up when given an IDF table', async () => {
    const corpus = ['my order', 'my account', 'my refund', 'my invoice', 'cancel my order'];
    const idf = FeatureIdf.learn(corpus, 'ngrams');
    const weighted = new HashedEmbedder({ dim: 256, idf, idfTag: '@t' });
    expect(weighted.id).toBe('hashed-ngrams-log-idf@t-v1/256');
    const [q, a, b] = await weighted.embed(['my refund', 'refund please', 'my order']);
    const [pq, pa, pb] = await ngrams.embed(['my refund', 'refund please', 'my order']);
    expect(dot(q!, a!) - dot(q!, b!)).toBeGreaterThan(dot(pq!, pa!) - dot(pq!, pb!));
  });

  it('never returns a zero vector and rejects blank text', async () => {
    const [v] = await ngrams.embed(['!!!']);
    expect(Math.hypot(...v!)).toBeCloseTo(1, 5);
    await expect(ngrams.embed(['fine', ''])).rejects.toThrow(EmptyTextError);
    await expect(ngrams.embed(['fine', ''])).rejects.toThrow(/texts\[1\]/);
  });
});
