/**
 * Money in a goal: a number with its magnitude (`k`, `万`, `million`), the colloquial digit after
 * it (`1万5` is 15,000, `2k5` 2,500) and the currency written before or after it (`¥`, `RMB`,
 * `英镑`, `pounds`); the digits of a festival name (`Double 11`, `618大促`) are not money, nor is
 * a lone Chinese numeral inside a word (the 一 of `一共`, `一下`, `一天`). Which amount is the
 * budget and which the CPA target is decided later, in `roles.ts`; this module only reads what is
 * written.
 */
import { findFestivals } from './festivals.js';
import { findNumbers, parseAnyNumber, type NumberToken } from './numbers.js';
import { isTaken, type Span } from './text.js';

/** A number in the goal, with what the text says about it as money. */
export interface Amount extends Span {
  /** The value in major units, sign included (`-500` when the goal says `-£500`). */
  readonly value: number;
  /** The upper end when the goal gives a range (`¥3,000-5,000`); `value` is the lower end. */
  readonly upper?: number;
  /** ISO code of the currency the text names, if any. */
  readonly currency?: string;
  /** Where the digits (or number words) themselves start; `start` may include a currency sign. */
  readonly numberStart: number;
}

/** Currency written after the number. Order matters: longer forms first. */
const SUFFIX_CURRENCIES: readonly (readonly [RegExp, string])[] = [
  [/^\s*(?:港币|港元|港幣|hk\s?dollars?|hkd\b)/, 'HKD'],
  [/^\s*(?:英镑|pounds?(?:\s+sterling)?\b|quid\b|gbp\b|sterling\b)/, 'GBP'],
  [/^\s*(?:美元|美金|(?:us\s)?dollars?\b|bucks\b|usd\b)/, 'USD'],
  [/^\s*(?:欧元|euros?\b|eur\b)/, 'EUR'],
  [/^\s*(?:日元|日圆|円|yen\b|jpy\b)/, 'JPY'],
  [/^\s*(?:aud\b|australian dollars?)/, 'AUD'],
  [/^\s*(?:cad\b|canadian dollars?)/, 'CAD'],
  [/^\s*(?:sgd\b|singapore dollars?)/, 'SGD'],
  // 块 is money in `500块` and `500块一天`, a piece count in `3块蛋糕`.
  [
    /^\s*(?:人民币|rmb\b|cny\b|yuan\b|元(?![旦素宵])|块钱|块(?=$|[^\u3400-\u9fff]|[每一的预左以日天周月起]))/,
    'CNY',
  ],
];

/**
 * The ISO code of a currency written at the very start of `text`, e.g. after a budget's period
 * (`2.5k/day GBP`), or `undefined`.
 *
 * @example
 * ```ts
 * currencyAt(' gbp, cpa 3'); // 'GBP'
 * ```
 */
export function currencyAt(text: string): string | undefined {
  // `5k weekly budget in GBP`: skip the budget word and `in`.
  const rest = text.replace(/^\s*(?:(?:budget|spend)\b\s*)?(?:in\b)?/, '');
  return SUFFIX_CURRENCIES.find(([re]) => re.test(rest))?.[1];
}

/** Currency written before the number; tested against the text that ends where the number starts. */
const PREFIX_CURRENCIES: readonly (readonly [RegExp, string])[] = [
  [/(?:(?<![a-z])hk\$|港币|港元|(?<![a-z])hkd)\s*-?\s*$/, 'HKD'],
  [/(?:(?<![a-z])(?:au|a)\$|(?<![a-z])aud)\s*-?\s*$/, 'AUD'],
  [/(?:(?<![a-z])(?:ca|c)\$|(?<![a-z])cad)\s*-?\s*$/, 'CAD'],
  [/(?:(?<![a-z])s\$|(?<![a-z])sgd)\s*-?\s*$/, 'SGD'],
  [/(?:(?<![a-z])us\$|\$|(?<![a-z])usd|美元|美金)\s*-?\s*$/, 'USD'],
  [/(?:£|(?<![a-z])gbp|英镑)\s*-?\s*$/, 'GBP'],
  [/(?:€|(?<![a-z])eur|欧元)\s*-?\s*$/, 'EUR'],
  [/(?:(?<![a-z])jpy|日元)\s*-?\s*$/, 'JPY'],
  // ¥ is also the yen sign; Lodestone reads it as yuan and JPY only when the goal says so.
  [/(?:¥|(?<![a-z])rmb|(?<![a-z])cny|人民币)\s*-?\s*$/, 'CNY'],
];

/** Magnitudes written after digits: `2k`, `5w`, `1.5万`, `2 万`, `3 million`, `1,5 Mio`. */
const MAGNITUDE =
  /^(?:\s?(k|w|m|mn|bn|mio)(?![a-z])|\s*(thousand|grand|million|billion)\b|\s?(千万|百万|万|千|百|亿))/;

/**
 * The digit spoken after a magnitude: `1万5` (15,000), `3万五`, `5千5`, `1w5`, `2k5`; also
 * `1万2千`. Not when the digit starts something else: a date (`3万5月1日`), a count (`1万5天`).
 */
const COLLOQUIAL_TAIL =
  /^(?:([1-9]|[一二两三四五六七八九])(?![\d.]|,\d|\s*[千百万亿]|\s*(?:[月日号天周年岁个次点%倍x:/-]|k|w|days?\b|weeks?\b))|(\d)千)/;
