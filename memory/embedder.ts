import { InvalidInputError } from '../src/core/errors.js';
import { EmptyTextError } from './errors.js';

/**
 * The embedder port: turns texts into vectors of a fixed dimension. Vectors from embedders with
 * different `id`s are not comparable; memories record the id to know when to re-embed.
 *
 * @example
 * ```ts
 * const embedder: Embedder = createHashedNgramEmbedder();
 * const [vector] = await embedder.embed(['blue ceramic mug']);
 * ```
 */
export interface Embedder {
  /** Names the embedding function and its settings, e.g. `hashed-ngram-v1/512`. */
  readonly id: string;
  readonly dim: number;
  /** One vector per text, in order. Blank texts are rejected with {@link EmptyTextError}. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/**
 * Checks the argument of {@link Embedder.embed}: an array of non-blank strings.
 *
 * @example
 * ```ts
 * checkTexts(['ok', ' ']); // throws EmptyTextError for texts[1]
 * ```
 */
export function checkTexts(texts: unknown): asserts texts is readonly string[] {
  if (!Array.isArray(texts)) throw new InvalidInputError('texts', 'an array of strings', texts);
  texts.forEach((text: unknown, i) => {
    if (typeof text !== 'string') throw new InvalidInputError(`texts[${i}]`, 'a string', text);
    if (text.trim().length === 0) throw new EmptyTextError(`texts[${i}]`);
  });
}
