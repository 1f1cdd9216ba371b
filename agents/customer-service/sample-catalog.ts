import { createInMemoryProductSearch, type ProductHit, type ProductSearch } from './product-answer.js';

/**
 * A dozen real products of the UCI Online Retail catalogue (data/online-retail, Dec 2010 – Feb
 * 2011), with their median unit price in GBP over that period. For tests, demos and the sample
 * thread; production searches the whole catalogue through the vector memory.
 */
export const SAMPLE_PRODUCTS: readonly Omit<ProductHit, 'score'>[] = [
  { id: '85123A', title: 'WHITE HANGING HEART T-LIGHT HOLDER', price: 2.95, currency: 'GBP' },
  { id: '21733', title: 'RED HANGING HEART T-LIGHT HOLDER', price: 2.95, currency: 'GBP' },
  { id: '71053', title: 'WHITE METAL LANTERN', price: 3.75, currency: 'GBP' },
  { id: '20725', title: 'LUNCH BAG RED RETROSPOT', price: 1.65, currency: 'GBP' },
  { id: '20728', title: 'LUNCH BAG CARS BLUE', price: 1.65, currency: 'GBP' },
  { id: '22382', title: 'LUNCH BAG SPACEBOY DESIGN', price: 1.65, currency: 'GBP' },
  { id: '37370', title: 'RETRO COFFEE MUGS ASSORTED', price: 1.25, currency: 'GBP' },
  { id: '22970', title: 'LONDON BUS COFFEE MUG', price: 2.55, currency: 'GBP' },
  { id: '22086', title: "PAPER CHAIN KIT 50'S CHRISTMAS", price: 2.95, currency: 'GBP' },
  { id: '22910', title: 'PAPER CHAIN KIT VINTAGE CHRISTMAS', price: 2.95, currency: 'GBP' },
  { id: '84879', title: 'ASSORTED COLOUR BIRD ORNAMENT', price: 1.69, currency: 'GBP' },
  { id: '22423', title: 'REGENCY CAKESTAND 3 TIER', price: 12.75, currency: 'GBP' },
];

/**
 * An in-memory {@link ProductSearch} over {@link SAMPLE_PRODUCTS}.
 *
 * @example
 * ```ts
 * const search = createSampleProductSearch();
 * (await search('white hanging heart', 1))[0]?.id; // '85123A'
 * ```
 */
export function createSampleProductSearch(): ProductSearch {
  return createInMemoryProductSearch(SAMPLE_PRODUCTS);
}