const TAIL_MAGNITUDES = new Set(['k', 'w', '万', '千']);

const MAGNITUDE_VALUE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  mio: 1e6,
  grand: 1e3,
  千: 1e3,
  w: 1e4,
  万: 1e4,
  百: 1e2,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
  bn: 1e9,
  billion: 1e9,
};

const RANGE_CONNECTOR = /^\s*(?:-|~|to|至|到)\s*$/;

interface Draft {
  start: number;
  end: number;
  numberStart: number;
  value: number;
  multiplier: number;
  currency?: string;
  hasMagnitude: boolean;
  upper?: number;
}

/**
 * Finds every number in the (normalised, lower-case) goal and attaches the magnitude, currency,
 * sign and range the text gives it.
 *
 * @example
 * ```ts
 * findAmounts('¥50,000/day, cpa under ¥40').map((a) => [a.value, a.currency]);
 * // [[50000, 'CNY'], [40, 'CNY']]
 * ```
 */
export function findAmounts(text: string): Amount[] {
  const drafts: Draft[] = [];
  // The digits of a festival name (`Double 11`, `双十二`, `618大促`) are a date, not money.
  const festivals = findFestivals(text);
  let consumed = 0;
  for (const token of findNumbers(text)) {
    if (token.start < consumed || isTaken(festivals, token)) continue;
    const draft = readAmount(text, token, consumed);
    // A lone 一 or 两 is part of a word (`一共`, `一下`, `一天`) unless a currency says it is money.
    if (token.kind === 'zh' && token.end - token.start === 1 && draft.currency === undefined) continue;
    drafts.push(draft);
    consumed = draft.end;
  }
  return mergeRanges(text, drafts).map(toAmount);
}

function readAmount(text: string, token: NumberToken, consumedUpTo: number): Draft {
  let end = token.end;
  let multiplier = 1;
  let hasMagnitude = false;
  // Number words and Chinese numerals carry their own magnitude (`fifty thousand`, `五万`).
  const mag = token.kind === 'digits' ? MAGNITUDE.exec(text.slice(end)) : null;
  let tail = 0;
  if (mag) {
    const word = mag[1] ?? mag[2] ?? mag[3] ?? '';
    multiplier = MAGNITUDE_VALUE[word] ?? 1;
    hasMagnitude = true;
    end += mag[0].length;
    const spoken = TAIL_MAGNITUDES.has(word) ? COLLOQUIAL_TAIL.exec(text.slice(end)) : null;
    if (spoken && (spoken[1] !== undefined || word === '万')) {
      // 1万5 = 1.5万; 1万2千 = 1万 + 2千.
      tail =
        spoken[1] === undefined
          ? Number(spoken[2]) * 1e3
          : ((parseAnyNumber(spoken[1]) ?? 0) * multiplier) / 10;
      end += spoken[0].length;
    }
  }
  let start = token.start;
  let currency: string | undefined;
  for (const [re, code] of SUFFIX_CURRENCIES) {
    const m = re.exec(text.slice(end));
    if (m) {
      currency = code;
      end += m[0].length;
      break;
    }
  }
  const before = text.slice(0, token.start);
  if (currency === undefined) {
    for (const [re, code] of PREFIX_CURRENCIES) {
      const m = re.exec(before);
      if (m && m.index >= consumedUpTo) {
        currency = code;
        start = m.index;
        break;
      }
    }
  }
  const negative = isNegative(text, start, token.start);
  const value = (token.value * multiplier + tail) * (negative ? -1 : 1);
  return {
    start,
    end,
    numberStart: token.start,
    value,
    multiplier,
    hasMagnitude,
    ...(currency === undefined ? {} : { currency }),
  };
}

/** `-500`, `-£500`, `£-500`, `负500元`, but not the `-` of a range or a date (`25-40`, `2026-12-01`). */
function isNegative(text: string, start: number, numberStart: number): boolean {
  if (/-\s*$/.test(text.slice(start, numberStart))) return true;
  const prev = text[start - 1];
  if (prev === '负') return true;
  return prev === '-' && !/[a-z0-9)]/i.test(text[start - 2] ?? '');
}

function mergeRanges(text: string, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const a = drafts[i];
    const b = drafts[i + 1];
    if (!a) continue;
    if (b && a.value >= 0 && RANGE_CONNECTOR.test(text.slice(a.end, b.start)) && compatible(a, b)) {
      // `3-5万元`: the lower end borrows the upper end's magnitude.
      const lower = a.hasMagnitude ? a.value : a.value * b.multiplier;
      if (lower < b.value) {
        const currency = a.currency ?? b.currency;
        out.push({
          ...a,
          end: b.end,
          value: lower,
          upper: b.value,
          hasMagnitude: a.hasMagnitude || b.hasMagnitude,
          ...(currency === undefined ? {} : { currency }),
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

function compatible(a: Draft, b: Draft): boolean {
  return a.currency === undefined || b.currency === undefined || a.currency === b.currency;
}

function toAmount(d: Draft): Amount {
  return {
    start: d.start,
    end: d.end,
    numberStart: d.numberStart,
    value: d.value,
    ...(d.upper === undefined ? {} : { upper: d.upper }),
    ...(d.currency === undefined ? {} : { currency: d.currency }),
  };
}
