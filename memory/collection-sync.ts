import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../src/core/logger.js';
import { DEFAULT_HNSW_SETTINGS, HnswMemory } from './hnsw-memory.js';
import type { HnswSettings } from './hnsw-memory.js';
import type { MetadataSchema } from './metadata-filter.js';
import type { VectorItem } from './vector-memory.js';

/**
 * Graph settings of derived memories, over the HNSW defaults: no graph while a memory is no
 * larger than what a filtered search already scores exactly (`exactBelow`). A CLI command makes
 * a few dozen searches; at 2,000 × 512 an exact one takes about a millisecond, while building the
 * graph takes about 300 ms on a fresh clone (evals/bench/memory-startup.ts).
 */
export const DERIVED_HNSW_SETTINGS = {
  graphAbove: DEFAULT_HNSW_SETTINGS.exactBelow,
} as const satisfies Partial<HnswSettings>;

/**
 * What a derived memory (products, users) was last built from: a `version` (the embedder and
 * settings; a change means every vector is invalid), the hash of the whole input, and a hash per
 * item (to re-embed only what changed).
 */
export interface Manifest {
  version: string;
  contentHash: string;
  items: Record<string, string>;
  /** The memory's {@link HnswMemory.revision} after the sync: any later write makes it differ. */
  revision?: string;
}

/** What a sync did. `changed: false` means the input was unchanged and nothing was touched. */
export interface SyncReport {
  changed: boolean;
  upserted: number;
  deleted: number;
}

/**
 * SHA-256 of a value's JSON with object keys sorted, so equal data hash equally.
 *
 * @example
 * ```ts
 * contentHash({ b: 1, a: 2 }) === contentHash({ a: 2, b: 1 }); // true
 * ```
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

/**
 * SHA-256 of a value's JSON exactly as given (key order counts), or undefined when it has none
 * (a cycle, a BigInt). Much cheaper than {@link contentHash} on large inputs: the identity of an
 * input read again, unchanged, from the same source. Equal data in another key order hashes
 * differently, which only costs a full comparison.
 *
 * @example
 * ```ts
 * quickHash(catalog.users) === quickHash(loadCatalogData().users); // true
 * ```
 */
export function quickHash(value: unknown): string | undefined {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return undefined;
  }
  return json === undefined ? undefined : createHash('sha256').update(json).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A memory kept in step with an input collection across runs: opened from `dir`, wiped when its
 * `version` changed, and synced by {@link DerivedCollection.sync}, which re-embeds only changed
 * items and does nothing at all when the input hash is the one recorded.
 *
 * @example
 * ```ts
 * const collection = await DerivedCollection.open({ dir, version: embedder.id, dim: embedder.dim, schema, logger });
 * await collection.sync(hash, items.map((p) => ({ id: p.id, hash: contentHash(p) })), (ids) => build(ids));
 * ```
 */
export class DerivedCollection {
  private constructor(
    readonly memory: HnswMemory,
    private manifest: Manifest,
    private readonly manifestPath: string,
    private readonly log: Logger,
  ) {}

  static async open(options: {
    dir: string;
    version: string;
    dim: number;
    schema: MetadataSchema;
    logger: Logger;
    hnsw?: Partial<HnswSettings>;
  }): Promise<DerivedCollection> {
    const manifestPath = join(options.dir, 'manifest.json');
    // No manifest: whatever is in the directory is of unknown provenance, so it is rebuilt.
    let manifest: Manifest = { version: '', contentHash: '', items: {} };
    if (existsSync(manifestPath)) {
      try {
        manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      } catch {
        manifest = { version: '', contentHash: '', items: {} };
      }
    }
    if (manifest.version !== options.version) {
      if (existsSync(options.dir)) {
        const change = { dir: options.dir, from: manifest.version, to: options.version };
        options.logger.info(change, 'memory version changed or unknown; rebuilding');
        rmSync(options.dir, { recursive: true, force: true });
      }
      manifest = { version: options.version, contentHash: '', items: {} };
    }
    mkdirSync(options.dir, { recursive: true });
    const memory = await HnswMemory.open({
      dir: options.dir,
      dim: options.dim,
      schema: options.schema,
      logger: options.logger,
      hnsw: { ...DERIVED_HNSW_SETTINGS, ...options.hnsw },
    });
    return new DerivedCollection(memory, manifest, manifestPath, options.logger);
  }

  /** Hash of the input the memory was last synced to ('' if never). */
  get contentHash(): string {
    return this.manifest.contentHash;
  }

  /** Ids the memory holds, per the manifest. */
  ids(): string[] {
    return Object.keys(this.manifest.items);
  }

  /** Whether the memory holds this id, per the manifest. */
  has(id: string): boolean {
    return Object.hasOwn(this.manifest.items, id);
  }

  /**
   * Whether the memory already reflects the input with this hash: the one recorded by the last
   * sync, with nothing written to the memory since. Callers ask before doing any work on the
   * input (parsing, embedding).
   */
  isCurrent(hash: string): boolean {
    return hash === this.manifest.contentHash && this.intact();
  }

  /**
   * Brings the memory in step with the input: `build` is called (in batches) for the ids that are
   * new or changed; ids no longer in the input are deleted. The manifest is written last, so a
   * crash mid-way just means the next sync redoes the work.
   */
  async sync(
    hash: string,
    items: readonly { id: string; hash: string }[],
    build: (ids: string[]) => Promise<VectorItem[]>,
    batchSize = 1024,
  ): Promise<SyncReport> {
    const known = this.manifest.items;
    const intact = this.intact();
    if (intact && hash === this.manifest.contentHash) return { changed: false, upserted: 0, deleted: 0 };
    const wanted = new Set(items.map((item) => item.id));
    const stale = items.filter((item) => !intact || known[item.id] !== item.hash).map((item) => item.id);
    // Not intact, the store may hold items the manifest never listed: ask the memory itself.
    const gone = (intact ? Object.keys(known) : this.memory.ids()).filter((id) => !wanted.has(id));
    for (let i = 0; i < stale.length; i += batchSize)
      await this.memory.upsert(await build(stale.slice(i, i + batchSize)));
    if (gone.length > 0) await this.memory.delete(gone);
    await this.memory.flush();
    this.manifest = {
      version: this.manifest.version,
      contentHash: hash,
      items: Object.fromEntries(items.map((i) => [i.id, i.hash])),
      revision: this.memory.revision,
    };
    writeFileSync(`${this.manifestPath}.tmp`, JSON.stringify(this.manifest));
    renameSync(`${this.manifestPath}.tmp`, this.manifestPath);
    this.log.info({ upserted: stale.length, deleted: gone.length, size: this.memory.size }, 'memory synced');
    return { changed: true, upserted: stale.length, deleted: gone.length };
  }

  close(): Promise<void> {
    return this.memory.close();
  }

  /**
   * False when the memory was written after the manifest (a sync that crashed before recording
   * it), so that the manifest cannot say which items are current. Manifests from before revisions
   * were recorded can only be checked by count.
   */
  private intact(): boolean {
    if (this.manifest.revision !== undefined) return this.manifest.revision === this.memory.revision;
    return Object.keys(this.manifest.items).length === this.memory.size;
  }
}
