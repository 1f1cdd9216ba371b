import { describe, expect, it } from 'vitest';
import type { AssociationRule, UserProfile } from '../../src/core/index.js';
import { buyerPropensity, propensityScore, PurchaseIndex } from './buyer-propensity.js';

const buy = (productId: string, invoice: string, date = '2011-01-10', quantity = 1) => ({
  productId,
  invoice,
  date,
  quantity,
});
const users: UserProfile[] = [
  // Bought T twice: a re-orderer.
  { id: 'u1', country: 'UK', purchases: [buy('T', '1'), buy('A', '1'), buy('T', '2', '2011-01-20')] },
  // Bought A and B like T's buyers did, never T.
  { id: 'u2', country: 'UK', purchases: [buy('A', '3'), buy('B', '3')] },
  { id: 'u3', country: 'UK', purchases: [buy('T', '4'), buy('B', '4')] },
  // Bought only an unrelated item, long ago.
  { id: 'u4', country: 'UK', purchases: [buy('Z', '5', '2010-12-01')] },
  // Bought after the cut-off: ignored.
  { id: 'u5', country: 'UK', purchases: [buy('T', '6', '2011-02-05')] },
];
const rule: AssociationRule = { from: 'A', to: 'T', count: 5, support: 0.1, confidence: 0.5, lift: 2 };

describe('buyerPropensity', () => {
  const index = new PurchaseIndex(users, { before: '2011-02-01', priceOf: () => 2 });
  const scored = buyerPropensity(index, 'T', [rule]);
  const by = new Map(scored.map((b) => [b.userId, b]));

  it('scores every customer, highest first, with the evidence behind the affinity', () => {
    expect(scored.map((b) => b.userId)).toHaveLength(5);
    expect(scored.map((b) => b.score)).toEqual([...scored.map((b) => b.score)].sort((a, b) => b - a));
    expect(by.get('u1')!.pastBuyer).toBe(true);
    expect(by.get('u2')!.rules.map((r) => `${r.from}->${r.to}`)).toEqual(['A->T']);
    // A and B were each bought by one of T's two buyers: cosine 1 / √(2 · 2).
    expect(by.get('u2')!.similar.map((s) => s.productId)).toEqual(['A', 'B']);
    expect(by.get('u2')!.features.similarityMax).toBeCloseTo(0.5, 12);
    expect(by.get('u2')!.score).toBeCloseTo(propensityScore(by.get('u2')!.features), 12);
  });

  it('ranks a re-orderer over a similar prospect over an unrelated, lapsed customer', () => {
    expect(by.get('u1')!.score).toBeGreaterThan(by.get('u2')!.score);
    expect(by.get('u2')!.score).toBeGreaterThan(by.get('u4')!.score);
  });

  it('ignores purchases on or after `before` and measures recency to it', () => {
    expect(by.get('u5')!.pastBuyer).toBe(false);
    expect(by.get('u5')!.features.recency).toBe(0);
    expect(by.get('u1')!.features.recency).toBeCloseTo(Math.exp(-12 / 30), 12);
    expect(by.get('u1')!.features.repeatIfPast).toBeCloseTo((1 + 1) / (2 + 2), 12);
  });

  it('is deterministic', () => {
    expect(
      buyerPropensity(new PurchaseIndex(users, { before: '2011-02-01', priceOf: () => 2 }), 'T', [rule]),
    ).toEqual(scored);
  });
});
