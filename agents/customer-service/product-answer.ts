import { tokenize } from './text-features.js';

/** One catalogue hit of a product search. */
export interface ProductHit {
  readonly id: string;
  readonly title: string;
  readonly price: number;
  readonly currency: string;
  readonly score: number;
}

/**
 * The port through which the agent answers product questions; the composition root wires it to
 * the vector memory.
 */
export type ProductSearch = (query: string, k: number) => Promise<ProductHit[]>;

const STOP = new Set(
  'a an the of for to and or in on with do does you your have has is are it its this that how much what whats price cost i im id ill want would like buy order get please can could me my we our some any about tell there sell stock carry available any hi hello thanks'.split(
    ' ',
  ),
);

/** Content words of a query, singularised, for matching titles. */
export function queryTerms(text: string): string[] {
  return tokenize(text)
    .filter((w) => w.length > 1 && !STOP.has(w) && w !== '0')
    .map(singular);
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('es') && /(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * A small in-memory {@link ProductSearch} over a list of products: the share of query terms found
 * in each title (with light singularisation). For tests and demos; production uses the vector memory.
 *
 * @example
 * ```ts
 * const search = createInMemoryProductSearch([{ id: '85123A', title: 'WHITE HANGING HEART T-LIGHT HOLDER', price: 2.95, currency: 'GBP' }]);
 * await search('hanging heart holders', 3); // [{ id: '85123A', ..., score: 1 }]
 * ```
 */
export function createInMemoryProductSearch(products: readonly Omit<ProductHit, 'score'>[]): ProductSearch {
  const indexed = products.map((p) => ({ product: p, terms: new Set(queryTerms(p.title)) }));
  return (query, k) => {
    const terms = [...new Set(queryTerms(query))];
    if (terms.length === 0) return Promise.resolve([]);
    const hits = indexed
      .map(({ product, terms: titleTerms }) => {
        const matched = terms.filter((t) => titleTerms.has(t)).length;
        // Recall of the query and precision on the title, so "heart holder" prefers the holder.
        const score = matched === 0 ? 0 : (matched / terms.length) * 0.7 + (matched / titleTerms.size) * 0.3;
        return { ...product, score: Math.round(score * 1000) / 1000 };
      })
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, k);
    return Promise.resolve(hits);
  };
}

/** Keeps the hits worth citing: above an absolute floor and close to the best one. */
export function relevantHits(
  hits: readonly ProductHit[],
  options: { minScore?: number; relative?: number; max?: number } = {},
): ProductHit[] {
  const { minScore = 0.2, relative = 0.75, max = 3 } = options;
  const top = hits.reduce((m, h) => Math.max(m, h.score), 0);
  return hits.filter((h) => h.score >= minScore && h.score >= top * relative).slice(0, max);
}

const SYMBOL: Readonly<Record<string, string>> = { GBP: '£', USD: '$', EUR: '€', CNY: '¥', JPY: '¥' };

/** "£2.95", "$10.00", "12.00 CHF". */
export function formatPrice(amount: number, currency: string): string {
  const symbol = SYMBOL[currency];
  return symbol ? `${symbol}${amount.toFixed(2)}` : `${amount.toFixed(2)} ${currency}`;
}

/**
 * A grounded answer to a product question: only what the search returned, each product cited by id.
 *
 * @example
 * ```ts
 * answerProductQuestion([{ id: '85123A', title: 'WHITE HANGING HEART T-LIGHT HOLDER', price: 2.95, currency: 'GBP', score: 1 }]);
 * // { text: 'We have WHITE HANGING HEART T-LIGHT HOLDER (item 85123A) at £2.95 each.', citations: ['85123A'] }
 * ```
 */
export function answerProductQuestion(hits: readonly ProductHit[]): { text: string; citations: string[] } {
  if (hits.length === 0) {
    return {
      text: "I couldn't find that in our catalogue. Could you describe the product another way (name, colour or use)?",
      citations: [],
    };
  }
  const describe = (h: ProductHit): string =>
    `${h.title.trim()} (item ${h.id}) at ${formatPrice(h.price, h.currency)} each`;
  const [first, ...rest] = hits;
  const text =
    rest.length === 0 || !first
      ? `We have ${first ? describe(first) : ''}.`
      : `We have ${describe(first)}. Similar items: ${rest.map(describe).join('; ')}.`;
  return { text, citations: hits.map((h) => h.id) };
}
