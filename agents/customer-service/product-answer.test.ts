import { describe, expect, it } from 'vitest';
import { RETAIL_WRITE_TOOLS } from '../../tools/retail/index.js';
import {
  abcdSubflows,
  answerProductQuestion,
  createSampleProductSearch,
  expectedActions,
  intentScore,
  relevantHits,
  searchProductsTool,
} from './index.js';

describe('product answers', () => {
  it('finds catalogue products by their words and cites them', async () => {
    const search = createSampleProductSearch();
    const hits = await search('Do you sell white hanging heart t-light holders?', 5);
    expect(hits[0]?.id).toBe('85123A');
    const answer = answerProductQuestion(relevantHits(hits));
    expect(answer.citations[0]).toBe('85123A');
    expect(answer.text).toContain('£2.95');
    expect(await search('how much is it?', 3)).toEqual([]);
    expect(answerProductQuestion([]).citations).toEqual([]);
  });

  it('validates the search port at the tool boundary', async () => {
    const tool = searchProductsTool(() =>
      Promise.resolve([{ id: 'x', title: 'X', price: -1, currency: 'GBP', score: 1 }]),
    );
    await expect(tool.call({ query: 'x', k: 1 })).rejects.toThrow();
    await expect(searchProductsTool(createSampleProductSearch()).call({ query: '', k: 1 })).rejects.toThrow(
      /Invalid input/,
    );
  });

  it('scores purchase intent from what the buyer did', () => {
    expect(intentScore({ asked: true, price: true, purchase: true, coupon: false, quantity: 24 }, true)).toBe(
      0.9,
    );
    expect(intentScore({ asked: true, price: false, purchase: false, coupon: false }, false)).toBe(0.3);
  });
});

describe('ABCD expected actions', () => {
  it('maps support intents and ABCD subflows to the gold action sequences', () => {
    expect(expectedActions('cancel_order')).toEqual([
      'pull-up-account',
      'verify-identity',
      'shipping-status',
      'membership',
      'offer-refund',
    ]);
    expect(expectedActions('return_items')).toEqual([
      'pull-up-account',
      'validate-purchase',
      'record-reason',
      'enter-details',
      'offer-refund',
    ]);
    expect(expectedActions('recover_password')).toEqual([
      'pull-up-account',
      'enter-details',
      'make-password',
    ]);
    expect(expectedActions('newsletter_subscription')).toEqual([]);
    expect(Object.keys(abcdSubflows())).toHaveLength(55);
    expect(RETAIL_WRITE_TOOLS.length).toBe(7);
  });
});
