import { describe, expect, it } from 'vitest';
import { MemoryStorageError } from './errors.js';
import { FeatureIdf } from './feature-idf.js';
import { hash32 } from './tokenize.js';

describe('FeatureIdf', () => {
  const idf = FeatureIdf.learn(['cancel my order', 'track my order', 'my refund'], 'ngrams', 12);

  it('weighs rare features above common ones, unseen ones highest', () => {
    expect(idf.documents).toBe(3);
    expect(idf.weight(hash32('w:cancel'))).toBeGreaterThan(idf.weight(hash32('w:my')));
    expect(idf.weight(hash32('w:zebra'))).toBeGreaterThanOrEqual(idf.weight(hash32('w:cancel')));
  });

  it('round-trips through its binary form and rejects anything else', () => {
    const back = FeatureIdf.deserialise(idf.serialise());
    expect(back.kind).toBe('ngrams');
    expect(back.documents).toBe(3);
    expect(back.weight(hash32('w:track'))).toBe(idf.weight(hash32('w:track')));
    expect(() => FeatureIdf.deserialise(Buffer.from('nonsense'))).toThrow(MemoryStorageError);
    expect(() => FeatureIdf.deserialise(idf.serialise().subarray(0, 40))).toThrow(MemoryStorageError);
  });
});
