import type { MetadataPredicate } from './metadata-filter.js';
import type { Metadata } from './vector-memory.js';
import { TopK, dotAt } from './vector-math.js';

/** One row of the table. `unit` is the vector scaled to unit length. */
export interface TableRow {
  id: string;
  label: number;
  text: string | null;
  metadata: Metadata;
  unit: Float32Array;
}

/** A search result over the table: a slot and its cosine similarity. */
export interface ScoredSlot {
  slot: number;
  score: number;
}

/**
 * The in-memory side of a memory: ids, labels, texts, metadata and unit vectors in dense slots
 * (vectors in one contiguous Float32Array), for exact search and for turning index labels back
 * into items. Deleting moves the last row into the freed slot, so slots stay dense.
 *
 * @example
 * ```ts
 * const table = new ItemTable(2);
 * table.set({ id: 'a', label: 0, text: null, metadata: {}, unit: new Float32Array([1, 0]) });
 * table.exactSearch(new Float32Array([1, 0]), 1); // [{ slot: 0, score: 1 }]
 * ```
 */
export class ItemTable {
  private ids: string[] = [];
  private labels: number[] = [];
  private texts: (string | null)[] = [];
  private metas: Metadata[] = [];
  private vectors: Float32Array;
  private readonly slotById = new Map<string, number>();
  /** Slot of each label, −1 when none: a typed array because graph filters look labels up per visited node. */
  private slotByLabel = new Int32Array(1024).fill(-1);

  constructor(
    readonly dim: number,
    capacity = 1024,
  ) {
    this.vectors = new Float32Array(capacity * dim);
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * Adds or replaces the row with this id, storing its vector scaled to unit length (`row.unit`
   * itself is left as it is). Returns the label it replaced, if any.
   */
  set(row: TableRow): number | undefined {
    const existing = this.slotById.get(row.id);
    const slot = existing ?? this.ids.length;
    const replaced = existing === undefined ? undefined : this.labels[existing];
    if (replaced !== undefined) this.slotByLabel[replaced] = -1;
    if ((slot + 1) * this.dim > this.vectors.length) this.grow();
    this.ids[slot] = row.id;
    this.labels[slot] = row.label;
    this.texts[slot] = row.text;
    this.metas[slot] = row.metadata;
    this.vectors.set(row.unit, slot * this.dim);
    normalizeAt(this.vectors, slot * this.dim, this.dim);
    this.slotById.set(row.id, slot);
    this.setLabelSlot(row.label, slot);
    return replaced;
  }

  /** Removes a row; returns its label, or undefined if the id is unknown. */
  remove(id: string): number | undefined {
    const slot = this.slotById.get(id);
    if (slot === undefined) return undefined;
    const label = this.labels[slot]!;
    const last = this.ids.length - 1;
    if (slot !== last) {
      const lastId = this.ids[last]!;
      const lastLabel = this.labels[last]!;
      this.ids[slot] = lastId;
      this.labels[slot] = lastLabel;
      this.texts[slot] = this.texts[last]!;
      this.metas[slot] = this.metas[last]!;
      this.vectors.copyWithin(slot * this.dim, last * this.dim, (last + 1) * this.dim);
      this.slotById.set(lastId, slot);
      this.slotByLabel[lastLabel] = slot;
    }
    this.ids.pop();
    this.labels.pop();
    this.texts.pop();
    this.metas.pop();
    this.slotById.delete(id);
    this.slotByLabel[label] = -1;
    return label;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  slotOfLabel(label: number): number | undefined {
    const slot = label < this.slotByLabel.length ? this.slotByLabel[label]! : -1;
    return slot < 0 ? undefined : slot;
  }

  slotOfId(id: string): number | undefined {
    return this.slotById.get(id);
  }

  idAt(slot: number): string {
    return this.ids[slot]!;
  }

  labelAt(slot: number): number {
    return this.labels[slot]!;
  }

  textAt(slot: number): string | null {
    return this.texts[slot]!;
  }

  metadataAt(slot: number): Metadata {
    return this.metas[slot]!;
  }

  /** The unit vector of a slot (a view: copy it before the table changes). */
  unitAt(slot: number): Float32Array {
    return this.vectors.subarray(slot * this.dim, (slot + 1) * this.dim);
  }

  /** Exact top-k by cosine over all rows, or over the rows whose metadata match. `query` must be unit length. */
  exactSearch(query: Float32Array, k: number, match?: MetadataPredicate): ScoredSlot[] {
    const top = new TopK(Math.max(1, Math.min(k, this.size)));
    const { dim, vectors, metas } = this;
    for (let slot = 0, n = this.size; slot < n; slot++) {
      if (match !== undefined && !match(metas[slot]!)) continue;
      top.push(dotAt(query, vectors, slot * dim), slot);
    }
    return top.sorted();
  }

  /**
   * Estimates how many rows match, from an evenly spaced sample of `sample` rows (exact when the
   * table is no larger than the sample).
   */
  estimateMatches(match: MetadataPredicate, sample = 512): number {
    const n = this.size;
    if (n <= sample) return this.metas.reduce((count, meta) => count + (match(meta) ? 1 : 0), 0);
    const step = n / sample;
    let hits = 0;
    for (let i = 0; i < sample; i++) if (match(this.metas[Math.floor(i * step)]!)) hits += 1;
    return Math.round((hits / sample) * n);
  }

  private setLabelSlot(label: number, slot: number): void {
    if (!Number.isInteger(label) || label < 0)
      throw new RangeError(`Labels are non-negative integers, got ${label}.`);
    if (label >= this.slotByLabel.length) {
      const next = new Int32Array(Math.max(label + 1, this.slotByLabel.length * 2)).fill(-1);
      next.set(this.slotByLabel);
      this.slotByLabel = next;
    }
    this.slotByLabel[label] = slot;
  }

  /** Makes room for `rows` rows in all, so that loading that many does not copy the vectors again and again. */
  reserve(rows: number): void {
    if (rows * this.dim > this.vectors.length) this.grow(rows * this.dim);
  }

  private grow(atLeast = 0): void {
    const next = new Float32Array(Math.max(this.vectors.length * 2, this.dim * 1024, atLeast));
    next.set(this.vectors);
    this.vectors = next;
  }
}

/** Scales the `dim` numbers of `slab` from `offset` to unit length, in place (a zero vector stays zero). */
function normalizeAt(slab: Float32Array, offset: number, dim: number): void {
  let norm = 0;
  for (let i = offset; i < offset + dim; i++) norm += slab[i]! * slab[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = offset; i < offset + dim; i++) slab[i] = slab[i]! / norm;
}
