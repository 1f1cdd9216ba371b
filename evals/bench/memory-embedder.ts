/**
 * Benchmark: which offline embedder retrieves best? Nearest-neighbour intent accuracy on the
 * shipped Bitext customer-support set (4,514 messages, 27 intents).
 *
 * A seeded 20% of the messages are the queries, the other 80% the index; a query is right when
 * its nearest indexed message (cosine, exact search through BruteForceMemory) has its intent.
 * Candidates: (a) hashed bag of words (the baseline), (b) hashed character n-grams with sublinear
 * tf, (b+idf) the same weighted by IDF learned from the corpus, (c) PPMI-SVD word vectors learned
 * from the corpus, and (b+idf)+(c) concatenated. Anything learned sees only the index messages and
 * the Online Retail product descriptions, never the queries. The winner is chosen on a validation
 * split carved from the index (so the test figure is not tuned on), then all are scored on test.
 *
 * Progress goes to stderr, one JSON line to stdout. Run: `npm run bench:memory-embedder`.
 */
import { join } from 'node:path';
import {
  BruteForceMemory,
  DEFAULT_DATA_DIR,
  FeatureIdf,
  HashedEmbedder,
  bitextRows,
  corpusFiles,
  learnWordVectors,
  retailDescriptions,
  words,
} from '../../memory/index.js';
import type { Embedder, WordVectors } from '../../memory/index.js';
import { seededRandom } from '../../src/core/index.js';

const SEED = 42;
const DIM = 512;
const progress = (message: string) => process.stderr.write(`[bench:memory-embedder] ${message}\n`);

interface Example {
  text: string;
  intent: string;
}

/** Scales to unit length in place; a zero vector stays zero. */
function normalize(v: Float32Array): Float32Array {
  const norm = Math.hypot(...v);
  return norm === 0 ? v : v.map((x) => x / norm);
}

/**
 * Averages IDF-weighted word vectors (candidate c). A text with no known word (Chinese, for
 * instance: the corpus is English) is a zero vector, or with `fallback` a fixed direction.
 */
function wordVectorEmbedder(wv: WordVectors, fallback: boolean): Embedder {
  const index = new Map(wv.vocabulary.map((word, i) => [word, i]));
  const embedOne = (text: string) => {
    const v = new Float32Array(wv.rank);
    for (const word of words(text)) {
      const i = index.get(word);
      if (i === undefined) continue;
      for (let k = 0; k < wv.rank; k++) v[k] = v[k]! + wv.idf[i]! * wv.vectors[i * wv.rank + k]!;
    }
    if (fallback && v.every((x) => x === 0)) v[0] = 1;
    return normalize(v);
  };
  return { id: `ppmi-svd/${wv.rank}`, dim: wv.rank, embed: (texts) => Promise.resolve(texts.map(embedOne)) };
}

/** Concatenates two embedders' vectors with weights √(1−β²) and β, renormalised (candidate b+idf+c). */
function concatEmbedder(a: Embedder, b: Embedder, beta: number): Embedder {
  const wa = Math.sqrt(1 - beta * beta);
  return {
    id: `${a.id}+${b.id}`,
    dim: a.dim + b.dim,
    embed: async (texts) => {
      const [va, vb] = [await a.embed(texts), await b.embed(texts)];
      return va.map((x, i) => {
        const out = new Float32Array(a.dim + b.dim);
        out.set(x.map((value) => value * wa));
        out.set(
          vb[i]!.map((value) => value * beta),
          a.dim,
        );
        return normalize(out);
      });
    },
  };
}

