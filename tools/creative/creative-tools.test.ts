import { describe, expect, it } from 'vitest';
import { priceBand } from './price-band.js';
import { scoreCopy } from './score-copy.js';

describe('price_band', () => {
  const prices = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it.each([
    [1, 'budget', 0.05],
    [5, 'mid', 0.45],
    [8, 'premium', 0.75],
    [10, 'luxury', 0.95],
  ])('price %d is %s at percentile %d', (price, band, percentile) => {
    const out = priceBand.call({ price, categoryPrices: prices });
    expect(out.band).toBe(band);
    expect(out.percentile).toBeCloseTo(percentile, 3);
    expect(out.median).toBe(5.5);
  });
});

describe('score_copy', () => {
  const base = { sellingPoints: ['set of 6'], productWords: ['TEACUP'] };
  it('gives full marks to a copy that meets every criterion', () => {
    const out = scoreCopy.call({
      text: 'Our teacup set of 6 brightens afternoon tea. Shop now for your table.',
      ...base,
    });
    expect(out.score).toBe(1);
  });
  it('takes marks off risky claims, a missing call to action and a missing selling point', () => {
    const out = scoreCopy.call({
      text: 'The best teacup in the world, guaranteed to delight everyone.',
      ...base,
    });
    expect(out.criteria).toMatchObject({
      noRiskyClaim: false,
      callToAction: false,
      sellingPoint: false,
      namesProduct: true,
    });
    expect(out.score).toBeCloseTo(0.4, 9);
  });
});
