import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../src/testing/index.js';
import { associationRulesTool } from './association-rules.js';
import { buyerPropensity, PurchaseIndex } from './buyer-propensity.js';
import { hasAffinity, rankNextBuyers } from './next-buyer-ranking.js';
import { nextBuyersTool } from './next-buyers-tool.js';
import { repeatRate } from './next-buyers.js';
import { userHistoryTool } from './user-history.js';

const catalog = demoCatalog();

describe('audience tools over the real baskets', () => {
  it('association_rules: rules from or to a product, strongest first, citable as from->to', () => {
    const tool = associationRulesTool(catalog);
    const from = tool.call({ productId: '22720', limit: 3 });
    expect(from.title).toBe('SET OF 3 CAKE TINS PANTRY DESIGN');
    expect(from.rules).toHaveLength(3);
    expect(from.rules.every((r) => r.from === '22720')).toBe(true);
    expect(from.rules[0]!.confidence).toBeGreaterThanOrEqual(from.rules[2]!.confidence);
    expect(
      tool.call({ productId: '22720', direction: 'to', limit: 2 }).rules.every((r) => r.to === '22720'),
    ).toBe(true);
    expect(() => tool.call({ productId: 'cake tins' })).toThrow(/a catalog stock code/);
    expect(() => tool.call({ productId: '99999' })).toThrow(/No product named "99999"/);
  });

  describe('next_buyers: the propensity model the next-buyer eval measures', () => {
    const P = '22720';
    const ranked = rankNextBuyers(catalog, P);
    const out = nextBuyersTool(catalog).call({ productId: P, limit: 50 });

    it('ranks as buyerPropensity over an index of the catalog built from scratch', () => {
      const index = new PurchaseIndex(catalog.users, { priceOf: (id) => catalog.find(id)?.price });
      const direct = buyerPropensity(index, P, catalog.rulesTo(P)).slice(0, 50);
      expect(out.buyers.map((b) => b.userId)).toEqual(direct.map((b) => b.userId));
      out.buyers.forEach((b, i) => expect(b.score).toBeCloseTo(direct[i]!.score, 4));
      expect(out.customers).toBe(catalog.users.length);
      expect(out.candidates).toBe(ranked.filter(hasAffinity).length);
      expect(out.candidates).toBeLessThanOrEqual(out.customers);
    });

    it('cites evidence that is in the customers’ real histories and the mined rules', () => {
      for (const b of out.buyers) {
        const bought = catalog.user(b.userId)!.purchases;
        const invoices = new Set(bought.filter((p) => p.productId === P).map((p) => p.invoice));
        expect(b.pastBuyer, b.userId).toBe(catalog.buyersOf(P).has(b.userId));
        expect(b.invoices, b.userId).toBe(invoices.size);
        const similarities = b.similar.map((s) => s.similarity);
        expect(similarities).toEqual([...similarities].sort((x, y) => y - x));
        for (const s of b.similar) {
          expect(s.productId).not.toBe(P);
          expect(
            bought.some((p) => p.productId === s.productId),
            s.productId,
          ).toBe(true);
          expect(s.title).toBe(catalog.product(s.productId).title);
          expect(s.similarity).toBeGreaterThan(0);
          expect(s.similarity).toBeLessThanOrEqual(1);
        }
        for (const rule of b.rules) {
          const [from, to] = rule.split('->');
          expect(to).toBe(P);
          expect(catalog.rulesTo(P).some((r) => r.from === from)).toBe(true);
          expect(
            bought.some((p) => p.productId === from),
            rule,
          ).toBe(true);
        }
      }
    });

    it('ranks every past repeater above every customer with no affinity to the product', () => {
      const rank = (pick: (b: (typeof ranked)[number]) => boolean) =>
        ranked.flatMap((b, i) => (pick(b) ? [i] : []));
      const repeaters = rank((b) => b.invoices >= 2);
      const strangers = rank((b) => !hasAffinity(b));
      expect(repeaters.length).toBeGreaterThan(0);
      expect(strangers.length).toBeGreaterThan(0);
      expect(Math.max(...repeaters)).toBeLessThan(Math.min(...strangers));
      expect(out.buyers[0]!.pastBuyer).toBe(true);
    });

    it('counts past buyers and repeaters, and lists the past buyers likeliest to re-order first', () => {
      expect(out.pastBuyers).toBe(catalog.buyersOf(P).size);
      expect(out.repeaters).toBe(repeatRate(catalog.users, P).repeaters);
      expect(out.pastBuyerIds).toEqual(
        ranked
          .filter((b) => b.pastBuyer)
          .slice(0, 50)
          .map((b) => b.userId),
      );
    });

    it('filters the ranking by country, without re-ranking', () => {
      const countries = ['Germany', 'France'];
      const some = nextBuyersTool(catalog).call({ productId: P, limit: 50, countries });
      const inCountries = ranked.filter((b) => countries.includes(catalog.user(b.userId)!.country));
      expect(some.buyers.length).toBeGreaterThan(0);
      expect(some.buyers.map((b) => b.userId)).toEqual(inCountries.slice(0, 50).map((b) => b.userId));
      expect(some.customers).toBe(catalog.users.filter((u) => countries.includes(u.country)).length);
      const germanOrFrench = catalog.users.filter((u) => countries.includes(u.country));
      expect(some.pastBuyers).toBe(repeatRate(germanOrFrench, P).buyers);
      expect(some.repeaters).toBe(repeatRate(germanOrFrench, P).repeaters);
      expect(some.pastBuyerIds.every((id) => countries.includes(catalog.user(id)!.country))).toBe(true);
    });

    it('lists prospects only, or past buyers only, in the same order as the full ranking', () => {
      const tool = nextBuyersTool(catalog);
      const prospects = tool.call({ productId: P, limit: 20, pastBuyers: 'exclude' });
      const reorders = tool.call({ productId: P, limit: 20, pastBuyers: 'only' });
      expect(prospects.buyers.map((b) => b.userId)).toEqual(
        ranked
          .filter((b) => !b.pastBuyer)
          .slice(0, 20)
          .map((b) => b.userId),
      );
      expect(prospects.buyers.length).toBe(20);
      expect(prospects.buyers.every((b) => !catalog.buyersOf(P).has(b.userId))).toBe(true);
      expect(reorders.buyers.map((b) => b.userId)).toEqual(reorders.pastBuyerIds.slice(0, 20));
      expect(reorders.buyers.every((b) => b.pastBuyer && catalog.buyersOf(P).has(b.userId))).toBe(true);
      // The counts describe the product, whatever the list shows.
      expect(prospects.pastBuyers).toBe(out.pastBuyers);
    });
  });

  it('user_history: a real customer’s purchases, newest first; an unknown customer is the model’s to fix', () => {
    const tool = userHistoryTool(catalog);
    const someone = catalog.users[0]!;
    const out = tool.call({ userId: someone.id, limit: 5 });
    expect(out).toMatchObject({
      userId: someone.id,
      country: someone.country,
      totalPurchases: someone.purchases.length,
    });
    expect(out.purchases.map((p) => p.date)).toEqual([...out.purchases.map((p) => p.date)].sort().reverse());
    expect(() => tool.call({ userId: '00000' })).toThrow(/No customer named "00000"/);
  });
});
