import { describe, expect, it } from 'vitest';
import { deriveCatalog, deriveUsers, mineRules } from './derive.js';
import type { RetailLine } from './online-retail.js';

const line = (invoice: string, stockCode: string, customerId = 'c1', price = 1): RetailLine => ({
  invoice,
  stockCode,
  description: `ITEM ${stockCode}`,
  quantity: 2,
  date: '2010-12-01',
  unitPrice: price,
  customerId,
  country: 'United Kingdom',
  cancelled: false,
});

describe('mineRules', () => {
  // 4 invoices: A&B, A&B, A&C, D. P(A)=3/4, P(B)=2/4, count(A,B)=2.
  const sales = [
    line('1', '10001'),
    line('1', '10002'),
    line('2', '10001'),
    line('2', '10002'),
    line('3', '10001'),
    line('3', '10003'),
    line('4', '10004'),
  ];
  const rules = mineRules(sales, { minCount: 2 });

  it('computes support, confidence and lift from invoice counts', () => {
    const ab = rules.find((r) => r.from === '10001' && r.to === '10002');
    expect(ab).toEqual({
      from: '10001',
      to: '10002',
      count: 2,
      support: 0.5,
      confidence: 0.666667,
      lift: 1.333333,
    });
    const ba = rules.find((r) => r.from === '10002' && r.to === '10001');
    expect(ba?.confidence).toBe(1);
    expect(ba?.lift).toBeCloseTo(1 / 0.75, 5);
  });

  it('drops pairs seen in fewer invoices than minCount', () => {
    expect(rules.some((r) => r.to === '10003' || r.from === '10003')).toBe(false);
  });
});

describe('deriveCatalog and deriveUsers', () => {
  it('prices at the median, counts orders and buyers, and keeps products with enough orders', () => {
    const sales = [
      line('1', '20001', 'a', 1),
      line('2', '20001', 'b', 3),
      line('3', '20001', 'b', 2),
      line('3', '20002', 'b', 5),
    ];
    const catalog = deriveCatalog(sales, { minOrders: 2 });
    expect(catalog).toHaveLength(1);
    expect(catalog[0]).toMatchObject({
      id: '20001',
      price: 2,
      orders: 3,
      buyers: 2,
      units: 6,
      currency: 'GBP',
    });
    const users = deriveUsers(sales, new Set(['20001']));
    expect(users.map((u) => [u.id, u.purchases.length])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });
});
