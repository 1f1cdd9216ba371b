import type { RetailOrder, RetailOrderItem } from '../../tools/retail/index.js';
import type { TaskKind } from './thread-memory.js';

/*
 * Finding what the buyer means among their own orders: which items a sentence names ("the
 * tshirts", "the robotic vacuum"), and which orders fit a task (status) and the items named. Pure
 * functions over data the policy already loaded; the policy decides what to do with the result.
 */

/**
 * Words that name no product on their own: "smart watch" is a watch, "water" alone is no bottle
 * ("not resistant to water"), "pet hair removal" is no pet bed.
 */
const GENERIC = new Set(
  'set kit smart electric wireless portable digital action indoor security running hiking gaming office water light led air desk garden patio wall tea pet cycling fleece bluetooth mechanical'.split(
    ' ',
  ),
);

/** Other words buyers use for a product word. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  wristwatch: ['watch'],
  smartphone: ['phone'],
  bicycle: ['bike'],
  tshirt: ['tee', 'shirt'],
  earbud: ['earphone'],
  ereader: ['reader', 'kindle'],
  sneaker: ['shoe'],
};

const SIZE_LETTERS: Readonly<Record<string, string>> = { small: 's', medium: 'm', large: 'l' };

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && /(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Singular forms of a word: "bookshelves" is a bookshelf ("valves" a valve), so both readings. */
function singulars(word: string): string[] {
  const one = singular(word);
  return word.length > 4 && word.endsWith('ves') ? [one, `${word.slice(0, -3)}f`] : [one];
}

/** Lower-cased singular words of a text, plus each pair joined ("t shirt" → "tshirt"). */
function wordsOf(text: string): Set<string> {
  const parts = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  const joined = parts.slice(1).map((w, i) => `${parts[i] ?? ''}${w}`);
  // "the small tshirt" says size S.
  const sizes = parts.flatMap((w) => SIZE_LETTERS[w] ?? []);
  return new Set([...parts, ...joined, ...sizes].flatMap(singulars));
}

/** The words of a product name that name it on their own, with their aliases. */
function nameWords(name: string): { all: string[]; distinctive: string[] } {
  const parts = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map(singular);
  // "T-Shirt" and "E-Reader" are one word to a buyer.
  const whole = name.includes('-') ? [singular(name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''))] : [];
  const own = [...parts.filter((w) => w.length > 1 && !GENERIC.has(w)), ...whole];
  return { all: parts, distinctive: [...new Set([...own, ...own.flatMap((w) => ALIASES[w] ?? [])])] };
}

/**
 * How strongly `text` names a product: 0 when none of its distinctive words is there, else the
 * number of the name's words present (so "digital camera" names a Digital Camera more strongly
 * than an Action Camera).
 *
 * @example
 * ```ts
 * nameScore('T-Shirt', 'all my pending tshirts'); // 1
 * nameScore('Water Bottle', 'not resistant to water'); // 0
 * ```
 */
export function nameScore(name: string, text: string): number {
  const words = wordsOf(text);
  const { all, distinctive } = nameWords(name);
  if (!distinctive.some((w) => words.has(w))) return 0;
  return Math.max(1, all.filter((w) => words.has(w)).length);
}

/**
 * The items `text` names. Where it names one product more strongly than another that shares the
 * word it used ("digital camera" with an Action Camera also around), only the stronger one counts.
 *
 * @example
 * ```ts
 * namedItems(order.items, 'return the air purifier and the robotic vacuum').map((i) => i.name);
 * ```
 */
export function namedItems<T extends Pick<RetailOrderItem, 'name'>>(items: readonly T[], text: string): T[] {
  const words = wordsOf(text);
  const scored = items.map((item) => ({
    item,
    score: nameScore(item.name, text),
    hits: nameWords(item.name).distinctive.filter((w) => words.has(w)),
  }));
  return scored
    .filter(
      (s) => s.score > 0 && !scored.some((o) => o.score > s.score && o.hits.some((w) => s.hits.includes(w))),
    )
    .map((s) => s.item);
}

