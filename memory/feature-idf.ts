import { MemoryStorageError } from './errors.js';
import { charNgramHashes, charNgrams, hash32, words } from './tokenize.js';

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

/**
 * Calls `visit` with the {@link hash32} of each of {@link featuresOf}'s features, without building
 * the n-gram strings.
 *
 * @example
 * ```ts
 * featureHashes('Refund', 'ngrams', (h) => counts.add(h & mask));
 * ```
 */
export function featureHashes(text: string, kind: FeatureKind, visit: (hash: number) => void): void {
  if (kind === 'ngrams') charNgramHashes(text, visit);
  else for (const word of words(text)) visit(hash32(word));
}

const MAGIC = 'LSIDF1';
/** The file stores counts little-endian; on such a machine (nearly all) they are copied in one go. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

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
    this.weights = new Float32Array(df.length);
    for (let i = 0; i < df.length; i++) this.weights[i] = Math.log((1 + documents) / (1 + df[i]!)) + 1;
  }

  /** Counts, for each feature bucket, the documents that contain it. */
  static learn(texts: Iterable<string>, kind: FeatureKind, bits = 18): FeatureIdf {
    const df = new Uint32Array(1 << bits);
    const mask = df.length - 1;
    // The last document that counted each bucket: a bucket counts once per document.
    const countedIn = new Uint32Array(df.length);
    let documents = 0;
    const count = (hash: number) => {
      const bucket = hash & mask;
      if (countedIn[bucket] === documents) return;
      countedIn[bucket] = documents;
      df[bucket] = df[bucket]! + 1;
    };
    for (const text of texts) {
      documents += 1;
      featureHashes(text, kind, count);
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
    if (LITTLE_ENDIAN) body.set(new Uint8Array(this.df.buffer, this.df.byteOffset, this.df.byteLength));
    else for (let i = 0; i < this.df.length; i++) body.writeUInt32LE(this.df[i]!, i * 4);
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
    if (LITTLE_ENDIAN) new Uint8Array(df.buffer).set(bytes.subarray(head + 8));
    else for (let i = 0; i < size; i++) df[i] = bytes.readUInt32LE(head + 8 + i * 4);
    return new FeatureIdf(kind === 'W' ? 'words' : 'ngrams', bytes.readUInt32LE(head), df);
  }
}
