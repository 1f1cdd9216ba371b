/**
 * The Groceries baskets (arules; 9,835 real point-of-sale baskets over 169 item categories, with a
 * level-1/level-2 item hierarchy), read from `data/groceries`, split into train and test baskets
 * by a fixed hash of the basket's line number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataError } from '../../src/core/index.js';
import { dataHash } from '../harness/data-hash.js';
import { hashShare } from '../harness/seeds.js';

/** The folder of the shipped data. */
export const GROCERIES_DIR = join(import.meta.dirname, '..', '..', 'data', 'groceries');
const BASKETS = 'groceries.csv';
const HIERARCHY = 'groceries_item_hierarchy.csv';

/** Share of baskets held out as the test split. */
export const GROCERIES_TEST_SHARE = 0.2;

/** One basket: its line number (1-based), its distinct items, its split. */
export interface Basket {
  readonly line: number;
  readonly items: readonly string[];
  readonly split: 'train' | 'test';
}

/** An item's place in the hierarchy. */
export interface ItemGroup {
  readonly level2: string;
  readonly level1: string;
}

/** Baskets, the hierarchy and the version hash of the files. */
export interface Groceries {
  readonly baskets: readonly Basket[];
  readonly groups: ReadonlyMap<string, ItemGroup>;
  readonly hash: string;
}

/**
 * Reads the baskets (item names trimmed: the file has "cream cheese " with a trailing space) and
 * the hierarchy.
 *
 * @example
 * ```ts
 * const { baskets, groups } = readGroceries();
 * groups.get('whole milk'); // { level2: 'dairy produce', level1: 'fresh products' }
 * ```
 */
export function readGroceries(dir: string = GROCERIES_DIR): Groceries {
  let basketText: string;
  let hierarchyText: string;
  try {
    basketText = readFileSync(join(dir, BASKETS), 'utf8');
    hierarchyText = readFileSync(join(dir, HIERARCHY), 'utf8');
  } catch (cause) {
    throw new DataError(`Cannot read the Groceries data in ${dir}`, { cause });
  }
  const baskets: Basket[] = [];
  basketText.split('\n').forEach((row, i) => {
    const items = [
      ...new Set(
        row
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      ),
    ].sort();
    if (items.length === 0) return;
    const line = i + 1;
    baskets.push({
      line,
      items,
      split: hashShare(`groceries-split:${line}`) < GROCERIES_TEST_SHARE ? 'test' : 'train',
    });
  });
  const groups = new Map<string, ItemGroup>();
  const rows = parse<{ label: string; level2: string; level1: string }>(hierarchyText, {
    columns: true,
    skip_empty_lines: true,
  });
  for (const { label, level2, level1 } of rows) groups.set(label.trim(), { level2, level1 });
  return {
    baskets,
    groups,
    hash: dataHash([join(dir, BASKETS), join(dir, HIERARCHY)], [`test-share:${GROCERIES_TEST_SHARE}`]),
  };
}