/** What the buyer says to leave alone: "but keep the watch", "not the vacuum", "except the lamp". */
const KEPT =
  /(?:\b(?:keep(?:ing)?|leave|leaving|except(?: for)?|excluding|other than|apart from|but not|(?:do not|don'?t|never) (?:want to )?(?:return|cancel|exchange|change|modify|touch))\b|(?:^|,|\bbut|\band)\s*not (?:the|my|a|an|that|this)\b)[^.;,\n]*/gi;

/**
 * The words of a request that say what to act on, and the words that say what to keep: items named
 * after "keep", "not the", "except" are not to be returned, cancelled or changed.
 *
 * @example
 * ```ts
 * splitKept('return the headphones but keep the smart watch');
 * // { act: 'return the headphones but ', kept: ' keep the smart watch' }
 * ```
 */
export function splitKept(text: string): { act: string; kept: string } {
  const kept = [...text.matchAll(KEPT)].map((m) => m[0]);
  return { act: text.replace(KEPT, ' '), kept: kept.length > 0 ? ` ${kept.join(' ')}` : '' };
}

/** Whether an order's status lets a task of `kind` act on it. */
export function statusFits(kind: TaskKind, status: string): boolean {
  switch (kind) {
    case 'cancel':
    case 'order_address':
    case 'modify_payment':
      return status === 'pending' || (kind !== 'cancel' && status === 'pending (item modified)');
    case 'change_items':
      return status === 'pending' || status === 'delivered';
    case 'return':
      return status === 'delivered';
    case 'track':
    case 'user_address':
      return true;
  }
}

/** The status the buyer says the order has ("my pending boots", "the lamp I received"), if any. */
export function statusHint(text: string): 'pending' | 'delivered' | undefined {
  const pending =
    /\b(?:pending|not (?:yet )?(?:shipped|arrived|received)|haven'?t received|just (?:placed|ordered|bought))\b/i.test(
      text,
    );
  const delivered = /\b(?:received|delivered|arrived|got it|came)\b/i.test(text);
  if (pending && !delivered) return 'pending';
  if (delivered && !pending) return 'delivered';
  return undefined;
}

/** An order that may be the one the buyer means, with the items of it they named. */
export interface OrderCandidate {
  readonly order: RetailOrder;
  readonly items: readonly RetailOrderItem[];
}

/**
 * The buyer's orders that may be the one a task is about, in profile order. When the buyer named
 * items of any of their orders: the orders whose status allows the task and that hold those items
 * (or, when none does but exactly one other order does, that one, so the policy can say why it
 * cannot act on it). Otherwise every order whose status allows the task. Either way narrowed to
 * the status the buyer mentioned, when that leaves any.
 *
 * @example
 * ```ts
 * orderCandidates('cancel', [pendingLamp, deliveredLamp], 'cancel my desk lamp'); // [{ order: pendingLamp, ... }]
 * ```
 */
export function orderCandidates(
  kind: TaskKind,
  orders: readonly RetailOrder[],
  text: string,
): OrderCandidate[] {
  const named = new Set(
    namedItems(
      orders.flatMap((o) => o.items),
      text,
    ),
  );
  const all = orders.map((order) => ({ order, items: order.items.filter((i) => named.has(i)) }));
  const fitting = all.filter((c) => statusFits(kind, c.order.status));
  let pool = fitting;
  if (named.size > 0) {
    pool = fitting.filter((c) => c.items.length > 0);
    const elsewhere = all.filter((c) => c.items.length > 0);
    if (pool.length === 0 && elsewhere.length === 1) pool = elsewhere;
  }
  const hint = statusHint(text);
  const hinted = hint ? pool.filter((c) => c.order.status.startsWith(hint)) : [];
  return hinted.length > 0 ? hinted : pool;
}

/**
 * Whether the buyer asks for several orders at once: orders in the plural with a count ("all my
 * pending orders", "both orders", "in different orders", "two orders"), "every order", or all of a
 * product in the plural ("all my tshirts"). "Everything" or "all the items" alone is about one order.
 */
export function wantsSeveralOrders(text: string): boolean {
  return (
    /\b(?:all|both|every|each|two|three|multiple|several|different|separate)\b[^.;]{0,40}\borders\b/i.test(
      text,
    ) ||
    /\b(?:every|each) order\b|\ball (?:of )?(?:my |the |your )?(?:[a-z-]+ ){0,2}orders?\b/i.test(text) ||
    /\ball (?:of )?(?:my |the |your )?(?:[a-z-]+ ){0,2}(?!items\b|things\b|address\b)[a-z-]+s\b/i.test(text)
  );
}

/**
 * Whether the items the buyer named lie in different orders, each product in one of them only
 * ("the skateboard, garden hose and backpack" across three orders): then every candidate is meant.
 */
export function spreadOverOrders(candidates: readonly OrderCandidate[]): boolean {
  if (candidates.length < 2 || candidates.some((c) => c.items.length === 0)) return false;
  const products = candidates.flatMap((c) => [...new Set(c.items.map((i) => i.product_id))]);
  return new Set(products).size === products.length;
}

/**
 * Whether the buyer means several of a product: its name in the plural ("the two skateboards",
 * "my tshirts") or a count right before it ("both vacuum cleaners", "each lamp"), unless they say
 * they mean one of them ("I only need one", "one of the tablets").
 */
function pluralOf(name: string, text: string): boolean {
  const lower = text.toLowerCase();
  if (/\b(?:only (?:need|want|keep|return) one|just one|one of (?:them|the|my|those))\b/.test(lower))
    return false;
  const { distinctive } = nameWords(name);
  const said = lower.split(/[^\p{L}\p{N}]+/u);
  const pluralNoun = distinctive.some((w) =>
    said.some((x) => x !== w && singulars(x).includes(w) && x.endsWith('s')),
  );
  const counted = distinctive.some((w) =>
    new RegExp(`\\b(?:both|all|two|three|each|every)\\b(?:\\s+[\\p{L}\\p{N}-]+){0,3}?\\s+${w}`, 'u').test(
      lower.replace(/[^\p{L}\p{N}\s-]+/gu, ' '),
    ),
  );
  return pluralNoun || counted;
}

/** "the more expensive one", "the cheaper tablet": which of several by price, if the words say. */
function byPrice<T extends Pick<RetailOrderItem, 'price'>>(group: readonly T[], text: string): T[] {
  // What the item should become is no clue to which it is ("exchange it to the cheapest one").
  const which = text.toLowerCase().replace(/\b(?:to|into|for)\s+(?:a|an|the|one)\b[^\n]*/g, ' ');
  const dearer = /\b(?:more|most) expensive\b|\bpricier\b|\bpriciest\b/.test(which);
  const cheaper = /\b(?:less|least) expensive\b|\bcheaper\b|\bcheapest\b/.test(which);
  if (dearer === cheaper) return [];
  const extreme = (dearer ? Math.max : Math.min)(...group.map((i) => i.price));
  const picked = group.filter((i) => i.price === extreme);
  return picked.length === 1 ? picked : [];
}

/**
 * How many option values of an item the text states ("the robotic one", "my small tshirt"), in the
 * words that say which item it is, not what it should become ("the 17-inch laptop to the 13-inch
 * version" states 17-inch only).
 */
export function optionsSaid(item: Pick<RetailOrderItem, 'options'>, text: string): number {
  const current = text.replace(/\b(?:to|into|for)\s+(?:a|an|the|one)\b[^\n]*/gi, ' ');
  const words = wordsOf(current);
  return Object.values(item.options).filter((v) => {
    // "17-inch" is said only with its number: "the 13-inch laptop" does not say "17-inch".
    const measure = /^(\d+(?:\.\d+)?)\s*-?\s*([a-z]+)$/i.exec(v.trim());
    if (measure) {
      const [, amount = '', unit = ''] = measure;
      return new RegExp(`(?<![\\d.])${amount.replace('.', '\\.')}\\s*-?\\s*${unit}(?:e?s)?\\b`, 'i').test(
        current,
      );
    }
    const parts = v
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '' && !/^\d+$/.test(w))
      .map(singular);
    return parts.length > 0 && parts.every((w) => words.has(w));
  }).length;
}

/**
 * Narrows the named items of one order where the buyer named a product the order holds in several
 * variants: to the ones whose ids they gave, else to the ones whose options they stated, else to
 * the dearer or cheaper one they named, else all of them if they spoke of several. Returns the
 * products still ambiguous, to ask about.
 *
 * @example
 * ```ts
 * const { items, unclear } = resolveVariants(named, 'return the robotic vacuum cleaner', []);
 * ```
 */
export function resolveVariants(
  named: readonly RetailOrderItem[],
  text: string,
  itemIds: readonly string[],
): { items: RetailOrderItem[]; unclear: RetailOrderItem[] } {
  const items: RetailOrderItem[] = [];
  let unclear: RetailOrderItem[] = [];
  for (const productId of new Set(named.map((i) => i.product_id))) {
    const group = named.filter((i) => i.product_id === productId);
    if (new Set(group.map((i) => i.item_id)).size < 2) {
      items.push(...group);
      continue;
    }
    const byId = group.filter((i) => itemIds.includes(i.item_id));
    const best = Math.max(...group.map((i) => optionsSaid(i, text)));
    const byOptions = best > 0 ? group.filter((i) => optionsSaid(i, text) === best) : [];
    const [first] = group;
    const priced = byPrice(group, text);
    if (byId.length > 0) items.push(...byId);
    else if (byOptions.length > 0 && byOptions.length < group.length) items.push(...byOptions);
    else if (priced.length > 0) items.push(...priced);
    else if (first && pluralOf(first.name, text)) items.push(...group);
    else if (unclear.length === 0) unclear = group;
  }
  return { items, unclear };
}

/** Where `text` first names a product (-1 if it does not). */
function mentionAt(name: string, text: string): number {
  const lower = text.toLowerCase();
  const { distinctive } = nameWords(name);
  const at = [name.toLowerCase(), ...distinctive]
    .map((w) =>
      lower.search(
        new RegExp(
          // "bookshelf" is also said "bookshelves".
          `\\b${w.replace(/[^\p{L}\p{N}]+/gu, '[^\\p{L}\\p{N}]?').replace(/f$/, '(?:f|v)')}(?:e?s)?\\b`,
          'u',
        ),
      ),
    )
    .filter((i) => i >= 0);
  return at.length > 0 ? Math.min(...at) : -1;
}

/**
 * The words about one of several items: what comes before any product is named, then from where
 * the text names this one to where it names another ("exchange the water bottle to a bigger one,
 * and the desk lamp to a less bright one" → "exchange the  water bottle to a bigger one, and the ").
 * The whole text when it names the item nowhere or alone.
 *
 * @example
 * ```ts
 * textAbout(lamp, [bottle, lamp], 'swap the bottle for a bigger one, and the desk lamp for a dimmer one');
 * // 'swap the  desk lamp for a dimmer one'
 * ```
 */
export function textAbout(
  item: Pick<RetailOrderItem, 'name'>,
  items: readonly Pick<RetailOrderItem, 'name'>[],
  text: string,
): string {
  const others = [...new Set(items.map((i) => i.name))].filter((n) => n !== item.name);
  const own = mentionAt(item.name, text);
  if (own < 0 || others.length === 0) return text;
  // What comes before any product is named is about all of them ("the most expensive variants").
  const first = Math.min(own, ...others.map((n) => mentionAt(n, text)).filter((i) => i >= 0));
  const next = others.map((n) => mentionAt(n, text.slice(own + 1))).filter((i) => i >= 0);
  const end = next.length > 0 ? own + 1 + Math.min(...next) : text.length;
  return `${text.slice(0, first)} ${text.slice(own, end)}`;
}

/**
 * Among several orders that fit, the one the buyer's words single out, if any: the one holding
 * every product they named when the others hold only some ("the bicycle and the jigsaw in the
 * same order"), else the one whose named items have the options they stated ("my small tshirt").
 *
 * @example
 * ```ts
 * preferredCandidate(candidates, 'modify my pending small tshirt')?.order.order_id;
 * ```
 */
export function preferredCandidate(
  candidates: readonly OrderCandidate[],
  text: string,
): OrderCandidate | undefined {
  const products = candidates.map((c) => new Set(c.items.map((i) => i.name)));
  const widest = candidates.filter((_, i) =>
    products.every(
      (other, j) =>
        j === i || ([...other].every((p) => products[i]?.has(p)) && other.size < (products[i]?.size ?? 0)),
    ),
  );
  if (widest.length === 1) return widest[0];
  // "Return the more expensive one": the candidate whose named item costs most (or least).
  const dearer = /\b(?:more|most) expensive\b|\bpricier\b/.test(text);
  if (dearer || /\b(?:less|least) expensive\b|\bcheaper\b|\bcheapest\b/.test(text)) {
    const price = (c: OrderCandidate): number => Math.max(...c.items.map((i) => i.price));
    const extreme = (dearer ? Math.max : Math.min)(...candidates.map(price));
    const priced = candidates.filter((c) => price(c) === extreme);
    if (priced.length === 1) return priced[0];
  }
  const said = candidates.map((c) => Math.max(0, ...c.items.map((i) => optionsSaid(i, text))));
  const best = Math.max(...said);
  const top = candidates.filter((_, i) => said[i] === best);
  return best > 0 && top.length === 1 ? top[0] : undefined;
}
