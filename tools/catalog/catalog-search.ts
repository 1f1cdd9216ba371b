import { z } from 'zod';
import type { Product } from '../../src/core/index.js';
import { defineTool } from '../define-tool.js';
import type { Catalog } from './catalog-store.js';

/**
 * Words a marketer uses that the catalog's titles spell differently. Each query word stands for
 * the group of title words (or a category) that it means.
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  tableware: [
    'mug',
    'cup',
    'cups',
    'plate',
    'plates',
    'bowl',
    'saucer',
    'teapot',
    'jug',
    'teacup',
    'beaker',
    'cakestand',
    '@tableware',
  ],
  dinnerware: ['plate', 'plates', 'bowl', 'dinner', '@tableware'],
  crockery: ['mug', 'cup', 'plate', 'bowl', 'saucer', 'teapot', '@tableware'],
  ceramic: ['ceramic', 'porcelain', 'china', 'enamel'],
  ceramics: ['ceramic', 'porcelain', 'china'],
  porcelain: ['porcelain', 'china', 'ceramic'],
  mugs: ['mug', 'mugs'],
  cups: ['cup', 'cups', 'teacup', 'mug'],
  candles: ['candle', 'candles', 't-light', 'tlight', '@candles & lighting'],
  candle: ['candle', 'candles', 't-light', 'tlight'],
  lights: ['light', 'lights', 'lantern', 'lamp', '@candles & lighting'],
  lighting: ['light', 'lights', 'lantern', 'lamp', '@candles & lighting'],
  bags: ['bag', 'bags', 'tote', 'shopper', '@bags'],
  bag: ['bag', 'bags', 'tote', 'shopper'],
  christmas: ['christmas', 'xmas', 'advent', '@christmas'],
  xmas: ['christmas', 'xmas', '@christmas'],
  decorations: ['decoration', 'decorations', 'ornament', 'bauble', '@home decor'],
  decor: ['decoration', 'ornament', '@home decor'],
  baking: ['baking', 'cake', 'cupcake', '@baking'],
  kitchen: ['kitchen', '@kitchen'],
  toys: ['toy', 'toys', 'game', 'doll', '@toys & games'],
  garden: ['garden', 'plant', 'planter', '@garden & outdoor'],
  stationery: ['notebook', 'pencil', 'card', 'paper', '@stationery & cards'],
  cards: ['card', 'cards', '@stationery & cards'],
  jewellery: ['necklace', 'bracelet', 'earrings', 'ring', '@jewellery & accessories'],
  jewelry: ['necklace', 'bracelet', 'earrings', 'ring', '@jewellery & accessories'],
  clocks: ['clock', '@clocks & frames'],
  frames: ['frame', '@clocks & frames'],
  party: ['party', 'bunting', 'balloon', '@party'],
  storage: ['box', 'basket', 'storage', '@home storage'],
  cushions: ['cushion', 'cover', '@textiles & cushions'],
  teapots: ['teapot'],
  plates: ['plate', 'plates'],
  bowls: ['bowl', 'bowls'],
  lunch: ['lunch', 'lunchbox'],
};

/** Words that name no product ("our", "new", "this autumn"). */
const STOP = new Set(
  'a an and the our my your new all of for with in on to this that these those some sell selling promote products product range line items collection store shop best latest'.split(
    ' ',
  ),
);

export interface CatalogMatch {
  product: Product;
  score: number;
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter((t) => t.length > 1 && !STOP.has(t));
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && /(ch|sh|x|s)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Lexical product search over titles and categories, with a synonym table for marketing words.
 * Every concept of the query must match (a title word or the category); the rest rank by how
 * popular the product is. The vector memory refines this; this one needs no index.
 *
 * @example
 * ```ts
 * searchCatalog(catalog, 'ceramic tableware', 10).map((m) => m.product.title);
 * ```
 */
export function searchCatalog(catalog: Catalog, query: string, k = 20): CatalogMatch[] {
  const concepts = tokens(query).map((word) => {
    const group = SYNONYMS[word] ?? SYNONYMS[singular(word)] ?? [word, singular(word)];
    return {
      words: new Set(group.filter((w) => !w.startsWith('@')).map((w) => w.toLowerCase())),
      categories: new Set(group.filter((w) => w.startsWith('@')).map((w) => w.slice(1))),
    };
  });
  if (concepts.length === 0) return [];
  const scored: CatalogMatch[] = [];
  for (const product of catalog.products) {
    const titleWords = new Set(tokens(product.title).flatMap((w) => [w, singular(w)]));
    let matched = 0;
    for (const concept of concepts) {
      const byTitle = [...concept.words].some((w) => titleWords.has(w));
      if (byTitle || concept.categories.has(product.category)) matched++;
    }
    if (matched === 0) continue;
    const coverage = matched / concepts.length;
    scored.push({ product, score: coverage + Math.log1p(product.orders) / 100 });
  }
  const best = Math.max(0, ...scored.map((m) => Math.floor(m.score)));
  // Only full matches when there are any; partial matches otherwise, at least half the concepts.
  const kept = scored.filter((m) => (best >= 1 ? m.score >= 1 : m.score >= 0.5));
  return kept.sort((a, b) => b.score - a.score || a.product.id.localeCompare(b.product.id)).slice(0, k);
}

/** The catalog search as a tool the agents (and models) can call. */
export function catalogSearchTool(catalog: Catalog) {
  return defineTool({
    name: 'catalog_search',
    description: 'Find catalog products matching a product description, most relevant first.',
    input: z.object({
      query: z.string().min(1).describe('Product words, in English, e.g. "ceramic tableware"'),
      k: z.number().int().min(1).max(50).default(20).describe('How many products to return'),
    }),
    output: z.object({
      products: z.array(
        z.object({
          id: z.string().describe('Stock code'),
          title: z.string(),
          price: z.number().describe('Unit price in GBP'),
          category: z.string(),
          score: z.number().describe('Relevance, 1 = every query concept matched'),
        }),
      ),
    }),
    run: ({ query, k }) => ({
      products: searchCatalog(catalog, query, k).map(({ product, score }) => ({
        id: product.id,
        title: product.title,
        price: product.price,
        category: product.category,
        score: Math.round(score * 1000) / 1000,
      })),
    }),
  });
}
