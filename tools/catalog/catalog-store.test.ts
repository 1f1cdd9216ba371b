import { describe, expect, it } from 'vitest';
import type { Product } from '../../src/core/index.js';
import { Catalog } from './catalog-store.js';
import { categorize } from './categorize.js';

let next = 0;
const product = (title: string, price: number): Product => ({
  id: String(10000 + next++),
  title,
  price,
  currency: 'GBP',
  category: categorize(title),
  orders: 5,
  units: 10,
  buyers: 3,
  firstSold: '2010-12-01',
  lastSold: '2011-02-28',
});

describe('Catalog.comparablePrices', () => {
  const teaSet = product('RETROSPOT TEA SET CERAMIC 11 PC', 4.95);
  const stand = product('REGENCY CAKESTAND 3 TIER', 12.75);
  const products = [
    teaSet,
    product('KENSINGTON COFFEE SET', 12.75),
    product('CHILDS BREAKFAST SET SPACEBOY', 9.95),
    product('RED RETROSPOT MUG', 2.95),
    product('PINK POLKADOT PLATE', 1.69),
    stand,
  ];
  const catalog = new Catalog({ products, users: [], rules: [], hash: 'test' });

  it('compares a product with products of its kind (tea sets against tea sets), not its whole category', () => {
    expect(catalog.comparablePrices(teaSet)).toEqual({
      basis: 'kind',
      kind: 'tea set',
      prices: [4.95, 9.95, 12.75],
    });
    expect(catalog.categoryPrices('tableware')).toHaveLength(6);
  });

  it("falls back to the category's prices when no other product is of the kind", () => {
    expect(catalog.comparablePrices(stand)).toEqual({
      basis: 'category',
      prices: [1.69, 2.95, 4.95, 9.95, 12.75, 12.75],
    });
  });
});
