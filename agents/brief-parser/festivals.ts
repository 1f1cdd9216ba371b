/**
 * Shopping festivals and holidays a goal may end or start on: `双十一` / `Double 11` / `11.11`,
 * `双十二` / `Double 12`, `618`, `Black Friday`, `Cyber Monday`, `Christmas`, `New Year's Day` /
 * `元旦`, `Valentine's Day` / `情人节`, `Halloween` / `万圣节`.
 *
 * A festival name is a date only when a date word governs it (`by Double 12`, `until Black
 * Friday`, `从今天一直推到双十二`, `双十一前`, `from 618`): "Christmas gift boxes" and "双十一大促的
 * 爆款" name a theme, not the campaign's end. Every name is found, cued or not, so that its digits
 * (`11` of `Double 11`, `618`) are never read as money.
 */
import { addDays, formatDate, isValidDate, parseDate, weekday } from './dates.js';
import { findAll, type Span } from './text.js';

/** The festivals the parser knows. */
export type FestivalId =
  | 'singles-day'
  | 'double-12'
  | '618'
  | 'black-friday'
  | 'cyber-monday'
  | 'christmas'
  | 'christmas-eve'
  | 'new-years-eve'
  | 'new-years-day'
  | 'valentines-day'
  | 'halloween';

/** A festival name in the goal. */
export interface FestivalMention extends Span {
  readonly id: FestivalId;
  /** How the goal uses it: `by Double 12` ends the campaign, `from 618` starts it, else `none`. */
  readonly cue: 'start' | 'end' | 'none';
  /** True for `before X`, `X前`, `ahead of X`: the campaign ends the day before. */
  readonly dayBefore: boolean;
  /** True for the e-commerce sales days (Double 11/12, 618, Black Friday, Cyber Monday). */
  readonly shopping: boolean;
}

/** Money right after a number: `618元` and `11.11 dollars` are amounts, not festivals. */
const MONEY_AFTER =
  /^\s*(?:%|元|块|万|千|百|亿|人民币|美元|英镑|欧元|港币|港元|(?:k|w|m|rmb|cny|yuan|usd|dollars?|bucks|gbp|pounds?|eur|euros?|hkd)\b)/;
const MONEY_BEFORE = /(?:[$£€¥]|\b(?:rmb|cny|usd|gbp|eur|hkd)\s*)$/;

/** Words that make a bare `618` the festival: `618大促`, `618 sale`. */
const SIX18_WORD =
  /^\s*(?:大促|购物节|年中大促|年中购物节|活动|促销|当天|期间|前|之前|以前|为止|结束|(?:mid-year\s+)?(?:sale|sales|shopping festival|festival|promotion|promo)\b)/;

