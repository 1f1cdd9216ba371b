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
  const variants = Object.values(product.variants);
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
  const same = keys.filter((k) => !wanted.has(k) && keeps(k, item.options[k] ?? '', lower));
  const asked = wishes(keys, lower).filter((w) => !wanted.has(w.key));
  const cheapest = /\bcheapest\b|\bleast expensive\b|\blowest price\b/.test(lower);
  const dearest = /\bmost expensive\b|\bhighest price\b|\bpriciest\b/.test(lower);
  if (wanted.size === 0 && asked.length === 0 && !cheapest && !dearest) return [];

  let pool = variants.filter(
    (v) =>
      v.available &&
      v.item_id !== item.item_id &&
      [...wanted].every(([k, values]) => values.has(v.options[k] ?? '')) &&
      same.every((k) => v.options[k] === item.options[k]),
  );
  for (const wish of asked) pool = narrow(pool, wish, item, variants);
  // The price, when asked about, comes first; then the options kept from the current item.
  const price = (v: RetailVariant): number => (cheapest ? -v.price : dearest ? v.price : 0);
  const kept = (v: RetailVariant): number =>
    Object.entries(v.options).filter(([k, x]) => item.options[k] === x).length;
  const ranked = pool.sort(
    (a, b) => price(b) - price(a) || kept(b) - kept(a) || a.item_id.localeCompare(b.item_id),
  );
  const [top] = ranked;
  return top ? ranked.filter((v) => price(v) === price(top) && kept(v) === kept(top)) : [];
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
