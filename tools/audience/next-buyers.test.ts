import { describe, expect, it } from 'vitest';
import type { AssociationRule, UserProfile } from '../../src/core/index.js';
import { repeatRate, scoreNextBuyers } from './next-buyers.js';

const buy = (productId: string, invoice: string, date = '2011-01-01') => ({
  productId,
  invoice,
  date,
  quantity: 1,
});
const users: UserProfile[] = [
  { id: 'u1', country: 'UK', purchases: [buy('A', '1'), buy('B', '1')] },
  { id: 'u2', country: 'UK', purchases: [buy('A', '2')] },
  { id: 'u3', country: 'UK', purchases: [buy('T', '3'), buy('A', '3')] },
  { id: 'u4', country: 'UK', purchases: [buy('C', '4'), buy('T', '5'), buy('T', '6')] },
];
const rule = (from: string, confidence: number): AssociationRule => ({
  from,
  to: 'T',
  count: 5,
  support: 0.1,
  confidence,
  lift: 2,
});

describe('scoreNextBuyers', () => {
  it('combines the rules a history fires with noisy-or and excludes buyers of the target', () => {
    const out = scoreNextBuyers(users, [rule('A', 0.5), rule('B', 0.2)], 'T');
    expect(out.map((b) => b.userId)).toEqual(['u1', 'u2']);
    expect(out[0]!.score).toBeCloseTo(1 - 0.5 * 0.8, 12);
    expect(out[1]!.score).toBeCloseTo(0.5, 12);
  });
  it('ignores purchases on or after `before`, so evaluation windows do not leak', () => {
    const out = scoreNextBuyers(users, [rule('A', 0.5)], 'T', { before: '2011-01-01' });
    expect(out).toEqual([]);
  });
});

describe('repeatRate', () => {
  it('counts buyers with two or more invoices of the product', () => {
    expect(repeatRate(users, 'T')).toEqual({ buyers: 2, repeaters: 1 });
  });
});
