import type { AssociationRule, Product, UserProfile } from '../../src/core/index.js';
import { categorize } from './categorize.js';
import type { RetailLine } from './online-retail.js';

/**
 * Builds the demo catalog from real sales lines: one product per stock code, titled by its most
 * frequent description, priced at the median unit price it sold at.
 */
export function deriveCatalog(sales: readonly RetailLine[], options: { minOrders?: number } = {}): Product[] {
  const minOrders = options.minOrders ?? 3;
  interface Acc {
    titles: Map<string, number>;
    prices: number[];
    invoices: Set<string>;
    buyers: Set<string>;
    units: number;
    first: string;
    last: string;
  }
  const byCode = new Map<string, Acc>();
  for (const line of sales) {
    let acc = byCode.get(line.stockCode);
    if (!acc) {
      acc = {
        titles: new Map(),
        prices: [],
        invoices: new Set(),
        buyers: new Set(),
        units: 0,
        first: line.date,
        last: line.date,
      };
      byCode.set(line.stockCode, acc);
    }
    acc.titles.set(line.description, (acc.titles.get(line.description) ?? 0) + 1);
    acc.prices.push(line.unitPrice);
    acc.invoices.add(line.invoice);
    if (line.customerId) acc.buyers.add(line.customerId);
    acc.units += line.quantity;
    if (line.date < acc.first) acc.first = line.date;
    if (line.date > acc.last) acc.last = line.date;
  }
  const products: Product[] = [];
  for (const [id, acc] of byCode) {
    if (acc.invoices.size < minOrders) continue;
    const title = [...acc.titles.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    products.push({
      id,
      title,
      price: round2(median(acc.prices)),
      currency: 'GBP',
      category: categorize(title),
      orders: acc.invoices.size,
      units: acc.units,
      buyers: acc.buyers.size,
      firstSold: acc.first,
      lastSold: acc.last,
    });
  }
  return products.sort((a, b) => b.orders - a.orders || a.id.localeCompare(b.id));
}

/** Identified customers with their purchase histories (products limited to `known` ids). */
export function deriveUsers(sales: readonly RetailLine[], known: ReadonlySet<string>): UserProfile[] {
  const users = new Map<string, UserProfile>();
  for (const line of sales) {
    if (!line.customerId || !known.has(line.stockCode)) continue;
    let user = users.get(line.customerId);
    if (!user) {
      user = { id: line.customerId, country: line.country, purchases: [] };
      users.set(line.customerId, user);
    }
    user.purchases.push({
      productId: line.stockCode,
      date: line.date,
      quantity: line.quantity,
      invoice: line.invoice,
    });
  }
  return [...users.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Mines pairwise co-purchase rules from invoices: for each ordered pair (a → b), the number of
 * invoices with both, support = count / invoices, confidence = count / invoices with a,
 * lift = confidence / P(b). Keeps, per antecedent, the `perItem` rules of highest lift among those
 * seen in at least `minCount` invoices.
 */
export function mineRules(
  sales: readonly RetailLine[],
  options: { minCount?: number; perItem?: number; known?: ReadonlySet<string> } = {},
): AssociationRule[] {
  const minCount = options.minCount ?? 8;
  const perItem = options.perItem ?? 20;
  const baskets = new Map<string, Set<string>>();
  for (const line of sales) {
    if (options.known && !options.known.has(line.stockCode)) continue;
    let basket = baskets.get(line.invoice);
    if (!basket) baskets.set(line.invoice, (basket = new Set()));
    basket.add(line.stockCode);
  }
  const codes = [...new Set([...baskets.values()].flatMap((b) => [...b]))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const n = codes.length;
  const itemCount = new Uint32Array(n);
  const pairCount = new Map<number, number>();
  for (const basket of baskets.values()) {
    const ids = [...basket].map((c) => index.get(c)!).sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i]!;
      itemCount[a]!++;
      for (let j = i + 1; j < ids.length; j++) {
        const key = a * n + ids[j]!;
        pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
      }
    }
  }
  const total = baskets.size;
  const byFrom = new Map<number, AssociationRule[]>();
  for (const [key, count] of pairCount) {
    if (count < minCount) continue;
    const a = Math.floor(key / n);
    const b = key % n;
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const confidence = count / itemCount[from]!;
      const lift = confidence / (itemCount[to]! / total);
      const list = byFrom.get(from) ?? [];
      list.push({
        from: codes[from]!,
        to: codes[to]!,
        count,
        support: round6(count / total),
        confidence: round6(confidence),
        lift: round6(lift),
      });
      byFrom.set(from, list);
    }
  }
  const rules: AssociationRule[] = [];
  for (const list of byFrom.values()) {
    list.sort((x, y) => y.lift - x.lift || y.count - x.count || x.to.localeCompare(y.to));
    rules.push(...list.slice(0, perItem));
  }
  return rules.sort((x, y) => x.from.localeCompare(y.from) || y.lift - x.lift || x.to.localeCompare(y.to));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const round2 = (x: number) => Math.round(x * 100) / 100;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
