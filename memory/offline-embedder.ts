import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
  const key = rememberedCorpusHash(files, cacheDir).slice(0, 16);
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
    writeAtomically(cacheFile, idf.serialise());
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

/**
 * {@link corpusHash} (12 MB read and hashed), remembered in `<cacheDir>/corpus-hash.json` against
 * the files' paths, sizes and modification times: recomputed only when one of those changes.
 */
function rememberedCorpusHash(files: readonly string[], cacheDir: string): string {
  const stamp = files.map((file) => {
    const { size, mtimeMs } = statSync(file);
    return `${file}\t${size}\t${mtimeMs}`;
  });
  const path = join(cacheDir, 'corpus-hash.json');
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { stamp?: unknown; hash?: unknown };
    if (typeof saved.hash === 'string' && JSON.stringify(saved.stamp) === JSON.stringify(stamp))
      return saved.hash;
  } catch {
    // missing or unreadable: recompute
  }
  const hash = corpusHash(files);
  writeAtomically(path, JSON.stringify({ stamp, hash }));
  return hash;
}

function writeAtomically(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.${process.pid}.tmp`, content);
  renameSync(`${path}.${process.pid}.tmp`, path);
}
