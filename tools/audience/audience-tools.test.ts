import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../src/testing/index.js';
import { associationRulesTool } from './association-rules.js';
import { nextBuyersTool } from './next-buyers-tool.js';
import { scoreNextBuyers } from './next-buyers.js';
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

  it('next_buyers: the noisy-or scores of the shared scorer, past buyers and repeaters, by country', () => {
    const out = nextBuyersTool(catalog).call({ productId: '22720', limit: 5 });
    const direct = scoreNextBuyers(catalog.users, catalog.rulesTo('22720'), '22720');
    expect(out.candidates).toBe(direct.length);
    expect(out.buyers.map((b) => b.userId)).toEqual(direct.slice(0, 5).map((b) => b.userId));
    expect(out.buyers[0]!.rules[0]).toMatch(/^\w+->22720$/);
    expect(out.pastBuyers).toBe(catalog.buyersOf('22720').size);
    const uk = nextBuyersTool(catalog).call({ productId: '22720', countries: ['United Kingdom'] });
    expect(uk.buyers.every((b) => catalog.user(b.userId)?.country === 'United Kingdom')).toBe(true);
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
