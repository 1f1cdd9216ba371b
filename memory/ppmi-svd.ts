/**
 * Word vectors learned from a corpus with no download: a positive pointwise mutual information
 * (PPMI) matrix of word co-occurrences, factorised by randomised SVD (Halko, Martinsson & Tropp
 * 2011; the recipe of Levy, Goldberg & Dagan 2015: context smoothing α = 0.75, U·Σ^½).
 */
import { words } from './tokenize.js';

/** Options of {@link learnWordVectors}. */
export interface PpmiSvdOptions {
  /** Dimensions of the word vectors. */
  rank?: number;
  /** Words either side counted as context. */
  window?: number;
  /** Words seen fewer times are left out. */
  minCount?: number;
  /** At most this many words (the most frequent). */
  maxVocabulary?: number;
  /** Seed of the random projection. */
  seed?: number;
}

/** Learned vectors: `vectors` holds `vocabulary.length` rows of `rank` numbers; `idf` per word. */
export interface WordVectors {
  vocabulary: string[];
  rank: number;
  vectors: Float32Array;
  idf: Float32Array;
}

/**
 * Learns word vectors from texts.
 *
 * @example
 * ```ts
 * const wv = learnWordVectors(['cancel my order', 'cancel the order please'], { rank: 2, minCount: 1 });
 * ```
 */
export function learnWordVectors(texts: readonly string[], options: PpmiSvdOptions = {}): WordVectors {
  const { rank = 128, window = 4, minCount = 3, maxVocabulary = 20_000, seed = 7 } = options;
  const docs = texts.map(words);
  const counts = new Map<string, number>();
  const docFreq = new Map<string, number>();
  for (const doc of docs) {
    for (const w of doc) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const w of new Set(doc)) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
  }
  const vocabulary = [...counts.entries()]
    .filter(([, c]) => c >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxVocabulary)
    .map(([w]) => w);
  const index = new Map(vocabulary.map((w, i) => [w, i]));
  const v = vocabulary.length;

  // Co-occurrence counts within the window, as a map per row.
  const rows = Array.from({ length: v }, () => new Map<number, number>());
  for (const doc of docs) {
    const ids = doc.map((w) => index.get(w) ?? -1);
    ids.forEach((a, i) => {
      if (a < 0) return;
      for (let j = Math.max(0, i - window); j <= Math.min(ids.length - 1, i + window); j++) {
        const b = ids[j]!;
        if (j !== i && b >= 0) rows[a]!.set(b, (rows[a]!.get(b) ?? 0) + 1);
      }
    });
  }
  const matrix = ppmi(rows);
  const { u, s } = randomisedSvd(matrix, v, Math.min(rank, v), seed);
  const r = s.length;
  const vectors = new Float32Array(v * r);
  for (let i = 0; i < v; i++)
    for (let k = 0; k < r; k++) vectors[i * r + k] = u[i * r + k]! * Math.sqrt(s[k]!);
  const idf = Float32Array.from(
    vocabulary,
    (w) => Math.log((1 + docs.length) / (1 + (docFreq.get(w) ?? 0))) + 1,
  );
  return { vocabulary, rank: r, vectors, idf };
}

/** A sparse symmetric matrix in CSR form. */
interface Csr {
  n: number;
  start: Int32Array;
  cols: Int32Array;
  values: Float64Array;
}

function ppmi(rows: Map<number, number>[]): Csr {
  const rowSum = rows.map((row) => [...row.values()].reduce((a, b) => a + b, 0));
  const total = rowSum.reduce((a, b) => a + b, 0);
  const smoothed = rowSum.map((c) => c ** 0.75);
  const smoothedTotal = smoothed.reduce((a, b) => a + b, 0);
  const start = new Int32Array(rows.length + 1);
  const cols: number[] = [];
  const values: number[] = [];
  rows.forEach((row, i) => {
    for (const [j, c] of [...row.entries()].sort((a, b) => a[0] - b[0])) {
      const pmi =
        Math.log((c * smoothedTotal) / (rowSum[i]! * smoothed[j]!)) - Math.log(total / smoothedTotal);
      if (pmi > 0) {
        cols.push(j);
        values.push(pmi);
      }
    }
    start[i + 1] = cols.length;
  });
  return { n: rows.length, start, cols: Int32Array.from(cols), values: Float64Array.from(values) };
}

