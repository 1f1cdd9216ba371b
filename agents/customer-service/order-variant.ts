import type { RetailOrderItem, RetailProduct, RetailVariant } from '../../tools/retail/index.js';

/*
 * Which variant of the same product a buyer asks for, from their words: option values they name
 * ("clicky switches", "4 foot", "two-piece"), comparisons with what they have ("a bigger one",
 * "one size smaller", "less bright", "1000 more pieces"), extremes ("maximum zoom", "the
 * cheapest"), and what must stay ("same material and color"). Everything else is kept as close to
 * the current item as possible.
 */

const NUMBERS: Readonly<Record<string, string>> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
};
const UNITS: Readonly<Record<string, string>> = {
  foot: 'ft',
  feet: 'ft',
  inches: 'inch',
  liter: 'l',
  liters: 'l',
  litre: 'l',
  litres: 'l',
};

/** Words of a value or a sentence, numbers split from units ("25ft" → 25 ft), units and numbers spelled one way. */
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w !== '')
    .map((w) => NUMBERS[w] ?? UNITS[w] ?? singular(w));
}

function singular(word: string): string {
  if (/\d/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Sizes and levels in order, for "bigger" and "less bright". */
const SCALES: readonly (readonly string[])[] = [
  ['xs', 's', 'm', 'l', 'xl', 'xxl'],
  ['small', 'medium', 'large'],
  ['low', 'medium', 'high'],
  ['beginner', 'intermediate', 'expert'],
];

/** The rank of each value of an option, when its values are ordered (numbers, sizes, levels). */
function ranks(values: readonly string[]): Map<string, number> | undefined {
  const numbers = values.map((v) => /^\s*(\d+(?:\.\d+)?)/.exec(v)?.[1]);
  if (numbers.every((n) => n !== undefined)) return new Map(values.map((v, i) => [v, Number(numbers[i])]));
  const scale = SCALES.find((s) => values.every((v) => s.includes(v.toLowerCase())));
  return scale && new Map(values.map((v) => [v, scale.indexOf(v.toLowerCase())]));
}

/** A wish about one option: a direction from the current value, or an extreme. */
interface Wish {
  readonly key: string;
  readonly want: 'more' | 'less' | 'max' | 'min';
  /** "one size smaller", "slightly lower": the nearest value that way. */
  readonly step: boolean;
}

/** Comparative words and the options they speak of. */
const COMPARATIVES: readonly (readonly [RegExp, RegExp, Wish['want']])[] = [
  [/\b(?:bigger|larger|greater)\b/, /size|capacity|frame|diameter|piece count/, 'more'],
  [/\bsmaller\b/, /size|capacity|frame|diameter|piece count/, 'less'],
  [/\bbrighter\b/, /bright/, 'more'],
  [/\b(?:less bright|dimmer)\b/, /bright/, 'less'],
  [/\bshorter\b/, /length|height/, 'less'],
  [/\b(?:longer|taller)\b/, /length|height/, 'more'],
];

function wishes(keys: readonly string[], text: string): Wish[] {
  const found: Wish[] = [];
  const keyFor = (word: string): string | undefined =>
    keys.find((k) =>
      k
        .toLowerCase()
        .split(/\s+/)
        .some((w) => w.startsWith(word.slice(0, 5))),
    );
  const step = /\b(?:one size|slightly|a bit|a little|one step)\b/.test(text);
  for (const [words, key, want] of COMPARATIVES) {
    const k = words.test(text) ? keys.find((x) => key.test(x.toLowerCase())) : undefined;
    if (k) found.push({ key: k, want, step });
  }
  for (const m of text.matchAll(/\b(lower|higher|less|more|fewer)\s+([a-z]{4,})/g)) {
    const k = keyFor(m[2] ?? '');
    const want = m[1] === 'higher' || m[1] === 'more' ? 'more' : 'less';
    if (k && !found.some((f) => f.key === k)) found.push({ key: k, want, step });
  }
  for (const m of text.matchAll(
    /\b(max(?:imum|imal)?|highest|most|largest|biggest|min(?:imum|imal)?|lowest|least|fewest|smallest)\s+([a-z]+)/g,
  )) {
    const k = keyFor(m[2] ?? '');
    const want = /^(?:max|highest|most|largest|biggest)/.test(m[1] ?? '') ? 'max' : 'min';
    if (k && m[2] !== 'expensive') found.push({ key: k, want, step: false });
  }
  return found;
}

/** "1000 more pieces", "500 pieces less": a target value for the option counted in that unit. */
function arithmetic(item: RetailOrderItem, keys: readonly string[], text: string): Map<string, string> {
  const targets = new Map<string, string>();
  const re = /\b(\d+)\s+(?:(more|less|fewer)\s+([a-z]+)|([a-z]+)\s+(more|less|fewer))\b/g;
  for (const m of text.matchAll(re)) {
    const [amount, sign, unit] = [Number(m[1]), m[2] ?? m[5] ?? '', m[3] ?? m[4] ?? ''];
    const key = keys.find((k) => k.toLowerCase().startsWith(unit.slice(0, 5)));
    const current = key === undefined ? NaN : Number(/^\d+/.exec(item.options[key] ?? '')?.[0]);
    if (key !== undefined && Number.isFinite(current)) {
      targets.set(key, String(sign === 'more' ? current + amount : current - amount));
    }
  }
  return targets;
}

/**
 * The available variants of the item's product that best fit what the buyer asked for: they must
 * have the values named, the targets counted ("1000 more pieces"), the direction asked ("a bigger
 * one"), the extreme asked ("maximum zoom") and the options said to stay the same; then they keep
 * as many current options as they can, and "cheapest" or "most expensive" breaks ties by price.
 * An empty list when the words ask for no change of option or nothing available fits; several when
 * the words do not decide between them (the buyer is asked).
 *
 * @example
 * ```ts
 * chooseVariant(keyboard, product, 'the same keyboard but with clicky switches'); // [clicky variants…]
 * chooseVariant(tshirt, product, 'one size smaller, I like cotton'); // [XL cotton crew neck]
 * ```
 */
export function chooseVariant(item: RetailOrderItem, product: RetailProduct, text: string): RetailVariant[] {
  const lower = text.toLowerCase();
  const ranked = rankVariants(item, product, lower);
  const wish = readWish(item, Object.values(product.variants), lower);
  const price = (v: RetailVariant): number => (wish.cheapest ? -v.price : wish.dearest ? v.price : 0);
  const [top] = ranked;
  return top ? ranked.filter((v) => price(v) === price(top) && kept(item, v) === kept(item, top)) : [];
}

/**
 * Every available variant that has what the buyer asked for, best first (see
 * {@link chooseVariant}): what to offer when the best one is not theirs to take unasked.
 *
 * @example
 * ```ts
 * rankVariants(keyboard, product, 'the same keyboard but with clicky switches'); // every clicky one
 * ```
 */
export function rankVariants(item: RetailOrderItem, product: RetailProduct, text: string): RetailVariant[] {
  const variants = Object.values(product.variants);
  const wish = readWish(item, variants, text.toLowerCase());
  const { wanted, same, asked, cheapest, dearest } = wish;
  if (wanted.size === 0 && asked.length === 0 && !cheapest && !dearest) return [];
  let pool = variants.filter(
    (v) =>
      v.available &&
      v.item_id !== item.item_id &&
      [...wanted].every(([k, values]) => values.has(v.options[k] ?? '')) &&
      same.every((k) => v.options[k] === item.options[k]),
  );
  for (const w of asked) pool = narrow(pool, w, item, variants);
  // The price, when asked about, comes first; then the options kept from the current item.
  const price = (v: RetailVariant): number => (cheapest ? -v.price : dearest ? v.price : 0);
  return pool.sort(
    (a, b) => price(b) - price(a) || kept(item, b) - kept(item, a) || a.item_id.localeCompare(b.item_id),
  );
}

/**
 * Whether the buyer's words say anything about the new variant at all (a value, a direction, an
 * extreme, a price): when they do not, the policy asks what they want rather than listing options.
 *
 * @example
 * ```ts
 * wantsSomething(lamp, product, 'I want to exchange the desk lamp'); // false
 * wantsSomething(lamp, product, 'the desk lamp in black'); // true
 * ```
 */
export function wantsSomething(item: RetailOrderItem, product: RetailProduct, text: string): boolean {
  const wish = readWish(item, Object.values(product.variants), text.toLowerCase());
  return wish.wanted.size > 0 || wish.asked.length > 0 || wish.cheapest || wish.dearest;
}

/** Buyers who leave the other options open: "I don't care about the rest", "other specs are not important". */
const OPEN =
  /\b(?:do not|don'?t|doesn'?t) (?:really )?(?:care|mind)\b|\bnot important\b|\bany (?:other )?(?:options?|specs?|features?)\b|\bwhatever\b|\bno matter\b/;

/**
 * The options `variant` changes that the buyer's words said nothing about: no value, no
 * direction, no "keep", not even the option's name ("a more fancy theme" speaks of the theme).
 * Empty when they asked for a price extreme or said the rest does not matter. A variant that
 * changes such an option is the policy's guess, so the buyer chooses instead.
 *
 * @example
 * ```ts
 * unaskedChanges(lamp, product, blackUsbLamp, 'the desk lamp in black'); // ['power source']
 * ```
 */
export function unaskedChanges(
  item: RetailOrderItem,
  product: RetailProduct,
  variant: RetailVariant,
  text: string,
): string[] {
  const lower = text.toLowerCase();
  const wish = readWish(item, Object.values(product.variants), lower);
  if (wish.cheapest || wish.dearest || OPEN.test(lower)) return [];
  const spoken = new Set([...wish.wanted.keys(), ...wish.asked.map((w) => w.key), ...wish.same]);
  const words = new Set(tokens(lower));
  const named = (key: string): boolean =>
    tokens(key).some((w) => w.length >= 4 && (words.has(w) || (w === 'color' && words.has('colour'))));
  return Object.keys(variant.options).filter(
    (k) => variant.options[k] !== item.options[k] && !spoken.has(k) && !named(k),
  );
}

/** How many options a variant keeps from the current item. */
function kept(item: RetailOrderItem, v: RetailVariant): number {
  return Object.entries(v.options).filter(([k, x]) => item.options[k] === x).length;
}

/** What the buyer's words ask of the new variant. */
interface VariantWish {
  /** Values named (or targets counted) per option. */
  readonly wanted: ReadonlyMap<string, ReadonlySet<string>>;
  /** Options said to stay. */
  readonly same: readonly string[];
  /** Directions and extremes asked on ordered options. */
  readonly asked: readonly Wish[];
  readonly cheapest: boolean;
  readonly dearest: boolean;
}

function readWish(item: RetailOrderItem, variants: readonly RetailVariant[], lower: string): VariantWish {
  const keys = [...new Set(variants.flatMap((v) => Object.keys(v.options)))];
  const targets = arithmetic(item, keys, lower);
  // Numbers counted from the current value are no values of their own ("500 pieces less").
  // Nor are the values after "over", "than" or "instead of" ("animal over art": art is not wanted).
  const plain = new Set(
    tokens(
      lower
        .replace(/\b\d+\s+(?:more|less|fewer)\b|\b\d+\s+[a-z]+\s+(?:more|less|fewer)\b/g, ' ')
        .replace(/\b(?:over|than|instead of|rather than)\s+(?:the\s+|a\s+|an\s+)?[\w-]+/g, ' '),
    ),
  );
  // A value is named when all its words are in the text, or its first distinctive word is
  // ("google home" names "Google Assistant"; "clicky switches" names "clicky").
  const named = (value: string): boolean => {
    const parts = tokens(value);
    const [first] = parts;
    return (
      parts.every((w) => plain.has(w)) ||
      (first !== undefined && first.length >= 4 && !/^\d/.test(first) && plain.has(first))
    );
  };
  const wanted = new Map<string, Set<string>>();
  for (const key of keys) {
    const target = targets.get(key);
    const values = [...new Set(variants.map((v) => v.options[key] ?? ''))].filter((v) => v !== '');
    const keyWord = key.split(/\s+/)[0] ?? key;
    const hits = values.filter((v) =>
      target !== undefined
        ? tokens(v)[0] === target
        : v !== item.options[key] &&
          (named(v) ||
            // "no backlight" names the value "none" of the backlight option.
            (v === 'none' && new RegExp(`\\b(?:no|without)\\s+(?:[a-z]+\\s+)?${keyWord}`).test(lower))),
    );
    if (hits.length > 0 || target !== undefined) wanted.set(key, new Set(hits));
  }
  return {
    wanted,
    same: keys.filter((k) => !wanted.has(k) && keeps(k, item.options[k] ?? '', lower)),
    asked: wishes(keys, lower).filter((w) => !wanted.has(w.key)),
    cheapest: /\bcheapest\b|\bleast expensive\b|\blowest price\b/.test(lower),
    dearest: /\bmost expensive\b|\bhighest price\b|\bpriciest\b/.test(lower),
  };
}

/** Whether the buyer says an option stays: "same size", "keep the capacity and type", "same v-neck". */
function keeps(key: string, current: string, text: string): boolean {
  const words = key
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length >= 4);
  const near = (w: string): boolean =>
    new RegExp(`\\b(?:same|keep|keeping|only care about)\\b[^.;]{0,30}?\\b${w}`).test(text);
  const value = current.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return words.some(near) || (value !== '' && new RegExp(`\\bsame ${value}\\b`).test(text));
}

/** Keeps the variants that go the way the buyer asked on one ordered option. */
function narrow(
  pool: RetailVariant[],
  wish: Wish,
  item: RetailOrderItem,
  variants: readonly RetailVariant[],
): RetailVariant[] {
  const order = ranks([...new Set(variants.map((v) => v.options[wish.key] ?? ''))]);
  const now = order?.get(item.options[wish.key] ?? '');
  if (!order || now === undefined || pool.length === 0) return pool;
  const rank = (v: RetailVariant): number => order.get(v.options[wish.key] ?? '') ?? now;
  if (wish.want === 'max' || wish.want === 'min') {
    const extreme = (wish.want === 'max' ? Math.max : Math.min)(...pool.map(rank));
    return pool.filter((v) => rank(v) === extreme);
  }
  const way = pool.filter((v) => (wish.want === 'more' ? rank(v) > now : rank(v) < now));
  if (!wish.step || way.length === 0) return way;
  const nearest = Math.min(...way.map((v) => Math.abs(rank(v) - now)));
  return way.filter((v) => Math.abs(rank(v) - now) === nearest);
}
