/**
 * The UCI Online Retail invoices split in time: history December 2010 – January 2011, target
 * February 2011. Customers' histories come from the history months only, so nothing a policy sees
 * was bought in the month it predicts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { UserProfile } from '../../src/core/index.js';
import { deriveUsers, readOnlineRetail, salesLines, type RetailLine } from '../../tools/catalog/index.js';
import { dataHash } from '../harness/data-hash.js';

/** The folder of the shipped data. */
export const ONLINE_RETAIL_DIR = join(import.meta.dirname, '..', '..', 'data', 'online-retail');
/** First day of the target month; everything before it is history. */
export const TARGET_START = '2011-02-01';

/** History and target of the time split. */
export interface RetailMonths {
  /** sha256 of every by-day file. */
  readonly hash: string;
  /** Sales lines (real, positive product sales) before {@link TARGET_START}. */
  readonly history: readonly RetailLine[];
  /** Identified customers with their history-month purchases, by id. */
  readonly users: readonly UserProfile[];
  /** Per product, the identified customers who bought it in the target month. */
  readonly targetBuyers: ReadonlyMap<string, ReadonlySet<string>>;
  /** Most frequent title of each product. */
  readonly titles: ReadonlyMap<string, string>;
}

let cached: RetailMonths | undefined;

/**
 * Reads and splits the invoices (once per process).
 *
 * @example
 * ```ts
 * const { users, targetBuyers } = retailMonths();
 * ```
 */
export function retailMonths(dir: string = ONLINE_RETAIL_DIR): RetailMonths {
  if (cached && dir === ONLINE_RETAIL_DIR) return cached;
  const dayDir = join(dir, 'by-day');
  const files = readdirSync(dayDir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => join(dayDir, f));
  const sales = salesLines(readOnlineRetail(dir));
  const history = sales.filter((l) => l.date < TARGET_START);
  const users = deriveUsers(history, new Set(history.map((l) => l.stockCode)));
  const targetBuyers = new Map<string, Set<string>>();
  const titleCounts = new Map<string, Map<string, number>>();
  for (const line of sales) {
    const counts = titleCounts.get(line.stockCode) ?? new Map<string, number>();
    counts.set(line.description, (counts.get(line.description) ?? 0) + 1);
    titleCounts.set(line.stockCode, counts);
    if (line.date < TARGET_START || !line.customerId) continue;
    let buyers = targetBuyers.get(line.stockCode);
    if (!buyers) targetBuyers.set(line.stockCode, (buyers = new Set()));
    buyers.add(line.customerId);
  }
  const titles = new Map(
    [...titleCounts].map(([code, counts]) => [
      code,
      [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0],
    ]),
  );
  const result = {
    hash: dataHash(files, [`target-start:${TARGET_START}`]),
    history,
    users,
    targetBuyers,
    titles,
  };
  if (dir === ONLINE_RETAIL_DIR) cached = result;
  return result;
}
