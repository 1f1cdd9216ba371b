import { DimensionMismatchError, InvalidVectorError, describeValue } from './errors.js';

/**
 * Checks a vector (length, finite values, non-zero norm) and returns a copy as a Float32Array.
 * `where` names it in the error, e.g. `items[3].vector`.
 *
 * @example
 * ```ts
 * const v = checkVector([3, 4], 2, 'query vector'); // Float32Array [3, 4]
 * ```
 */
export function checkVector(vector: unknown, dim: number, where: string): Float32Array {
  if (!Array.isArray(vector) && !(ArrayBuffer.isView(vector) && !(vector instanceof DataView))) {
    throw new InvalidVectorError(where, describeValue(vector));
  }
  const values = vector as ArrayLike<unknown>;
  if (values.length !== dim) throw new DimensionMismatchError(where, dim, values.length);
  const out = new Float32Array(dim);
  let norm = 0;
  for (let i = 0; i < dim; i++) {
    const value = values[i];
    const cast = typeof value === 'number' ? Math.fround(value) : Number.NaN;
    // Checked after the float32 cast: a finite double such as 1e39 overflows to Infinity.
    if (!Number.isFinite(cast)) {
      throw new InvalidVectorError(where, `${describeValue(value)} at position ${i}`, { index: i });
    }
    out[i] = cast;
    norm += cast * cast;
  }
  if (norm === 0) throw new InvalidVectorError(where, 'a vector of all zeros', { zero: true });
  return out;
}

/** Scales a vector to unit length in place and returns it. */
export function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! / norm;
  return vector;
}

/** A plain array copy, which hnswlib-node requires (an order of magnitude faster than `Array.from`). */
export function toArray(vector: Float32Array): number[] {
  const out = new Array<number>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]!;
  return out;
}

/** Dot product of `a` with the `dim` numbers of `slab` starting at `offset`. */
export function dotAt(a: Float32Array, slab: Float32Array, offset: number): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * slab[offset + i]!;
  return sum;
}

/** A vector in the form cheapest to add: its non-zero entries when it has few, else all of it. */
export type CompactVector = { dense: Float32Array } | { indices: Uint32Array; values: Float32Array };

/**
 * A vector's compact form: sparse when at most a quarter of it is non-zero (hashed-feature
 * embeddings of short texts are mostly zeros), else dense.
 *
 * @example
 * ```ts
 * addScaled(sum, compact(vector), 0.5); // sum += 0.5 * vector
 * ```
 */
export function compact(vector: Float32Array): CompactVector {
  let nonZero = 0;
  for (let i = 0; i < vector.length; i++) if (vector[i] !== 0) nonZero += 1;
  if (nonZero * 4 > vector.length) return { dense: vector };
  const indices = new Uint32Array(nonZero);
  const values = new Float32Array(nonZero);
  for (let i = 0, k = 0; i < vector.length; i++) {
    if (vector[i] === 0) continue;
    indices[k] = i;
    values[k++] = vector[i]!;
  }
  return { indices, values };
}

/** `sum += weight * vector`, in place. */
export function addScaled(sum: Float64Array, vector: CompactVector, weight: number): void {
  if ('dense' in vector) {
    const { dense } = vector;
    for (let i = 0; i < dense.length; i++) sum[i] = sum[i]! + weight * dense[i]!;
    return;
  }
  const { indices, values } = vector;
  for (let k = 0; k < indices.length; k++) sum[indices[k]!] = sum[indices[k]!]! + weight * values[k]!;
}

/**
 * Keeps the `k` largest scores seen (a min-heap), for exact top-k search.
 *
 * @example
 * ```ts
 * const top = new TopK(2);
 * top.push(0.1, 7); top.push(0.9, 3); top.push(0.5, 4);
 * top.sorted(); // [{ score: 0.9, slot: 3 }, { score: 0.5, slot: 4 }]
 * ```
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly slots: Int32Array;
  private count = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.slots = new Int32Array(k);
  }

  /** The score an item must beat to enter (−∞ until full). */
  get threshold(): number {
    return this.count < this.k ? Number.NEGATIVE_INFINITY : this.scores[0]!;
  }

  push(score: number, slot: number): void {
    if (this.count < this.k) {
      let i = this.count++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.scores[parent]! <= score) break;
        this.scores[i] = this.scores[parent]!;
        this.slots[i] = this.slots[parent]!;
        i = parent;
      }
      this.scores[i] = score;
      this.slots[i] = slot;
    } else if (score > this.scores[0]!) {
      this.siftDown(score, slot);
    }
  }

  sorted(): { score: number; slot: number }[] {
    const out: { score: number; slot: number }[] = [];
    for (let i = 0; i < this.count; i++) out.push({ score: this.scores[i]!, slot: this.slots[i]! });
    return out.sort((a, b) => b.score - a.score || a.slot - b.slot);
  }

  private siftDown(score: number, slot: number): void {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.count) break;
      const right = left + 1;
      const child = right < this.count && this.scores[right]! < this.scores[left]! ? right : left;
      if (this.scores[child]! >= score) break;
      this.scores[i] = this.scores[child]!;
      this.slots[i] = this.slots[child]!;
      i = child;
    }
    this.scores[i] = score;
    this.slots[i] = slot;
  }
}
