import { MemoryStorageError } from './errors.js';
import { charNgrams, hash32, words } from './tokenize.js';

/** Which features a text is split into: words (CJK: characters) or character n-grams. */
export type FeatureKind = 'words' | 'ngrams';

/**
 * The features of a text.
 *
 * @example
 * ```ts
 * featuresOf('Refund 退款', 'words'); // ['refund', '退', '款']
 * ```
 */
export function featuresOf(text: string, kind: FeatureKind): string[] {
  return kind === 'words' ? words(text) : charNgrams(text);
}

const MAGIC = 'LSIDF1';

/**
 * Inverse document frequencies of hashed features, learned from a corpus: a feature found in
 * few documents ("refund", "invoice") weighs more than one found in most ("my", "ord"). Document
 * frequencies are kept per hash bucket (2^bits of them), so the table has a fixed size and no
 * vocabulary; rare collisions only blur two features' weights.
 *
 * @example
 * ```ts
 * const idf = FeatureIdf.learn(['cancel my order', 'track my order'], 'ngrams');
 * idf.weight(hash32('w:cancel')) > idf.weight(hash32('w:my')); // true
 * ```
 */
export class FeatureIdf {
  private readonly weights: Float32Array;
  private readonly mask: number;

  constructor(
    readonly kind: FeatureKind,
    readonly documents: number,
    private readonly df: Uint32Array,
  ) {
    if (df.length === 0 || (df.length & (df.length - 1)) !== 0)
      throw new RangeError('df length must be a power of 2');
    this.mask = df.length - 1;
    this.weights = Float32Array.from(df, (count) => Math.log((1 + documents) / (1 + count)) + 1);
  }

  /** Counts, for each feature bucket, the documents that contain it. */
  static learn(texts: Iterable<string>, kind: FeatureKind, bits = 18): FeatureIdf {
    const df = new Uint32Array(1 << bits);
    let documents = 0;
    for (const text of texts) {
      documents += 1;
      const buckets = new Set(featuresOf(text, kind).map((feature) => hash32(feature) & (df.length - 1)));
      for (const bucket of buckets) df[bucket] = df[bucket]! + 1;
    }
    return new FeatureIdf(kind, documents, df);
  }

  /** The weight of a feature, given its `hash32`. */
  weight(hash: number): number {
    return this.weights[hash & this.mask]!;
  }

  /** A compact binary form (magic, kind, document count, bucket counts), for the cache. */
  serialise(): Buffer {
    const header = Buffer.from(`${MAGIC}${this.kind === 'words' ? 'W' : 'N'}`);
    const counts = Buffer.alloc(8);
    counts.writeUInt32LE(this.documents, 0);
    counts.writeUInt32LE(this.df.length, 4);
    const body = Buffer.alloc(this.df.length * 4);
    this.df.forEach((count, i) => body.writeUInt32LE(count, i * 4));
    return Buffer.concat([header, counts, body]);
  }

  /** Reads {@link FeatureIdf.serialise}'s output; throws {@link MemoryStorageError} on anything else. */
  static deserialise(bytes: Buffer): FeatureIdf {
    const head = MAGIC.length + 1;
    const kind = bytes.subarray(MAGIC.length, head).toString();
    const size = bytes.length >= head + 8 ? bytes.readUInt32LE(head + 4) : -1;
    if (
      bytes.subarray(0, MAGIC.length).toString() !== MAGIC ||
      (kind !== 'W' && kind !== 'N') ||
      bytes.length !== head + 8 + size * 4
    ) {
      throw new MemoryStorageError('Not a feature-IDF cache file (bad magic, kind or length).');
    }
    const df = new Uint32Array(size);
    for (let i = 0; i < size; i++) df[i] = bytes.readUInt32LE(head + 8 + i * 4);
    return new FeatureIdf(kind === 'W' ? 'words' : 'ngrams', bytes.readUInt32LE(head), df);
  }
}
