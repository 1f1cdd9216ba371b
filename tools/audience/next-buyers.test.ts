import { describe, expect, it } from 'vitest';
import type { UserProfile } from '../../src/core/index.js';
import { repeatRate } from './next-buyers.js';

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
describe('repeatRate', () => {
  it('counts buyers with two or more invoices of the product', () => {
    expect(repeatRate(users, 'T')).toEqual({ buyers: 2, repeaters: 1 });
  });
});