/** Builds every candidate from the texts it may learn from. */
function candidates(corpus: readonly string[]): Record<string, () => Embedder> {
  let idf: FeatureIdf | undefined;
  let wv: WordVectors | undefined;
  const ngramIdf = () =>
    new HashedEmbedder({ dim: DIM, features: 'ngrams', idf: (idf ??= FeatureIdf.learn(corpus, 'ngrams')) });
  const ppmi = (fallback: boolean) =>
    wordVectorEmbedder((wv ??= learnWordVectors(corpus, { rank: 64 })), fallback);
  return {
    'a: hashed bag of words (baseline)': () =>
      new HashedEmbedder({ dim: DIM, features: 'words', sublinear: false }),
    'b: hashed char n-grams, sublinear tf': () => new HashedEmbedder({ dim: DIM, features: 'ngrams' }),
    'b+idf: hashed char n-grams, sublinear tf, corpus IDF': ngramIdf,
    'c: PPMI-SVD word vectors (rank 64)': () => ppmi(true),
    'b+idf+c: concatenated (beta 0.5)': () => concatEmbedder(ngramIdf(), ppmi(false), 0.5),
  };
}

async function accuracy(
  embedder: Embedder,
  index: readonly Example[],
  queries: readonly Example[],
): Promise<number> {
  const memory = await BruteForceMemory.open({ dim: embedder.dim, schema: { intent: 'string' } });
  const vectors = await embedder.embed(index.map((e) => e.text));
  await memory.upsert(
    index.map((e, i) => ({ id: String(i), metadata: { intent: e.intent }, vector: vectors[i]! })),
  );
  let right = 0;
  const queryVectors = await embedder.embed(queries.map((q) => q.text));
  for (const [i, query] of queries.entries()) {
    const [best] = await memory.search(queryVectors[i]!, 1);
    if (best?.metadata.intent === query.intent) right += 1;
  }
  await memory.close();
  return right / queries.length;
}

/** Seeded Fisher–Yates split: the first `fraction` become queries. */
function split<T>(items: readonly T[], fraction: number, seed: number): { queries: T[]; index: T[] } {
  const random = seededRandom(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const cut = Math.round(items.length * fraction);
  return { queries: shuffled.slice(0, cut), index: shuffled.slice(cut) };
}

const [bitextFile, ...retailFiles] = corpusFiles(DEFAULT_DATA_DIR);
const examples: Example[] = bitextRows(bitextFile!).map((row) => ({
  text: row.instruction ?? '',
  intent: row.intent ?? '',
}));
const descriptions = retailDescriptions(retailFiles);
const test = split(examples, 0.2, SEED);
const validation = split(test.index, 0.2, SEED + 1);

const results: { name: string; validation: number; test: number; dim: number }[] = [];
for (const [name, make] of Object.entries(
  candidates([...validation.index.map((e) => e.text), ...descriptions]),
)) {
  const started = performance.now();
  const embedder = make();
  const validationAccuracy = await accuracy(embedder, validation.index, validation.queries);
  results.push({ name, validation: round(validationAccuracy), test: Number.NaN, dim: embedder.dim });
  progress(
    `${name}: validation ${validationAccuracy.toFixed(4)} (${Math.round(performance.now() - started)} ms)`,
  );
}
for (const [i, make] of Object.values(
  candidates([...test.index.map((e) => e.text), ...descriptions]),
).entries()) {
  results[i]!.test = round(await accuracy(make(), test.index, test.queries));
  progress(`${results[i]!.name}: test ${results[i]!.test}`);
}
const baseline = results[0]!;
// Candidates are in order of complexity. A more complex one is chosen only if it beats every
// simpler one on validation by at least MARGIN (0.5 points, about 4 of the 722 validation queries).
const MARGIN = 0.005;
const chosen = results.reduce((best, r) => (r.validation >= best.validation + MARGIN ? r : best));

process.stdout.write(
  `${JSON.stringify({
    bench: 'memory-embedder',
    task: '1-NN intent accuracy, Bitext customer support (27 intents)',
    data: join('data', 'bitext-cs'),
    seed: SEED,
    index: test.index.length,
    queries: test.queries.length,
    baseline: { name: baseline.name, accuracy: baseline.test },
    chosen: { name: chosen.name, accuracy: chosen.test, validation: chosen.validation },
    rule: `simplest candidate unless a more complex one wins on validation by >= ${MARGIN}`,
    candidates: results,
  })}\n`,
);

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
