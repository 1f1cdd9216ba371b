import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../src/core/logger.js';
import { silentLogger } from '../src/core/logger.js';
import { FeatureIdf } from './feature-idf.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { DEFAULT_DATA_DIR, corpusFiles, corpusHash, shippedCorpusTexts } from './shipped-corpus.js';

/** Options of {@link createOfflineEmbedder}. */
export interface OfflineEmbedderOptions {
  /** Where the shipped corpora are (default: the repository's `data/`). */
  dataDir?: string;
  /** Where the learned IDF table is cached (default: `<dataDir>/../.lodestone/cache`). */
  cacheDir?: string;
  dim?: number;
  logger?: Logger;
}

/**
 * The default offline embedder, chosen by measurement (evals/bench/memory-embedder.ts, 1-NN intent
 * accuracy on Bitext): hashed character n-grams (latin 3–5-grams and words; CJK characters and
 * bigrams), sublinear term frequency, weighted by inverse document frequencies learned from the
 * shipped corpora, L2-normalised. English and Chinese; no download. The IDF table is learned on
 * first use (about a second) and cached, keyed by a hash of the corpus files.
 *
 * @example
 * ```ts
 * const embedder = createOfflineEmbedder({ cacheDir: '.lodestone/cache' });
 * const [v] = await embedder.embed(['我想退款']);
 * ```
 */
export function createOfflineEmbedder(options: OfflineEmbedderOptions = {}): HashedEmbedder {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const cacheDir = options.cacheDir ?? join(dataDir, '..', '.lodestone', 'cache');
  const log = (options.logger ?? silentLogger()).child({ component: 'offline-embedder' });
  const files = corpusFiles(dataDir);
  const key = corpusHash(files).slice(0, 16);
  const cacheFile = join(cacheDir, `feature-idf-ngrams-${key}.bin`);
  let idf: FeatureIdf | undefined;
  if (existsSync(cacheFile)) {
    try {
      idf = FeatureIdf.deserialise(readFileSync(cacheFile));
    } catch (error) {
      log.warn({ cacheFile, error: String(error) }, 'IDF cache unreadable; relearning');
    }
  }
  if (idf === undefined) {
    const started = performance.now();
    idf = FeatureIdf.learn(shippedCorpusTexts(files), 'ngrams');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${cacheFile}.tmp`, idf.serialise());
    renameSync(`${cacheFile}.tmp`, cacheFile);
    const ms = Math.round(performance.now() - started);
    log.info({ cacheFile, documents: idf.documents, ms }, 'IDF table learned from the shipped corpora');
  }
  return new HashedEmbedder({
    dim: options.dim ?? 512,
    features: 'ngrams',
    sublinear: true,
    idf,
    idfTag: `@${key}`,
  });
}
