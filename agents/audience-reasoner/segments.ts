import type { AudienceSegment, Evidence, Product, ReasoningStep, UserProfile } from '../../src/core/index.js';
import {
  categoryProfile,
  cosine,
  hasAffinity,
  PROPENSITY_WEIGHTS,
  rankNextBuyers,
  repeatRate,
  type BuyerPropensity,
} from '../../tools/audience/index.js';
import type { Catalog } from '../../tools/catalog/index.js';
import type { AgentMemory } from '../define-agent.js';

/**
 * Assumed click-to-purchase conversion rate of a broad audience. It is an assumption (published
 * e-commerce averages are 1–3%), stated as such in every chain that uses it; segment rates scale
 * it by the lift measured in the shop's own data.
 */
export const BASE_CVR = 0.02;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const clampCvr = (x: number) => Math.min(0.15, Math.max(0.005, x));

function short(title: string): string {
  return title.length > 40 ? `${title.slice(0, 37)}...` : title;
}

export interface SegmentInputs {
  catalog: Catalog;
  products: readonly Product[];
  users: readonly UserProfile[];
  /** Extra reasoning steps about the brief's audience constraints, prepended to each chain. */
  briefSteps: readonly ReasoningStep[];
  /** Per target product, every customer's propensity to buy it next (from {@link propensities}). */
  propensity: ReadonlyMap<string, readonly BuyerPropensity[]>;
}

/**
 * Every customer's propensity to buy each product next, as the `next_buyers` tool ranks them
 * ({@link rankNextBuyers}: the propensity model over the catalog's cached purchase index), kept to
 * customers in `countries` (the brief's regions; empty: everyone). Item similarities are measured
 * over all of the catalog's customers, so a small region still gets the shop-wide evidence.
 *
 * @example
 * ```ts
 * propensities(catalog, products, []).get('22720')?.[0]; // { userId, score, pastBuyer, similar, rules, ... }
 * ```
 */
export function propensities(
  catalog: Catalog,
  products: readonly Product[],
  countries: readonly string[],
): Map<string, BuyerPropensity[]> {
  return new Map(products.map((p) => [p.id, rankNextBuyers(catalog, p.id, { countries })]));
}

/**
 * Prospects: customers who have not bought a target product but whose baskets resemble its
 * buyers' (item-to-item similarity) or fire co-purchase rules into it, ranked by the propensity
 * model (activity, affinity; tools/audience/buyer-propensity.ts).
 */
