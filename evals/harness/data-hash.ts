import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * The version of a dataset: sha256 over its files (name and bytes, in the order given) and any
 * extra strings that shape the tasks (a split rule, a threshold).
 *
 * @example
 * ```ts
 * dataHash(['data/groceries/groceries.csv', 'data/groceries/groceries_item_hierarchy.csv'], ['test=20%']);
 * ```
 */
export function dataHash(files: readonly string[], extra: readonly string[] = []): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${basename(file)}\u0000`);
    hash.update(readFileSync(file));
    hash.update('\u0000');
  }
  for (const e of extra) hash.update(`${e}\u0000`);
  return hash.digest('hex');
}
