import type { AssociationRule, UserProfile } from '../../src/core/index.js';

export interface NextBuyer {
  userId: string;
  /** Noisy-or of the confidences of the rules the user's history fires: P(buys the target). */
  score: number;
  /** The rules that fired, strongest first. */
  rules: AssociationRule[];
}

/**
 * Scores who is likely to buy a target product next from co-purchase rules: a user who bought
 * items A1..An, each with a rule Ai → target of confidence ci, buys the target with probability
 * 1 − Π(1 − ci) (noisy-or). Users who already bought the target are excluded.
 *
 * @example
 * ```ts
 * scoreNextBuyers(users, catalog.rulesTo('22720'), '22720').slice(0, 10);
 * ```
 */
export function scoreNextBuyers(
  users: readonly UserProfile[],
  rulesToTarget: readonly AssociationRule[],
  target: string,
  options: { before?: string } = {},
): NextBuyer[] {
  const ruleFrom = new Map(rulesToTarget.filter((r) => r.to === target).map((r) => [r.from, r]));
  if (ruleFrom.size === 0) return [];
  const out: NextBuyer[] = [];
  for (const user of users) {
    const seen = new Set<string>();
    let boughtTarget = false;
    for (const p of user.purchases) {
      if (options.before && p.date >= options.before) continue;
      if (p.productId === target) boughtTarget = true;
      seen.add(p.productId);
    }
    if (boughtTarget) continue;
    const fired: AssociationRule[] = [];
    let miss = 1;
    for (const id of seen) {
      const rule = ruleFrom.get(id);
      if (!rule) continue;
      fired.push(rule);
      miss *= 1 - rule.confidence;
    }
    if (fired.length === 0) continue;
    fired.sort((a, b) => b.confidence - a.confidence || a.from.localeCompare(b.from));
    out.push({ userId: user.id, score: 1 - miss, rules: fired });
  }
  return out.sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId));
}

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