export function prospectSegment(input: SegmentInputs): AudienceSegment | undefined {
  const { catalog, products } = input;
  const best = new Map<string, { productId: string; b: BuyerPropensity }>();
  let everyone = 0;
  let scored = 0;
  for (const product of products) {
    for (const b of input.propensity.get(product.id) ?? []) {
      everyone += b.score;
      scored++;
      if (b.pastBuyer || !hasAffinity(b)) continue;
      const prev = best.get(b.userId);
      if (!prev || b.score > prev.b.score) best.set(b.userId, { productId: product.id, b });
    }
  }
  if (best.size === 0) return undefined;
  const ranked = [...best.entries()].sort((a, b) => b[1].b.score - a[1].b.score || a[0].localeCompare(b[0]));
  const topRules = products
    .flatMap((p) => catalog.rulesTo(p.id).slice(0, 2))
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, 3);
  const ruleEvidence: Evidence[] = topRules.map((r) => ({
    source: 'rule',
    ref: `${r.from}->${r.to}`,
    summary: `${r.count} invoices contain both ${short(catalog.product(r.from).title)} and ${short(catalog.product(r.to).title)}: confidence ${pct(r.confidence)}, lift ${r.lift.toFixed(1)}`,
    values: { support: r.support, confidence: r.confidence, lift: r.lift, count: r.count },
  }));
  const meanScore = ranked.reduce((s, [, v]) => s + v.b.score, 0) / ranked.length;
  const baseRate = Math.max(1e-4, everyone / Math.max(1, scored));
  const lift = meanScore / baseRate;
  const title = (id: string) => short(catalog.find(id)?.title ?? id);
  const examples: Evidence[] = ranked.slice(0, 3).map(([userId, { productId, b }]) => ({
    source: 'user-history',
    ref: userId,
    summary: `customer ${userId} bought ${
      b.similar.length > 0
        ? b.similar
            .slice(0, 2)
            .map((s) => `${title(s.productId)} (similarity ${s.similarity.toFixed(2)})`)
            .join(' and ')
        : b.rules
            .slice(0, 2)
            .map((r) => title(r.from))
            .join(' and ')
    } but not yet ${title(productId)}; ${b.rules.length} rules fire; P(buys next month) ${b.score.toFixed(2)}`,
    values: {
      score: round(b.score),
      rulesFired: b.rules.length,
      similarityMax: round(b.features.similarityMax, 3),
      similarityMean: round(b.features.similarityMean, 3),
      recency: round(b.features.recency, 3),
    },
  }));
  return {
    name: 'Likely next buyers',
    kind: 'complement-buyers',
    description: 'Customers whose baskets predict these products but who have not bought them yet.',
    productIds: products.map((p) => p.id),
    size: ranked.length,
    predictedBuyers: ranked.slice(0, 20).map(([userId, v]) => ({ userId, score: round(v.b.score) })),
    predictedCvr: round(clampCvr(BASE_CVR * Math.sqrt(lift))),
    reasoning: [
      ...input.briefSteps,
      {
        claim:
          'The target products are bought together with other items in real baskets, so buyers of those items are natural prospects.',
        evidence:
          ruleEvidence.length > 0
            ? ruleEvidence
            : [{ source: 'statistic', ref: 'rules', summary: 'no strong rule', values: {} }],
        confidence: round(Math.min(0.95, 0.5 + (topRules[0]?.confidence ?? 0) / 2), 2),
      },
      {
        claim: `${ranked.length} customers bought items that the products' buyers also buy (or that lead to them by rule) but not the products themselves; the most active and closest of them are the likeliest next buyers.`,
        evidence: examples,
        confidence: round(Math.min(0.9, 0.4 + 2 * meanScore), 2),
      },
      {
        claim: `Their mean propensity (${pct(meanScore)}) is ${lift.toFixed(1)}× the average customer's, so their conversion rate should exceed the ${pct(BASE_CVR)} broad assumption.`,
        evidence: [
          {
            source: 'statistic',
            ref: 'propensity',
            summary: `mean P(buys next month) ${meanScore.toFixed(3)} over ${ranked.length} prospects; ${baseRate.toFixed(4)} over all customers (logistic model of re-orders, recency, spend, item similarity and rules, fitted on December→January)`,
            values: {
              meanScore: round(meanScore),
              baseRate: round(baseRate),
              lift: round(lift, 2),
              assumedBaseCvr: BASE_CVR,
              weightSimilarityMean: PROPENSITY_WEIGHTS.similarityMean,
              weightMonetary: PROPENSITY_WEIGHTS.monetary,
              weightRules: PROPENSITY_WEIGHTS.rules,
            },
          },
        ],
        confidence: 0.6,
      },
    ],
  };
}

/** Are two products substitutes (same category and same last title word, e.g. two plates)? */
function isSubstitute(a: Product, b: Product): boolean {
  const head = (t: string) =>
    t
      .replace(/[^A-Z ]/g, '')
      .trim()
      .split(/\s+/)
      .pop() ?? '';
  return a.category === b.category && head(a.title) === head(b.title);
}

/**
 * Past buyers: customers who already bought a target product. Unless they re-buy it often, they
 * are shown complements (items bought alongside it), not more of the same item.
 */
