import { describe, expect, it } from 'vitest';
import { PRODUCT_GLOSSARY, glossaryTerms, translateProductQuery } from './glossary.js';

describe('translateProductQuery', () => {
  it.each([
    ['陶瓷餐具', 'ceramic tableware'],
    ['圣诞蜡烛', 'christmas candles'],
    ['马克杯', 'mugs'],
    ['保温杯', 'flask'],
    ['陶瓷杯', 'ceramic cups'],
    ['美利奴毛衣', 'merino sweaters'],
    ['圣诞彩灯', 'christmas fairy lights'],
    ['手提包', 'handbag'],
    ['ceramic mugs', 'ceramic mugs'],
    ['圣诞merino毛衣', 'christmas merino sweaters'],
  ])('%s → %s', (zh, en) => {
    expect(translateProductQuery(zh)).toBe(en);
  });

  it('returns a phrase it cannot translate unchanged', () => {
    expect(translateProductQuery('月球车')).toBe('月球车');
  });

  it('prefers the longest term', () => {
    expect(glossaryTerms('保温杯').map((t) => t.entry.zh)).toEqual(['保温杯']);
  });

  it('has about eighty distinct entries with one English rendering each', () => {
    const terms = PRODUCT_GLOSSARY.map((g) => g.zh);
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms.length).toBeGreaterThanOrEqual(80);
    for (const g of PRODUCT_GLOSSARY) expect(g.en).toMatch(/^[a-z][a-z' -]*$/);
  });
});