/** Y = A·X for sparse A (n×n) and dense X (n×k, row-major). */
function multiply(a: Csr, x: Float64Array, k: number): Float64Array {
  const y = new Float64Array(a.n * k);
  for (let i = 0; i < a.n; i++) {
    for (let p = a.start[i]!; p < a.start[i + 1]!; p++) {
      const j = a.cols[p]!;
      const value = a.values[p]!;
      for (let c = 0; c < k; c++) y[i * k + c] = y[i * k + c]! + value * x[j * k + c]!;
    }
  }
  return y;
}

/** Orthonormalises the columns of X (n×k, row-major) in place (modified Gram–Schmidt). */
function orthonormalise(x: Float64Array, n: number, k: number): void {
  for (let c = 0; c < k; c++) {
    for (let prev = 0; prev < c; prev++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += x[i * k + c]! * x[i * k + prev]!;
      for (let i = 0; i < n; i++) x[i * k + c] = x[i * k + c]! - dot * x[i * k + prev]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += x[i * k + c]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) x[i * k + c] = x[i * k + c]! / norm;
  }
}

/** Top `rank` singular vectors/values of a symmetric sparse matrix: range finder, 2 power iterations. */
function randomisedSvd(a: Csr, n: number, rank: number, seed: number): { u: Float64Array; s: Float64Array } {
  const k = Math.min(n, rank + 16);
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  let q: Float64Array = Float64Array.from({ length: n * k }, random);
  for (let iteration = 0; iteration < 3; iteration++) {
    q = multiply(a, q, k);
    orthonormalise(q, n, k);
  }
  // B = Qᵀ A (k×n); A symmetric, so Bᵀ = A Q. Eigen-decompose B Bᵀ = Qᵀ A A Q (k×k).
  const aq = multiply(a, q, k);
  const gram = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < k; r++) {
      const x = aq[i * k + r]!;
      for (let c = 0; c < k; c++) gram[r * k + c] = gram[r * k + c]! + x * aq[i * k + c]!;
    }
  }
  const { values, vectors } = jacobiEigen(gram, k);
  const order = [...values.keys()].sort((x, y) => values[y]! - values[x]!).slice(0, rank);
  const u = new Float64Array(n * rank);
  for (let i = 0; i < n; i++) {
    order.forEach((e, col) => {
      let sum = 0;
      for (let r = 0; r < k; r++) sum += q[i * k + r]! * vectors[r * k + e]!;
      u[i * rank + col] = sum;
    });
  }
  return { u, s: Float64Array.from(order, (e) => Math.sqrt(Math.max(0, values[e]!))) };
}

/** Eigen-decomposition of a symmetric k×k matrix by cyclic Jacobi rotations. Columns of `vectors` are eigenvectors. */
function jacobiEigen(matrix: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const a = matrix.slice();
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let r = p + 1; r < k; r++) off += a[p * k + r]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < k; p++) {
      for (let r = p + 1; r < k; r++) {
        const apr = a[p * k + r]!;
        if (Math.abs(apr) < 1e-300) continue;
        const theta = (a[r * k + r]! - a[p * k + p]!) / (2 * apr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let i = 0; i < k; i++) {
          const aip = a[i * k + p]!;
          const air = a[i * k + r]!;
          a[i * k + p] = c * aip - s * air;
          a[i * k + r] = s * aip + c * air;
        }
        for (let i = 0; i < k; i++) {
          const api = a[p * k + i]!;
          const ari = a[r * k + i]!;
          a[p * k + i] = c * api - s * ari;
          a[r * k + i] = s * api + c * ari;
        }
        for (let i = 0; i < k; i++) {
          const vip = v[i * k + p]!;
          const vir = v[i * k + r]!;
          v[i * k + p] = c * vip - s * vir;
          v[i * k + r] = s * vip + c * vir;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: k }, (_, i) => a[i * k + i]!), vectors: v };
}