export function pastBuyerSegment(input: SegmentInputs): AudienceSegment | undefined {
  const { catalog, products, users } = input;
  const buyerIds = new Set(products.flatMap((p) => [...catalog.buyersOf(p.id)]));
  const buyers = users.filter((u) => buyerIds.has(u.id));
  if (buyers.length === 0) return undefined;
  // Each past buyer's best propensity to buy one of the products again, highest first.
  const again = new Map<string, number>();
  for (const list of input.propensity.values())
    for (const b of list) if (b.pastBuyer) again.set(b.userId, Math.max(again.get(b.userId) ?? 0, b.score));
  const likeliest = [...again.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const lead = products[0]!;
  const repeat = repeatRate(users, lead.id);
  const repeatShare = repeat.buyers > 0 ? repeat.repeaters / repeat.buyers : 0;
  const targets = new Set(products.map((p) => p.id));
  const complements = products
    .flatMap((p) => catalog.rulesFrom(p.id).map((r) => ({ r, p })))
    .filter(({ r, p }) => !targets.has(r.to) && !isSubstitute(p, catalog.product(r.to)))
    .sort((a, b) => b.r.confidence * Math.log1p(b.r.lift) - a.r.confidence * Math.log1p(a.r.lift));
  const picked = [...new Map(complements.map((c) => [c.r.to, c])).values()].slice(0, 4);
  const showComplements = picked.length > 0 && repeatShare < 0.5;
  const cvr = clampCvr(BASE_CVR * (showComplements ? Math.sqrt(picked[0]!.r.lift) : 1 + repeatShare * 2));
  const chain: ReasoningStep[] = [
    ...input.briefSteps,
    {
      claim: `${buyers.length} customers already bought the target products; the likeliest to order again are the most recent, biggest spenders on items that are re-ordered.`,
      evidence: likeliest.slice(0, 3).map(([userId, score]) => {
        const u = catalog.user(userId)!;
        return {
          source: 'user-history' as const,
          ref: userId,
          summary: `customer ${userId} bought ${short(catalog.product(u.purchases.find((p) => targets.has(p.productId))!.productId).title)}; P(buys again next month) ${score.toFixed(2)}`,
          values: { purchases: u.purchases.length, score: round(score) },
        };
      }),
      confidence: 0.95,
    },
    {
      claim: `Only ${pct(repeatShare)} of the buyers of ${short(lead.title)} bought it again, so ${showComplements ? 'they need complements rather than more of the same' : 'repeat purchase is common and the item itself can be shown again'}.`,
      evidence: [
        {
          source: 'statistic',
          ref: `repeat:${lead.id}`,
          summary: `${repeat.repeaters} of ${repeat.buyers} buyers ordered it on two or more invoices`,
          values: { buyers: repeat.buyers, repeaters: repeat.repeaters },
        },
      ],
      confidence: 0.8,
    },
  ];
  if (showComplements) {
    chain.push({
      claim: `Buyers of these products go on to buy ${picked.map((c) => short(catalog.product(c.r.to).title)).join(', ')}: complements from the same baskets.`,
      evidence: picked.map(({ r }) => ({
        source: 'rule' as const,
        ref: `${r.from}->${r.to}`,
        summary: `${pct(r.confidence)} of invoices with ${short(catalog.product(r.from).title)} also contain ${short(catalog.product(r.to).title)} (lift ${r.lift.toFixed(1)}, ${r.count} invoices)`,
        values: { support: r.support, confidence: r.confidence, lift: r.lift, count: r.count },
      })),
      confidence: round(Math.min(0.9, 0.5 + picked[0]!.r.confidence / 2), 2),
    });
  }
  return {
    name: showComplements ? 'Past buyers: complements' : 'Past buyers: repeat',
    kind: 'past-buyers',
    description: showComplements
      ? 'Customers who bought the products, shown what goes with them.'
      : 'Customers who bought the products and tend to buy them again.',
    productIds: showComplements ? picked.map((c) => c.r.to) : products.map((p) => p.id),
    size: buyers.length,
    predictedBuyers: likeliest.slice(0, 20).map(([userId, score]) => ({ userId, score: round(score) })),
    predictedCvr: round(cvr),
    reasoning: chain,
  };
}

/** Lookalikes: customers whose category mix resembles that of the products' buyers. */
export function lookalikeSegment(
  input: SegmentInputs,
  exclude: ReadonlySet<string>,
): AudienceSegment | undefined {
  const { catalog, products, users } = input;
  const categoryOf = (id: string) => catalog.find(id)?.category;
  const buyerIds = new Set(products.flatMap((p) => [...catalog.buyersOf(p.id)]));
  const centroid = new Map<string, number>();
  for (const u of users) {
    if (!buyerIds.has(u.id)) continue;
    for (const [k, v] of categoryProfile(u, categoryOf)) centroid.set(k, (centroid.get(k) ?? 0) + v);
  }
  if (centroid.size === 0) return undefined;
  const norm = Math.sqrt([...centroid.values()].reduce((s, v) => s + v * v, 0));
  for (const [k, v] of centroid) centroid.set(k, v / norm);
  const similar = users
    .filter((u) => !buyerIds.has(u.id) && !exclude.has(u.id))
    .map((u) => ({ u, sim: cosine(categoryProfile(u, categoryOf), centroid) }))
    .filter((x) => x.sim >= 0.8)
    .sort((a, b) => b.sim - a.sim || a.u.id.localeCompare(b.u.id));
  if (similar.length === 0) return undefined;
  const topCategories = [...centroid.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const meanSim = similar.reduce((s, x) => s + x.sim, 0) / similar.length;
  return {
    name: 'Lookalike shoppers',
    kind: 'similar-users',
    description: "Customers who shop the same categories as the products' buyers.",
    productIds: products.map((p) => p.id),
    size: similar.length,
    predictedBuyers: similar
      .slice(0, 20)
      .map(({ u, sim }) => ({ userId: u.id, score: round(sim * BASE_CVR * 5) })),
    predictedCvr: round(clampCvr(BASE_CVR * (0.5 + meanSim))),
    reasoning: [
      ...input.briefSteps,
      {
        claim: `The products' buyers concentrate on ${topCategories.map(([c]) => c).join(', ')}.`,
        evidence: [
          {
            source: 'statistic',
            ref: 'buyer-category-mix',
            summary: topCategories.map(([c, v]) => `${c} ${v.toFixed(2)}`).join(', '),
            values: Object.fromEntries(topCategories.map(([c, v]) => [c, round(v, 3)])),
          },
        ],
        confidence: 0.7,
      },
      {
        claim: `${similar.length} other customers have a similar mix (cosine ≥ 0.8), so they resemble the buyers.`,
        evidence: similar.slice(0, 3).map(({ u, sim }) => ({
          source: 'user-history' as const,
          ref: u.id,
          summary: `customer ${u.id}: category-mix similarity ${sim.toFixed(2)} over ${u.purchases.length} purchases`,
          values: { similarity: round(sim, 3) },
        })),
        confidence: round(Math.min(0.8, meanSim * 0.8), 2),
      },
    ],
  };
}

/**
 * Lookalikes from the vector memory: users whose recency-weighted purchase vector is closest to
 * the products' vectors ("users most likely to want this product"), and the users most similar to
 * an actual buyer ("users like this"), each cited with its similarity.
 */
export async function memoryLookalikeSegment(
  input: SegmentInputs,
  memory: AgentMemory,
  exclude: ReadonlySet<string>,
): Promise<AudienceSegment | undefined> {
  const { catalog, products, users } = input;
  const allowed = new Set(users.map((u) => u.id));
  const buyerIds = new Set(products.flatMap((p) => [...catalog.buyersOf(p.id)]));
  const best = new Map<string, { score: number; productId: string }>();
  for (const product of products.slice(0, 4)) {
    const hits = await memory.users.likelyBuyers(product.id, { k: 60, excludeBuyers: true });
    for (const hit of hits) {
      if (!allowed.has(hit.id) || exclude.has(hit.id) || buyerIds.has(hit.id)) continue;
      const prev = best.get(hit.id);
      if (!prev || hit.score > prev.score) best.set(hit.id, { score: hit.score, productId: product.id });
    }
  }
  const ranked = [...best.entries()]
    .filter(([, v]) => v.score >= 0.3)
    .sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]));
  if (ranked.length === 0) return undefined;
  const meanSim = ranked.reduce((s, [, v]) => s + v.score, 0) / ranked.length;
  const seedBuyer = [...buyerIds].sort()[0];
  const twins = seedBuyer ? await memory.users.similarUsers(seedBuyer, { k: 3 }) : [];
  const steps: ReasoningStep[] = [
    ...input.briefSteps,
    {
      claim: `${ranked.length} customers who have not bought the products have purchase histories whose vectors lie closest to them in the shared memory.`,
      evidence: ranked.slice(0, 3).map(([userId, v]) => ({
        source: 'memory' as const,
        ref: userId,
        summary: `customer ${userId}: similarity ${v.score.toFixed(2)} to ${short(catalog.product(v.productId).title)}`,
        values: { similarity: round(v.score, 3), product: v.productId },
      })),
      confidence: round(Math.min(0.8, meanSim), 2),
    },
  ];
  if (seedBuyer && twins.length > 0) {
    steps.push({
      claim: `Users like actual buyers exist: customer ${seedBuyer} bought the products, and the customers most like them are ${twins.map((t) => t.id).join(', ')}.`,
      evidence: [
        { source: 'user-history', ref: seedBuyer, summary: `customer ${seedBuyer} bought a target product` },
        ...twins.map((t) => ({
          source: 'memory' as const,
          ref: t.id,
          summary: `customer ${t.id}: similarity ${t.score.toFixed(2)} to customer ${seedBuyer}`,
          values: { similarity: round(t.score, 3) },
        })),
      ],
      confidence: 0.6,
    });
  }
  return {
    name: 'Lookalike shoppers',
    kind: 'similar-users',
    description: 'Customers whose purchase vectors are closest to the products (vector memory).',
    productIds: products.map((p) => p.id),
    size: ranked.length,
    predictedBuyers: ranked.slice(0, 20).map(([userId, v]) => ({ userId, score: round(v.score) })),
    predictedCvr: round(clampCvr(BASE_CVR * (0.5 + meanSim))),
    reasoning: steps,
  };
}