const FESTIVALS: readonly (readonly [FestivalId, RegExp, boolean])[] = [
  [
    'singles-day',
    /\bdouble[\s-]?(?:11|eleven)\b|\bsingles'?\s?day\b|(?<![\d.$£€¥])11\.11(?![\d.])|双\s?(?:11|十一)(?![\d十])|光棍节/g,
    true,
  ],
  [
    'double-12',
    /\bdouble[\s-]?(?:12|twelve)\b|(?<![\d.$£€¥])12\.12(?![\d.])|双\s?(?:12|十二)(?![\d十])/g,
    true,
  ],
  ['618', /(?<![\d.,$£€¥])618(?![\d%]|[.,]\d)/g, true],
  ['black-friday', /\bblack\s+friday\b|黑色星期五|黑五(?![类])/g, true],
  ['cyber-monday', /\bcyber\s+monday\b|网络星期一/g, true],
  ['christmas-eve', /\bchristmas\s+eve\b|\bxmas\s+eve\b|平安夜/g, false],
  ['christmas', /\b(?:christmas|xmas)(?:\s+day)?\b|圣诞节?/g, false],
  ['new-years-eve', /\bnew\s+year'?s\s+eve\b|跨年夜/g, false],
  ['new-years-day', /\bnew\s+year'?s(?:\s+day)?\b|元旦/g, false],
  ['valentines-day', /\b(?:st\.?\s+)?valentine'?s(?:\s+day)?\b|情人节(?!礼)/g, false],
  ['halloween', /\bhalloween\b|万圣节/g, false],
];

/** Month and day of a festival in a year (Black Friday: the day after the 4th Thursday of November). */
function festivalDay(id: FestivalId, year: number): { m: number; d: number } {
  switch (id) {
    case 'singles-day':
      return { m: 11, d: 11 };
    case 'double-12':
      return { m: 12, d: 12 };
    case '618':
      return { m: 6, d: 18 };
    case 'black-friday':
    case 'cyber-monday': {
      const firstThursday = 1 + ((3 - weekday(formatDate({ y: year, m: 11, d: 1 })) + 7) % 7);
      return { m: 11, d: firstThursday + 21 + (id === 'black-friday' ? 1 : 4) };
    }
    case 'christmas':
      return { m: 12, d: 25 };
    case 'christmas-eve':
      return { m: 12, d: 24 };
    case 'new-years-eve':
      return { m: 12, d: 31 };
    case 'new-years-day':
      return { m: 1, d: 1 };
    case 'valentines-day':
      return { m: 2, d: 14 };
    case 'halloween':
      return { m: 10, d: 31 };
  }
}

/**
 * The festival's date in a year, `YYYY-MM-DD`. Cyber Monday can fall in December.
 *
 * @example
 * ```ts
 * festivalDate('black-friday', 2026); // '2026-11-27'
 * ```
 */
export function festivalDate(id: FestivalId, year: number): string {
  const { m, d } = festivalDay(id, year);
  if (isValidDate(year, m, d)) return formatDate({ y: year, m, d });
  return addDays(formatDate({ y: year, m, d: 1 }), d - 1);
}

/**
 * The next date on or after `today` a festival mention points to (the day before it for
 * `before X`).
 *
 * @example
 * ```ts
 * nextFestivalDate({ id: 'double-12', dayBefore: false }, '2026-11-29'); // '2026-12-12'
 * ```
 */
export function nextFestivalDate(
  mention: Pick<FestivalMention, 'id' | 'dayBefore'>,
  today: string,
): string | undefined {
  const year = parseDate(today)?.y;
  if (year === undefined) return undefined;
  for (const y of [year, year + 1]) {
    const iso = addDays(festivalDate(mention.id, y), mention.dayBefore ? -1 : 0);
    if (iso >= today) return iso;
  }
  return undefined;
}

const END_BEFORE =
  /(?:\b(?:by|until|till|til|through|thru|to|up to|ending(?: on)?|ends?(?: on)?|before|ahead of|in time for)(?:\s+the)?|到|至|直到|一直到|截止到?|截至)\s*$/;
const END_AFTER = /^\s*(?:前|之前|以前|为止|结束|截止)/;
const START_BEFORE =
  /(?:\b(?:from|since|starting(?: on| from)?|beginning(?: on| from)?|after)(?:\s+the)?|从|自)\s*$/;
const START_AFTER = /^\s*(?:开始|起|以后|之后|后)/;
/** English words that may follow a governed festival name: `by Double 12, budget…`, `until Black Friday on JD`. */
const FOLLOWER_OK =
  /^\s+(?:on|in|at|and|or|with|for|via|across|to|through|thru|till|until|budget|spend|daily|total|we|i|then|sale|sales|shopping|festival|promotion|promo|event|peak|deadline)\b/;

function cueOf(text: string, span: Span): Pick<FestivalMention, 'cue' | 'dayBefore'> {
  const before = text.slice(Math.max(0, span.start - 24), span.start);
  const after = text.slice(span.end, span.end + 8);
  const endBefore = END_BEFORE.exec(before);
  const endAfter = END_AFTER.exec(after);
  // "Sell to Christmas shoppers": after an ambiguous `to` or `from`, the name must not be a modifier.
  const modifier = /^\s+[a-z]/.test(text.slice(span.end)) && !FOLLOWER_OK.test(text.slice(span.end));
  if (endBefore && !(modifier && /\bto\s*$/.test(endBefore[0]))) {
    return { cue: 'end', dayBefore: /before|ahead of|in time for/.test(endBefore[0]) };
  }
  if (endAfter) return { cue: 'end', dayBefore: /前/.test(endAfter[0]) };
  const startBefore = START_BEFORE.exec(before);
  if (startBefore && !(modifier && /\bfrom\s*$/.test(startBefore[0])))
    return { cue: 'start', dayBefore: false };
  if (START_AFTER.test(after)) return { cue: 'start', dayBefore: false };
  return { cue: 'none', dayBefore: false };
}

/**
 * Every festival name in the (lower-case) goal, cued or not.
 *
 * @example
 * ```ts
 * findFestivals('sell air fryers by double 12')[0]; // { id: 'double-12', cue: 'end', ... }
 * ```
 */
export function findFestivals(text: string): FestivalMention[] {
  const out: FestivalMention[] = [];
  for (const [id, re, shopping] of FESTIVALS) {
    for (const { span } of findAll(text, re)) {
      if (out.some((f) => f.start < span.end && span.start < f.end)) continue;
      if (/^\d/.test(text.slice(span.start, span.end))) {
        // `618元`, `$11.11` are money.
        if (MONEY_AFTER.test(text.slice(span.end)) || MONEY_BEFORE.test(text.slice(0, span.start))) continue;
      }
      const cue = cueOf(text, span);
      if (id === '618' && cue.cue === 'none' && !SIX18_WORD.test(text.slice(span.end))) continue;
      out.push({ ...span, id, shopping, ...cue });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
