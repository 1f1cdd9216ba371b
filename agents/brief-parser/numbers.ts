/**
 * Numbers as marketers write them: digits with thousands separators (`50,000`, `1.5`), the
 * European way (`2.000` is two thousand, `1,5k` one and a half thousand), English number words
 * (`fifty thousand`, `twenty-five`) and Chinese numerals (`五万`, `两千五`, `十二`).
 */
import { findAll, type Span } from './text.js';

const EN_SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const EN_SCALE: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

/** Alternation of English number words, longest first so `seventeen` wins over `seven`. */
export const EN_NUMBER_WORD = [...Object.keys(EN_SMALL), ...Object.keys(EN_SCALE)]
  .sort((a, b) => b.length - a.length)
  .join('|');

/** One run of English number words: `fifty thousand`, `twenty-five`, `a hundred and ten`. */
export const EN_NUMBER_SOURCE = `(?:\\ban?[\\s-]+(?=(?:hundred|thousand|million|billion)\\b))?\\b(?:${EN_NUMBER_WORD})(?:(?:[\\s-]+and)?[\\s-]+(?:${EN_NUMBER_WORD}))*\\b`;

/**
 * Reads a run of English number words. Returns `undefined` when a word is not a number word.
 *
 * @example
 * ```ts
 * parseEnglishNumber('fifty thousand'); // 50000
 * parseEnglishNumber('a hundred and twenty-five'); // 125
 * ```
 */
export function parseEnglishNumber(words: string): number | undefined {
  const parts = words
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== 'and' && w !== '');
  if (parts.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, word] of parts.entries()) {
    if ((word === 'a' || word === 'an') && i === 0) {
      current = 1;
      continue;
    }
    const small = EN_SMALL[word];
    const scale = EN_SCALE[word];
    if (small !== undefined) current += small;
    else if (scale === 100) current = (current || 1) * 100;
    else if (scale !== undefined) {
      total += (current || 1) * scale;
      current = 0;
    } else return undefined;
    seen = true;
  }
  return seen ? total + current : undefined;
}

const ZH_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ZH_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1_000 };
const ZH_BIG: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/**
 * Chinese numerals with at least one digit or 十 (so `万圣节` is not ten thousand), not starting
 * with a unit (`万一` is "in case", not a thousand).
 */
export const ZH_NUMBER_SOURCE =
  '(?![百千万亿])(?=[零〇一二两三四五六七八九十百千万亿]*[零〇一二两三四五六七八九十])[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?';

/**
 * Reads a Chinese numeral, including the colloquial `一万五` (15,000) and `两千五` (2,500), a
 * digit string such as `二〇二六`, and a decimal with `点`.
 *
 * @example
 * ```ts
 * parseChineseNumber('五万'); // 50000
 * parseChineseNumber('两千五'); // 2500
 * parseChineseNumber('二点五'); // 2.5
 * ```
 */
export function parseChineseNumber(text: string): number | undefined {
  const [intPart = '', fracPart] = text.split('点');
  const int = parseChineseInteger(intPart);
  if (int === undefined) return undefined;
  if (fracPart === undefined) return int;
  let frac = '';
  for (const ch of fracPart) {
    const d = ZH_DIGIT[ch];
    if (d === undefined) return undefined;
    frac += String(d);
  }
  return frac === '' ? int : Number(`${int}.${frac}`);
}

function parseChineseInteger(text: string): number | undefined {
  if (text === '') return undefined;
  const chars = [...text];
  if (chars.every((ch) => ZH_DIGIT[ch] !== undefined)) {
    return Number(chars.map((ch) => ZH_DIGIT[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 1;
  let zeroSinceUnit = false;
  for (const ch of chars) {
    const d = ZH_DIGIT[ch];
    const unit = ZH_UNIT[ch];
    const big = ZH_BIG[ch];
    if (d !== undefined) {
      if (d === 0) zeroSinceUnit = true;
      else digit = d;
    } else if (unit !== undefined) {
      section += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
      zeroSinceUnit = false;
    } else if (big !== undefined) {
      const value = section + (digit ?? 0);
      total = big === ZH_BIG['亿'] ? (total + value) * big : total + value * big;
      section = 0;
      digit = undefined;
      lastUnit = big;
      zeroSinceUnit = false;
    } else return undefined;
  }
  // A trailing digit right after a unit is one unit lower: 一万五 = 15000, 两千五 = 2500.
  if (digit !== undefined) section += zeroSinceUnit || lastUnit < 10 ? digit : (digit * lastUnit) / 10;
  return total + section;
}

/** A number found in the goal. */
export interface NumberToken extends Span {
  readonly value: number;
  readonly kind: 'digits' | 'en' | 'zh';
}

/** Magnitude words right after digits, before which a European `1.500` stays a decimal. */
const MAGNITUDE_AHEAD = '\\s?(?:(?:k|w|m|mn|bn|mio)(?![a-z])|[万千百亿]|thousand\\b|million\\b)';

/**
 * Digits: `50,000.5`; the European `2.000` and `1.200.000` (dots group thousands: three digits
 * after each dot and no magnitude after, so `1.500k` stays 1.5 thousand; `0.125` is a decimal);
 * a decimal comma before a magnitude (`1,5k`); else plain `1.5`.
 */
const DIGITS_SOURCE = [
  '(?<![\\d.])',
  '(?:',
  `(?<eu>[1-9]\\d{0,2}(?:\\.\\d{3})+)(?![\\d.]?\\d)(?!${MAGNITUDE_AHEAD})`,
  `|(?<comma>[1-9]\\d?,\\d{1,2})(?=${MAGNITUDE_AHEAD})`,
  '|(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?!\\d)',
  ')',
].join('');

/** The value of a digit string matched by {@link DIGITS_SOURCE}. */
function digitsValue(match: RegExpExecArray): number {
  const { eu, comma } = match.groups ?? {};
  if (eu !== undefined) return Number(eu.replace(/\./g, ''));
  if (comma !== undefined) return Number(comma.replace(',', '.'));
  return Number(match[0].replace(/,/g, ''));
}

/**
 * Every number in the (lower-case) goal, in order: digits, English number words and Chinese
 * numerals.
 *
 * @example
 * ```ts
 * findNumbers('budget fifty thousand, cpa 12').map((n) => n.value); // [50000, 12]
 * ```
 */
export function findNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const { match, span } of findAll(text, new RegExp(DIGITS_SOURCE, 'g'))) {
    tokens.push({ ...span, value: digitsValue(match), kind: 'digits' });
  }
  for (const { match, span } of findAll(text, new RegExp(EN_NUMBER_SOURCE, 'g'))) {
    const value = parseEnglishNumber(match[0]);
    if (value !== undefined) tokens.push({ ...span, value, kind: 'en' });
  }
  for (const { match, span } of findAll(text, new RegExp(ZH_NUMBER_SOURCE, 'g'))) {
    const value = parseChineseNumber(match[0]);
    if (value !== undefined) tokens.push({ ...span, value, kind: 'zh' });
  }
  return tokens.sort((a, b) => a.start - b.start);
}

/**
 * Reads one number written any of the three ways (`12`, `twelve`, `十二`), or `undefined`.
 *
 * @example
 * ```ts
 * parseAnyNumber('两'); // 2
 * ```
 */
export function parseAnyNumber(text: string): number | undefined {
  const t = text.trim().replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  return parseEnglishNumber(t) ?? parseChineseNumber(t);
}
