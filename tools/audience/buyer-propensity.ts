import type { AssociationRule, UserProfile } from '../../src/core/index.js';

/**
 * The signals behind a customer's propensity to buy a product next, each readable on its own:
 * re-ordering, the customer's activity (recency, frequency, monetary, breadth), and their affinity
 * to the product (item-to-item similarity of what they bought, co-purchase rules).
 */
export interface PropensityFeatures {
  /** log(1 + invoices on which the customer already bought the product). */
  reorders: number;
  /** The product's re-purchase rate if the customer already bought it, else 0. */
  repeatIfPast: number;
  /** exp(−days since the customer's last purchase / 30). */
  recency: number;
  /** log(1 + the customer's invoices). */
  frequency: number;
  /** log(1 + the customer's spend, quantity × typical price). */
  monetary: number;
  /** log(1 + distinct products the customer bought). */
  breadth: number;
  /** Mean item-to-item cosine (over customers) between the product and the customer's products. */
  similarityMean: number;
  /** Highest such cosine: the customer's product most like the target. */
  similarityMax: number;
  /** Noisy-or of the confidences of the co-purchase rules into the product the history fires. */
  rules: number;
  /** log(1 + the product's past buyers): same for every customer, calibrates the intercept. */
  popularity: number;
  /** (repeaters + 1) / (buyers + 2): same for every customer, calibrates the intercept. */
  repeatRate: number;
}

/**
 * Logistic-regression weights of P(buys the product in the next month), fitted on a validation
 * task inside the history months, never on the month an evaluation predicts: December 2010
 * histories, January 2011 buyers, the 270 products with ≥ 20 identified January buyers, every
 * December customer a candidate. The feature set was chosen on half of those products and checked
 * on the other half (AUC 0.763, recall@50 0.355, against 0.723 / 0.318 for "past buyers first,
 * then rules and activity" and 0.640 / 0.162 for recency-frequency), then refitted on all 270.
 * Ablations on the check half: dropping monetary costs 0.017 AUC, either similarity 0.006, the
 * rules 0.001 (they add little once item similarity is there, but stay as citable evidence).
 */
export const PROPENSITY_WEIGHTS: Readonly<PropensityFeatures> & { readonly intercept: number } = {
  intercept: -8.147,
  reorders: 0.776,
  repeatIfPast: 4.132,
  recency: 0.332,
  frequency: -0.014,
  monetary: 0.386,
  breadth: 0.264,
  similarityMean: 7.704,
  similarityMax: 1.752,
  rules: 0.208,
  popularity: -0.025,
  repeatRate: -1.678,
};

/** One product a customer bought, as evidence of their affinity to the target. */
export interface SimilarPurchase {
  productId: string;
  /** Cosine between the two products over customers' purchases. */
  similarity: number;
}

export interface BuyerPropensity {
  userId: string;
  /** Calibrated P(buys the product in the next month), from {@link PROPENSITY_WEIGHTS}. */
  score: number;
  /** Whether the customer already bought the product. */
  pastBuyer: boolean;
  /** Invoices on which the customer bought the product (0 if never; 2 or more: a repeater). */
  invoices: number;
  features: PropensityFeatures;
  /** The customer's products most similar to the target, most similar first (at most 3). */
  similar: SimilarPurchase[];
  /** The co-purchase rules the history fires, strongest first. */
  rules: AssociationRule[];
}

interface CustomerStats {
  readonly user: UserProfile;
  /** Product → invoices with it. */
  readonly items: ReadonlyMap<string, number>;
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly breadth: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/**
 * Customers' purchase histories indexed for propensity scoring: per-customer activity and the
 * customer–product incidence the item similarities are computed from. Built once, queried per
 * product. Purchases on or after `before` are ignored; recency is measured to `before`, or to the
 * day after the latest purchase (the data's own clock, never the wall clock).
 *
 * @example
 * ```ts
 * const index = new PurchaseIndex(catalog.users, { priceOf: (id) => catalog.find(id)?.price });
 * buyerPropensity(index, '22720', catalog.rulesTo('22720')).slice(0, 10);
 * ```
 */
export class PurchaseIndex {
  readonly customers: readonly CustomerStats[];
  readonly #buyers = new Map<string, number[]>();

