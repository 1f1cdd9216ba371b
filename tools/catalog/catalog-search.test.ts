import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../src/testing/index.js';
import { categorize } from './categorize.js';
import { catalogSearchTool, searchCatalog } from './catalog-search.js';

describe('the demo catalog', () => {
  const catalog = demoCatalog();
  it('has at least 1,000 real products with users and co-purchase rules', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(1000);
    expect(catalog.users.length).toBeGreaterThan(1000);
    expect(catalog.data.rules.length).toBeGreaterThan(1000);
    expect(catalog.find('85123A')?.title).toBe('WHITE HANGING HEART T-LIGHT HOLDER');
  });
});

describe('searchCatalog', () => {
  const catalog = demoCatalog();
  it('matches marketing words to catalog titles through synonyms', () => {
    const titles = searchCatalog(catalog, 'ceramic tableware', 8).map((m) => m.product.title);
    expect(titles.length).toBe(8);
    for (const t of titles) expect(t).toMatch(/CERAMIC|PORCELAIN|CHINA|ENAMEL/);
  });
  it('finds lunch bags and nothing for products the shop does not sell', () => {
    expect(searchCatalog(catalog, 'lunch bags', 5).every((m) => /LUNCH BAG/.test(m.product.title))).toBe(
      true,
    );
    expect(searchCatalog(catalog, 'merino sweaters')).toEqual([]);
  });
  it('is a tool with validated input', () => {
    const tool = catalogSearchTool(catalog);
    expect(tool.call({ query: 'christmas lights', k: 3 }).products).toHaveLength(3);
    expect(() => tool.call({ query: '' })).toThrow(/Invalid input to tool catalog_search/);
  });
});

describe('categorize', () => {
  it.each([
    ['WHITE HANGING HEART T-LIGHT HOLDER', 'candles & lighting'],
    ['LUNCH BAG RED RETROSPOT', 'bags'],
    ['CERAMIC STRAWBERRY DESIGN MUG', 'tableware'],
    ['PAPER CHAIN KIT 50S CHRISTMAS', 'christmas'],
    ['SOMETHING UNHEARD OF', 'gifts & other'],
  ])('%s → %s', (title, category) => {
    expect(categorize(title)).toBe(category);
  });
});
