import { describe, expect, it } from 'vitest';
import { learnWordVectors } from './ppmi-svd.js';

const cosine = (wv: ReturnType<typeof learnWordVectors>, a: string, b: string) => {
  const ia = wv.vocabulary.indexOf(a);
  const ib = wv.vocabulary.indexOf(b);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < wv.rank; k++) {
    const x = wv.vectors[ia * wv.rank + k]!;
    const y = wv.vectors[ib * wv.rank + k]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb);
};

describe('learnWordVectors (PPMI + randomised SVD)', () => {
  it('puts words used in the same contexts close together', () => {
    const texts: string[] = [];
    for (let i = 0; i < 30; i++) {
      texts.push(`please cancel my order ${i}`, `please cancel my purchase ${i}`);
      texts.push(`where is my parcel now`, `where is my package now`);
    }
    const wv = learnWordVectors(texts, { rank: 4, window: 2, minCount: 2 });
    expect(wv.rank).toBe(4);
    expect(cosine(wv, 'order', 'purchase')).toBeGreaterThan(0.9);
    expect(cosine(wv, 'parcel', 'package')).toBeGreaterThan(0.9);
    expect(cosine(wv, 'order', 'parcel')).toBeLessThan(0.5);
    expect(wv.idf[wv.vocabulary.indexOf('my')]).toBeLessThan(wv.idf[wv.vocabulary.indexOf('parcel')]!);
  });
});