  constructor(
    users: readonly UserProfile[],
    options: { before?: string; priceOf?: (productId: string) => number | undefined } = {},
  ) {
    const { before, priceOf } = options;
    let latest = '';
    const kept = users.map((user) => {
      const purchases = before ? user.purchases.filter((p) => p.date < before) : user.purchases;
      for (const p of purchases) if (p.date > latest) latest = p.date;
      return { user, purchases };
    });
    const now = before ? dayNumber(before) : latest ? dayNumber(latest) + 1 : 0;
    this.customers = kept.map(({ user, purchases }, i) => {
      const invoicesOf = new Map<string, Set<string>>();
      const invoices = new Set<string>();
      let last = '';
      let spend = 0;
      for (const p of purchases) {
        let set = invoicesOf.get(p.productId);
        if (!set) invoicesOf.set(p.productId, (set = new Set()));
        set.add(p.invoice);
        invoices.add(p.invoice);
        if (p.date > last) last = p.date;
        spend += p.quantity * (priceOf?.(p.productId) ?? 0);
      }
      const items = new Map([...invoicesOf].map(([id, set]) => [id, set.size]));
      for (const id of items.keys()) {
        const list = this.#buyers.get(id);
        if (list) list.push(i);
        else this.#buyers.set(id, [i]);
      }
      return {
        user,
        items,
        recency: last ? Math.exp(-(now - dayNumber(last)) / 30) : 0,
        frequency: Math.log1p(invoices.size),
        monetary: Math.log1p(spend),
        breadth: Math.log1p(items.size),
      };
    });
  }

  /** Indexes (into `customers`) of the product's buyers. */
  buyersOf(productId: string): readonly number[] {
    return this.#buyers.get(productId) ?? [];
  }

  /**
   * Item-to-item cosine over customers between `productId` and every product its buyers bought:
   * |buyers of both| / √(|buyers of a| · |buyers of b|).
   */
  similarities(productId: string): Map<string, number> {
    const buyers = this.buyersOf(productId);
    const shared = new Map<string, number>();
    for (const i of buyers)
      for (const id of this.customers[i]!.items.keys())
        if (id !== productId) shared.set(id, (shared.get(id) ?? 0) + 1);
    const out = new Map<string, number>();
    for (const [id, n] of shared) out.set(id, n / Math.sqrt(buyers.length * this.buyersOf(id).length));
    return out;
  }
}

/** The logistic model's probability for a feature vector. */
export function propensityScore(features: PropensityFeatures): number {
  let z = PROPENSITY_WEIGHTS.intercept;
  for (const key of Object.keys(features) as (keyof PropensityFeatures)[])
    z += PROPENSITY_WEIGHTS[key] * features[key];
  return 1 / (1 + Math.exp(-z));
}

/**
 * Every indexed customer's propensity to buy `target` next (past buyers included: many
 * customers are wholesalers who restock), highest first, ties by customer id. Each carries its
 * features and the evidence behind its affinity: the similar products it bought and the rules
 * its history fires.
 *
 * @example
 * ```ts
 * const [top] = buyerPropensity(index, '22720', catalog.rulesTo('22720'));
 * top.similar[0]; // { productId: '22722', similarity: 0.41 }
 * ```
 */
export function buyerPropensity(
  index: PurchaseIndex,
  target: string,
  rulesToTarget: readonly AssociationRule[],
): BuyerPropensity[] {
  const similar = index.similarities(target);
  const ruleFrom = new Map(rulesToTarget.filter((r) => r.to === target).map((r) => [r.from, r]));
  const buyers = index.buyersOf(target);
  const repeaters = buyers.filter((i) => (index.customers[i]!.items.get(target) ?? 0) >= 2).length;
  const repeatRate = (repeaters + 1) / (buyers.length + 2);
  const popularity = Math.log1p(buyers.length);
  const out = index.customers.map((c): BuyerPropensity => {
    const own = c.items.get(target) ?? 0;
    const fired: AssociationRule[] = [];
    const near: SimilarPurchase[] = [];
    let miss = 1;
    let sum = 0;
    let max = 0;
    for (const id of c.items.keys()) {
      if (id === target) continue;
      const rule = ruleFrom.get(id);
      if (rule) {
        fired.push(rule);
        miss *= 1 - rule.confidence;
      }
      const s = similar.get(id) ?? 0;
      sum += s;
      if (s > max) max = s;
      if (s > 0) near.push({ productId: id, similarity: s });
    }
    const others = c.items.size - (own > 0 ? 1 : 0);
    const features: PropensityFeatures = {
      reorders: Math.log1p(own),
      repeatIfPast: own > 0 ? repeatRate : 0,
      recency: c.recency,
      frequency: c.frequency,
      monetary: c.monetary,
      breadth: c.breadth,
      similarityMean: others > 0 ? sum / others : 0,
      similarityMax: max,
      rules: 1 - miss,
      popularity,
      repeatRate,
    };
    fired.sort((a, b) => b.confidence - a.confidence || a.from.localeCompare(b.from));
    near.sort((a, b) => b.similarity - a.similarity || a.productId.localeCompare(b.productId));
    return {
      userId: c.user.id,
      score: propensityScore(features),
      pastBuyer: own > 0,
      invoices: own,
      features,
      similar: near.slice(0, 3),
      rules: fired,
    };
  });
  return out.sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId));
}
