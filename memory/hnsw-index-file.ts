import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import hnswlib from 'hnswlib-node';
import { MemoryStorageError } from './errors.js';

/** What an index file was built from and with; recorded beside it in `<file>.json`. */
export interface IndexIdentity {
  storeId: string;
  /** Store generation the index reflects. */
  generation: number;
  count: number;
  dim: number;
  m: number;
  efConstruction: number;
}

/** The sidecar: the identity plus the size and SHA-256 of the index file. */
export interface IndexHeader extends IndexIdentity {
  format: 1;
  bytes: number;
  sha256: string;
}

/** Why a saved index cannot be used. */
export type IndexProblem = 'missing' | 'stale' | 'corrupt';

/**
 * Saves an HNSW index atomically: the index and its sidecar are written to temporary files,
 * fsynced and renamed into place, then the directory is fsynced. A crash at any point leaves
 * either the old pair, the new pair, or a pair whose checksum disagrees (detected on load).
 *
 * @example
 * ```ts
 * saveIndexFile(index, '/data/memory/index.hnsw', { storeId, generation: 7, count: 100, dim: 128, m: 16, efConstruction: 200 });
 * ```
 */
export function saveIndexFile(
  index: hnswlib.HierarchicalNSW,
  path: string,
  identity: IndexIdentity,
): IndexHeader {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    index.writeIndexSync(tmp);
    // hnswlib writes with an ofstream and reports no errors: check that a file came out.
    if (!existsSync(tmp) || statSync(tmp).size === 0) throw new Error(`hnswlib wrote no file at ${tmp}`);
    const { bytes, sha256 } = fsyncAndHash(tmp);
    const header: IndexHeader = { format: 1, ...identity, bytes, sha256 };
    writeFileDurably(`${path}.json.${process.pid}.tmp`, JSON.stringify(header));
    renameSync(tmp, path);
    renameSync(`${path}.json.${process.pid}.tmp`, `${path}.json`);
    fsyncDirectory(dirname(path));
    return header;
  } catch (error) {
    throw new MemoryStorageError(`Cannot save the vector index to ${path}: ${String(error)}`, {
      cause: error,
      context: { path },
    });
  }
}

/**
 * Loads a saved index if, and only if, its sidecar matches `expected` and its checksum matches its
 * bytes (checked before hnswlib reads it, since hnswlib trusts its input). Otherwise says why not.
 *
 * @example
 * ```ts
 * const loaded = loadIndexFile('/data/memory/index.hnsw', expected);
 * if ('problem' in loaded) log.warn({ problem: loaded.problem, detail: loaded.detail }, 'rebuilding');
 * ```
 */
export function loadIndexFile(
  path: string,
  expected: IndexIdentity,
): { index: hnswlib.HierarchicalNSW } | { problem: IndexProblem; detail: string } {
  if (!existsSync(path)) return { problem: 'missing', detail: `no index file at ${path}` };
  if (!existsSync(`${path}.json`)) return { problem: 'missing', detail: `no sidecar ${path}.json` };
  let header: Partial<IndexHeader>;
  try {
    header = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as Partial<IndexHeader>;
  } catch (error) {
    return { problem: 'corrupt', detail: `unreadable sidecar: ${String(error)}` };
  }
  if (header.format !== 1)
    return { problem: 'corrupt', detail: `unknown sidecar format ${String(header.format)}` };
  for (const key of ['storeId', 'generation', 'count', 'dim', 'm', 'efConstruction'] as const) {
    if (header[key] !== expected[key]) {
      return {
        problem: 'stale',
        detail: `${key} is ${String(header[key])} in the index, ${String(expected[key])} in the store`,
      };
    }
  }
  const bytes = statSync(path).size;
  if (bytes !== header.bytes)
    return { problem: 'corrupt', detail: `size ${bytes} B, sidecar says ${header.bytes} B` };
  const { sha256 } = fsyncAndHash(path, false);
  if (sha256 !== header.sha256) return { problem: 'corrupt', detail: 'checksum mismatch' };
  const index = new hnswlib.HierarchicalNSW('ip', expected.dim);
  try {
    index.readIndexSync(path, true);
  } catch (error) {
    return { problem: 'corrupt', detail: `hnswlib could not read it: ${String(error)}` };
  }
  return { index };
}

function fsyncAndHash(path: string, sync = true): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let bytes = 0;
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, n));
      bytes += n;
    }
    if (sync) fsyncSync(fd);
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}

function writeFileDurably(path: string, content: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDirectory(path: string): void {
  // Makes the renames durable. Some platforms (Windows) cannot open a directory: then skip.
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
