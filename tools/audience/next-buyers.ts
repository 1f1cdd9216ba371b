import type { UserProfile } from '../../src/core/index.js';

/** Share of a product's buyers who bought it on two or more separate invoices. */
export function repeatRate(
  users: readonly UserProfile[],
  productId: string,
): { buyers: number; repeaters: number } {
  let buyers = 0;
  let repeaters = 0;
  for (const user of users) {
    const invoices = new Set(user.purchases.filter((p) => p.productId === productId).map((p) => p.invoice));
    if (invoices.size === 0) continue;
    buyers++;
    if (invoices.size >= 2) repeaters++;
  }
  return { buyers, repeaters };
}

/** A user's purchases counted by category, L2-normalised, for "users like these" comparisons. */
export function categoryProfile(
  user: UserProfile,
  categoryOf: (productId: string) => string | undefined,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of user.purchases) {
    const c = categoryOf(p.productId);
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const norm = Math.sqrt([...counts.values()].reduce((s, v) => s + v * v, 0)) || 1;
  for (const [k, v] of counts) counts.set(k, v / norm);
  return counts;
}

/** Cosine similarity of two normalised sparse profiles. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [k, v] of a) dot += v * (b.get(k) ?? 0);
  return dot;
}
