import { checkTexts } from './embedder.js';
import type { Embedder } from './embedder.js';
import { featuresOf } from './feature-idf.js';
import type { FeatureIdf, FeatureKind } from './feature-idf.js';
import { hash32 } from './tokenize.js';
import { normalize } from './vector-math.js';

/** Options of {@link HashedEmbedder}. */
export interface HashedEmbedderOptions {
  /** Output dimension (number of hash buckets). */
  dim?: number;
  /** `words`: bag of words (CJK: characters). `ngrams`: character 3–5-grams, words, CJK characters and bigrams. */
  features?: FeatureKind;
  /** Weight a feature seen `tf` times by `1 + ln tf` instead of `tf`. */
  sublinear?: boolean;
  /** Multiply each feature's weight by its inverse document frequency (learned from a corpus). */
  idf?: FeatureIdf;
  /** Appended to the id to tell IDF tables apart (e.g. a hash of their corpus). */
  idfTag?: string;
}

/**
 * Feature hashing ("the hashing trick"): each feature adds ±weight to one of `dim` buckets (the
 * sign from a second hash keeps collisions unbiased) and the vector is L2-normalised. No
 * vocabulary and no download; any language. With `features: 'ngrams'`, misspellings and
 * inflections still share most features, and Chinese is handled by characters and bigrams.
 * `features: 'words', sublinear: false` is the plain bag-of-words baseline.
 *
 * @example
 * ```ts
 * const embedder = new HashedEmbedder({ dim: 512, features: 'ngrams', sublinear: true });
 * const [a, b] = await embedder.embed(['cancel my order', 'cancell my ordr']);
 * ```
 */
export class HashedEmbedder implements Embedder {
  readonly id: string;
  readonly dim: number;
  private readonly features: FeatureKind;
  private readonly sublinear: boolean;
  private readonly idf: FeatureIdf | undefined;

  constructor(options: HashedEmbedderOptions = {}) {
    this.dim = options.dim ?? 512;
    this.features = options.features ?? 'ngrams';
    this.sublinear = options.sublinear ?? true;
    this.idf = options.idf;
    if (this.idf !== undefined && this.idf.kind !== this.features) {
      throw new RangeError(`The IDF table counts ${this.idf.kind}, the embedder hashes ${this.features}.`);
    }
    const weighting = `${this.sublinear ? '-log' : ''}${this.idf === undefined ? '' : `-idf${options.idfTag ?? ''}`}`;
    this.id = `hashed-${this.features}${weighting}-v1/${this.dim}`;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that bad input rejects rather than throws
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    checkTexts(texts);
    return texts.map((text) => this.embedOne(text));
  }

  /** The vector of one non-blank text (never all zeros). */
  embedOne(text: string): Float32Array {
    const vector = new Float32Array(this.dim);
    for (const [feature, tf] of featureCounts(featuresOf(text, this.features), text)) {
      const h = hash32(feature);
      const weight = (this.sublinear ? 1 + Math.log(tf) : tf) * (this.idf?.weight(h) ?? 1);
      const bucket = h % this.dim;
      vector[bucket] = vector[bucket]! + ((hash32(feature, h) & 1) === 0 ? weight : -weight);
    }
    return normalize(vector);
  }
}

/** Counts features; a text with none (only punctuation, say) is one feature, itself. */
function featureCounts(features: readonly string[], text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const feature of features.length > 0 ? features : [`raw:${text.trim()}`]) {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  return counts;
}
