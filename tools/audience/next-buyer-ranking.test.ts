import { describe, expect, it, vi } from 'vitest';
import type { AssociationRule, Product, UserProfile } from '../../src/core/index.js';
import { Catalog } from '../catalog/index.js';
import type * as BuyerPropensityModule from './buyer-propensity.js';
import { hasAffinity, purchaseIndexOf, rankNextBuyers } from './next-buyer-ranking.js';
import { nextBuyersTool } from './next-buyers-tool.js';

// Counts the purchase indexes built, to check that a catalog's is built once.
const counter = vi.hoisted(() => ({ built: 0 }));
vi.mock('./buyer-propensity.js', async (importOriginal) => {
  const actual = await importOriginal<typeof BuyerPropensityModule>();
  class CountedIndex extends actual.PurchaseIndex {
    constructor(...args: ConstructorParameters<typeof actual.PurchaseIndex>) {
      super(...args);
      counter.built++;
    }
  }
  return { ...actual, PurchaseIndex: CountedIndex };
});

const product = (id: string): Product => ({
  id,
  title: `PRODUCT ${id}`,
  price: 2,
  currency: 'GBP',
  category: 'kitchen',
  orders: 1,
  units: 1,
  buyers: 1,
  firstSold: '2011-01-01',
  lastSold: '2011-01-31',
});
const buy = (productId: string, invoice: string, quantity = 1, date = '2011-01-20') => ({
  productId,
  invoice,
  date,
  quantity,
});
const users: UserProfile[] = [
  // Bought the target on two invoices: a repeater.
  {
    id: '10001',
    country: 'United Kingdom',
    purchases: [buy('TARGET', '1'), buy('ALPHA', '1'), buy('TARGET', '2')],
  },
  // Bought the target once.
  { id: '10002', country: 'France', purchases: [buy('TARGET', '3'), buy('BETA', '3')] },
  // Never bought the target, but ALPHA and BETA, which its buyers bought; ALPHA fires ALPHA->TARGET.
  { id: '10003', country: 'United Kingdom', purchases: [buy('ALPHA', '4'), buy('BETA', '4')] },
  // A bigger spender than the repeater, on a product no buyer of the target bought: no affinity.
  {
    id: '10004',
    country: 'France',
    purchases: [buy('ZETA', '5', 20), buy('ZETA', '6', 20), buy('ZETA', '7', 20)],
  },
];
const rule: AssociationRule = {
  from: 'ALPHA',
  to: 'TARGET',
  count: 2,
  support: 0.3,
  confidence: 0.5,
  lift: 1.5,
};
const tinyCatalog = () =>
  new Catalog({
    products: ['TARGET', 'ALPHA', 'BETA', 'ZETA'].map(product),
    users,
    rules: [rule],
    hash: 'tiny',
  });

describe('rankNextBuyers and next_buyers over a small catalog', () => {
  const catalog = tinyCatalog();
  const ranked = rankNextBuyers(catalog, 'TARGET');
  const by = new Map(ranked.map((b) => [b.userId, b]));

  it('ranks the repeater first and the big spender with no affinity last', () => {
    expect(ranked.map((b) => b.userId)).toHaveLength(4);
    expect(ranked[0]!.userId).toBe('10001');
    expect(ranked.at(-1)!.userId).toBe('10004');
    expect(by.get('10003')!.score).toBeGreaterThan(by.get('10004')!.score);
  });

  it('carries the evidence behind each score', () => {
    const prospect = by.get('10003')!;
    expect(prospect).toMatchObject({ pastBuyer: false, invoices: 0 });
    // ALPHA and BETA were each bought by one of the target's two buyers: cosine 1 / √(2 · 2).
    expect(prospect.similar).toEqual([
      { productId: 'ALPHA', similarity: 0.5 },
      { productId: 'BETA', similarity: 0.5 },
    ]);
    expect(prospect.rules).toEqual([rule]);
    expect(by.get('10001')).toMatchObject({ pastBuyer: true, invoices: 2 });
    expect(ranked.map(hasAffinity)).toEqual(ranked.map((b) => b.userId !== '10004'));
  });

  it('next_buyers reports the ranking with its evidence and counts', () => {
    const out = nextBuyersTool(catalog).call({ productId: 'TARGET', limit: 3 });
    expect(out).toMatchObject({ customers: 4, candidates: 3, pastBuyers: 2, repeaters: 1 });
    expect(out.buyers.map((b) => b.userId)).toEqual(ranked.slice(0, 3).map((b) => b.userId));
    expect(out.buyers.find((b) => b.userId === '10003')).toMatchObject({
      pastBuyer: false,
      invoices: 0,
      similar: [
        { productId: 'ALPHA', title: 'PRODUCT ALPHA', similarity: 0.5 },
        { productId: 'BETA', title: 'PRODUCT BETA', similarity: 0.5 },
      ],
      rules: ['ALPHA->TARGET'],
    });
    expect(out.pastBuyerIds).toEqual(['10001', '10002']);
  });

  it('filters by country without changing the scores', () => {
    const out = nextBuyersTool(catalog).call({ productId: 'TARGET', countries: ['France'] });
    expect(out.buyers.map((b) => b.userId)).toEqual(['10002', '10004']);
    for (const b of out.buyers) expect(b.score).toBeCloseTo(by.get(b.userId)!.score, 4);
    expect(out).toMatchObject({ customers: 2, candidates: 1, pastBuyers: 1, repeaters: 0 });
    expect(rankNextBuyers(catalog, 'TARGET', { countries: [] })).toEqual(ranked);
  });

  it('builds the purchase index once per catalog, whoever asks first', () => {
    const fresh = tinyCatalog();
    const before = counter.built;
    const tool = nextBuyersTool(fresh);
    tool.call({ productId: 'TARGET' });
    tool.call({ productId: 'ALPHA', countries: ['France'] });
    nextBuyersTool(fresh).call({ productId: 'BETA' });
    rankNextBuyers(fresh, 'TARGET');
    expect(counter.built - before).toBe(1);
    expect(purchaseIndexOf(fresh)).toBe(purchaseIndexOf(fresh));
    nextBuyersTool(tinyCatalog()).call({ productId: 'TARGET' });
    expect(counter.built - before).toBe(2);
  });
});
