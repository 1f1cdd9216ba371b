/**
 * Money in a goal: a number with its magnitude (`k`, `万`, `million`) and the currency written
 * before or after it (`¥`, `RMB`, `英镑`, `pounds`); the digits of a festival name (`Double 11`,
 * `618大促`) are not money. Which amount is the budget and which the CPA target is decided later,
 * in `roles.ts`; this module only reads what is written.
 */
import { findFestivals } from './festivals.js';
import { findNumbers, type NumberToken } from './numbers.js';
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

/** Magnitudes written after digits: `2k`, `5w`, `1.5万`, `3 million`. */
const MAGNITUDE =
  /^(?:\s?(k|w|m|mn|bn)(?![a-z])|\s*(thousand|grand|million|billion)\b|(千万|百万|万|千|百|亿))/;

const MAGNITUDE_VALUE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
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
  if (mag) {
    multiplier = MAGNITUDE_VALUE[mag[1] ?? mag[2] ?? mag[3] ?? ''] ?? 1;
    hasMagnitude = true;
    end += mag[0].length;
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
  const value = token.value * multiplier * (negative ? -1 : 1);
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
