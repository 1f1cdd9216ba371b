/**
 * Dates and date spans a goal names, resolved against an injected `today`: `2026-12-01`,
 * `Dec 1`, `12月1日`, `tomorrow`, `明天`, `next Monday`, `下周一`, `this month`, `本月`,
 * `this autumn`, `今年秋天`, `in December`, `12月`, `月底`, `before Christmas`, and festivals a date
 * word governs (`by Double 12`, `一直推到双十二`, `until Black Friday`; see `festivals.ts`).
 */
import { findFestivals, nextFestivalDate } from './festivals.js';
import { parseAnyNumber, parseChineseNumber } from './numbers.js';
import {
  addDays,
  addMonths,
  daysInMonth,
  endOfMonth,
  formatDate,
  isValidDate,
  parseDate,
  weekday,
  type YearMonthDay,
} from './dates.js';
import { findAll, isTaken, type Span } from './text.js';

/** A date or a span of dates the goal names. */
export interface DateMention extends Span {
  /** First day, YYYY-MM-DD. */
  readonly first: string;
  /** Last day (included) when the mention is a span: `this month`, a season, `Dec 1-14`. */
  readonly last?: string;
  /** How the goal uses it: `from Dec 1` (start), `until Dec 14` (end), or plain. */
  cue: 'start' | 'end' | 'none';
  /** True when the goal wrote the year; otherwise the next such date on or after today is meant. */
  readonly explicitYear: boolean;
  /** True for a written range (`Dec 1-14`, `12月1日到12月31日`): its end stands even after "from". */
  readonly range: boolean;
}

/** Dates found, and the ones that do not exist (`2026-02-30`), to report. */
export interface DateScan {
  readonly mentions: DateMention[];
  readonly problems: string[];
}

const MONTH_NAMES: readonly (readonly [RegExp, number])[] = [
  [/^jan/, 1],
  [/^feb/, 2],
  [/^mar/, 3],
  [/^apr/, 4],
  [/^may/, 5],
  [/^jun/, 6],
  [/^jul/, 7],
  [/^aug/, 8],
  [/^sep/, 9],
  [/^oct/, 10],
  [/^nov/, 11],
  [/^dec/, 12],
];
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ZH_SMALL = '\\d{1,2}|[一二三四五六七八九十]{1,3}';
const ORD = '(?:st|nd|rd|th)?';

const BEFORE_CHRISTMAS = /\b(?:before|by|until|till|ahead of)\s+christmas\b|圣诞节?(?:前|之前)/g;

const WEEKDAYS_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAYS_ZH = '一二三四五六日';

function monthNumber(name: string): number {
  return MONTH_NAMES.find(([re]) => re.test(name))?.[1] ?? 0;
}

function today0(today: string): YearMonthDay {
  const p = parseDate(today);
  if (!p) throw new RangeError(`today is not a YYYY-MM-DD date: ${today}`);
  return p;
}

/** The next `m`/`d` on or after today (this year, else next year). */
function nextOccurrence(today: string, m: number, d: number): string | undefined {
  const { y } = today0(today);
  for (const year of [y, y + 1]) {
    if (!isValidDate(year, m, d)) continue;
    const iso = formatDate({ y: year, m, d });
    if (iso >= today) return iso;
  }
  return undefined;
}

/**
 * Finds every date and date span in the (lower-case) goal. Spans in `taken` (amounts and their
 * period words) are skipped, so `¥500 a day` is not read as a date.
 *
 * @example
 * ```ts
 * scanDates('starting next monday', '2026-11-29').mentions[0]?.first; // '2026-11-30'
 * ```
 */
export function scanDates(text: string, today: string, taken: readonly Span[] = []): DateScan {
  const used: Span[] = [...taken];
  const mentions: DateMention[] = [];
  const problems: string[] = [];
  const add = (
    span: Span,
    first: string,
    last: string | undefined,
    options: { explicitYear?: boolean; cue?: DateMention['cue']; range?: boolean } = {},
  ): void => {
    used.push(span);
    mentions.push({
      ...span,
      first,
      ...(last === undefined ? {} : { last }),
      cue: options.cue ?? 'none',
      explicitYear: options.explicitYear ?? false,
      range: options.range ?? false,
    });
  };
  const free = (span: Span): boolean => !isTaken(used, span);
  const t = today0(today);

  // Calendar dates with a year: 2026-12-01, 2026/12/01, 2026年12月1日.
  const full = new RegExp(
    `\\b(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})\\b|(\\d{4})年(${ZH_SMALL})月(${ZH_SMALL})[日号]`,
    'g',
  );
  for (const { match, span } of findAll(text, full)) {
    if (!free(span)) continue;
    const y = Number(match[1] ?? match[4]);
    const m = parseAnyNumber(match[2] ?? match[5] ?? '') ?? 0;
    const d = parseAnyNumber(match[3] ?? match[6] ?? '') ?? 0;
    if (!isValidDate(y, m, d)) {
      used.push(span);
      problems.push(`"${match[0]}" is not a date on the calendar.`);
      continue;
    }
    add(span, formatDate({ y, m, d }), undefined, { explicitYear: true });
  }

  // Month and day without a year: 12月1日, 今年12月1日, 明年3月1号, with an optional range tail (至14日).
  const zhDate = new RegExp(
    `(今年|明年)?(${ZH_SMALL})月(${ZH_SMALL})[日号](?:\\s*(?:-|~|到|至)\\s*(?:(${ZH_SMALL})月)?(${ZH_SMALL})[日号])?`,
    'g',
  );
  for (const { match, span } of findAll(text, zhDate)) {
    if (!free(span)) continue;
    const m = parseAnyNumber(match[2] ?? '') ?? 0;
    const d = parseAnyNumber(match[3] ?? '') ?? 0;
    const year = match[1] === '今年' ? t.y : match[1] === '明年' ? t.y + 1 : undefined;
    const first = resolveMonthDay(today, m, d, year);
    if (!first) {
      used.push(span);
      problems.push(`"${match[0]}" is not a date on the calendar.`);
      continue;
    }
    const last = match[5] === undefined ? undefined : rangeEnd(first, match[4], match[5]);
    add(span, first, last, { explicitYear: year !== undefined, range: last !== undefined });
  }

  // English day ranges before the month: 5th-18th December, the 5th to the 18th of December,
  // between 1 and 24 December (`and` only after `between`: "the 5th and 18th" are two days).
  const dayRange = new RegExp(
    `\\b(between\\s+)?(?:the\\s+)?(\\d{1,2})${ORD}\\s*(-|~|to|until|till|through|thru|and)\\s*(?:the\\s+)?(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTHS})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`,
    'g',
  );
  for (const { match, span } of findAll(text, dayRange)) {
    if (!free(span) || (match[3] === 'and' && match[1] === undefined)) continue;
    const m = monthNumber(match[5] ?? '');
    const year = match[6] === undefined ? undefined : Number(match[6]);
    const first = resolveMonthDay(today, m, Number(match[2]), year);
    const last = first === undefined ? undefined : rangeEnd(first, undefined, match[4] ?? '');
    if (!first || !last) {
      used.push(span);
      problems.push(`"${match[0]}" is not a date range on the calendar.`);
      continue;
    }
    add(span, first, last, { explicitYear: year !== undefined, range: true });
  }

  // English: Dec 1, December 1st, 1 Dec, 1st of December, Dec 1, 2026; range tail Dec 1-14.
  const tail = `(?:\\s*(?:-|~|to|through|till|until)\\s*(?:(${MONTHS})\\.?\\s+)?(\\d{1,2})${ORD}\\b(?!\\s*(?:[a-z]|%)))?`;
  const enDate = new RegExp(
    `\\b(?:(${MONTHS})\\.?\\s+(\\d{1,2})${ORD}|(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTHS}))\\b\\.?(?:,?\\s+(\\d{4})\\b)?${tail}`,
    'g',
  );
  for (const { match, span } of findAll(text, enDate)) {
    if (!free(span)) continue;
    const m = monthNumber(match[1] ?? match[4] ?? '');
    const d = Number(match[2] ?? match[3]);
    const year = match[5] === undefined ? undefined : Number(match[5]);
    const first = resolveMonthDay(today, m, d, year);
    if (!first) {
      used.push(span);
      problems.push(`"${match[0]}" is not a date on the calendar.`);
      continue;
    }
    const lastMonth = match[6] === undefined ? undefined : String(monthNumber(match[6]));
    const last = match[7] === undefined ? undefined : rangeEnd(first, lastMonth, match[7]);
    add(span, first, last, { explicitYear: year !== undefined, range: last !== undefined });
  }

  // "Before/by/until Christmas": Christmas Eve, the last day to sell a gift. The words are inside
  // the match, so the cue is set here.
  for (const { span } of findAll(text, BEFORE_CHRISTMAS)) {
    const first = nextOccurrence(today, 12, 24);
    if (free(span) && first !== undefined) add(span, first, undefined, { cue: 'end' });
  }

  // Before the relative patterns, so the `friday` of Black Friday is not next Friday.
  let festivalStart: string | undefined;
  for (const festival of findFestivals(text)) {
    const span = { start: festival.start, end: festival.end };
    if (!free(span)) continue;
    // "From Black Friday to Cyber Monday": the end is the first one after the start.
    const from = festival.cue === 'end' && festivalStart !== undefined ? festivalStart : today;
    const first = festival.cue === 'none' ? undefined : nextFestivalDate(festival, from);
    // An ungoverned name ("Christmas gift boxes") is a theme, not a date; its words stay unread.
    if (first === undefined) used.push(span);
    else add(span, first, undefined, { cue: festival.cue });
    if (festival.cue === 'start') festivalStart = first;
  }

  for (const [re, resolve] of relativePatterns(t)) {
    for (const { match, span } of findAll(text, re)) {
      if (!free(span)) continue;
      const r = resolve(match, today);
      if (r) add(span, r.first, r.last, r.cue === undefined ? {} : { cue: r.cue });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, problems };
}

function resolveMonthDay(today: string, m: number, d: number, year: number | undefined): string | undefined {
  if (year !== undefined) return isValidDate(year, m, d) ? formatDate({ y: year, m, d }) : undefined;
  return nextOccurrence(today, m, d);
}

/** The end of `Dec 1-14` / `12月1日至14日`: same month unless the tail names one; after `first`. */
function rangeEnd(first: string, monthText: string | undefined, dayText: string): string | undefined {
  const p = parseDate(first);
  if (!p) return undefined;
  const m = monthText === undefined ? p.m : (parseAnyNumber(monthText) ?? p.m);
  const d = parseAnyNumber(dayText) ?? 0;
  for (const y of [p.y, p.y + 1]) {
    if (!isValidDate(y, m, d)) continue;
    const iso = formatDate({ y, m, d });
    if (iso >= first) return iso;
  }
  return undefined;
}

type Resolved = { first: string; last?: string; cue?: 'end' | undefined };
type Resolver = (match: RegExpExecArray, today: string) => Resolved | undefined;

function relativePatterns(t: YearMonthDay): (readonly [RegExp, Resolver])[] {
  const mondayOf = (iso: string): string => addDays(iso, -weekday(iso));
  return [
    // The end of a named month ends the campaign: `through the end of December`, `till end of
    // Jan`, `by the end of next month`. Before `next month`, which would take its last words.
    [
      new RegExp(`\\b(?:the\\s+)?end\\s+of\\s+(?:(next)\\s+month|(${MONTHS}))\\b\\.?`, 'g'),
      (m, today) => {
        const month =
          m[1] === undefined
            ? wholeMonth(today, monthNumber(m[2] ?? ''), true)
            : { first: endOfMonth(addMonths(`${today.slice(0, 8)}01`, 1)) };
        return month && { first: month.first, cue: 'end' };
      },
    ],
    [/\bmonth[\s-]end\b/g, (_, today) => ({ first: endOfMonth(today), cue: 'end' })],
    [/\byear[\s-]end\b/g, (_, today) => ({ first: `${today.slice(0, 4)}-12-31`, cue: 'end' })],
    [
      /\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week\b/g,
      (_, today) => ({ first: addDays(mondayOf(today), 6), cue: 'end' }),
    ],
    [
      /\b(?:the\s+)?end\s+of\s+next\s+week\b/g,
      (_, today) => ({ first: addDays(mondayOf(today), 13), cue: 'end' }),
    ],
    // `for the rest of the month`: from today to its last day.
    [
      /\b(?:the\s+)?(?:rest|remainder)\s+of\s+(?:the\s+|this\s+)?(month|week|year)\b/g,
      (m, today) => {
        const last =
          m[1] === 'month'
            ? endOfMonth(today)
            : m[1] === 'week'
              ? addDays(mondayOf(today), 6)
              : `${today.slice(0, 4)}-12-31`;
        return { first: today, last };
      },
    ],
    // Before relative days, so "the day after tomorrow" is not read as "tomorrow".
    [/\bthe day after tomorrow\b|后天/g, (_, today) => ({ first: addDays(today, 2) })],
    [
      /\b(?:today|tonight|now|immediately|right away|asap)\b|今天|今日|即日|立即|马上|现在/g,
      (_, today) => ({ first: today }),
    ],
    [/\btomorrow\b|明天|明日/g, (_, today) => ({ first: addDays(today, 1) })],
    [
      new RegExp(`\\b(next|this coming|this|coming|on)?\\s*\\b(${WEEKDAYS_EN.join('|')})\\b`, 'g'),
      (m, today) => weekdayDate(today, m[1], WEEKDAYS_EN.indexOf(m[2] ?? '')),
    ],
    [
      new RegExp(
        `(?<![\\d零一二两三四五六七八九十每第])(下下|下个?|本|这个?)?(?:周|星期|礼拜)([${WEEKDAYS_ZH}天])`,
        'g',
      ),
      (m, today) => {
        const index = m[2] === '天' ? 6 : WEEKDAYS_ZH.indexOf(m[2] ?? '');
        return weekdayDate(today, zhWeekPrefix(m[1]), index);
      },
    ],
    // Only a weekend the goal points to: "weekend cooking classes" and 周末特价 name no dates.
    [
      /\b(?:this(?:\s+coming)?|the\s+coming|coming)\s+weekend\b|本周末|这个?周末/g,
      (_, today) => weekend(today),
    ],
    [
      /\bnext\s+weekend\b|下个?周末/g,
      (_, today) => {
        // Like "next Monday": the weekend of next week.
        const saturday = addDays(mondayOf(today), 12);
        return { first: saturday, last: addDays(saturday, 1) };
      },
    ],
    [
      /\bthis week\b|(?:本|这个?)(?:周|星期|礼拜)(?![一二三四五六日天末])/g,
      (_, today) => ({ first: today, last: addDays(mondayOf(today), 6) }),
    ],
    [
      /\bnext week\b|下个?(?:周|星期|礼拜)(?![一二三四五六日天末])/g,
      (_, today) => ({ first: addDays(mondayOf(today), 7), last: addDays(mondayOf(today), 13) }),
    ],
    [/\bthis month\b|本月|这个?月|当月/g, (_, today) => ({ first: today, last: endOfMonth(today) })],
    [
      /\bnext month\b|下个?月/g,
      (_, today) => {
        const first = addMonths(`${today.slice(0, 8)}01`, 1);
        return { first, last: endOfMonth(first) };
      },
    ],
    // Before 月底, so that 12月底 is the end of December, not of this month.
    [
      new RegExp(
        // Not `3个月`, `每月`, `上月`…, but `整个12月` is December.
        `(?<![每本上下这几数第\\d一二三四五六七八九十]|(?<!整)个)(${ZH_SMALL})月(底|末)?份?(?![\\d一二三四五六七八九十日号初中])`,
        'g',
      ),
      (m, today) => wholeMonth(today, parseChineseOrDigits(m[1] ?? ''), m[2] !== undefined),
    ],
    [
      new RegExp(
        `\\b(in|during|for|throughout|through|across|all of|all|this|next|over|(?:the\\s+)?whole\\s+of|(?:the\\s+)?entire(?:\\s+month\\s+of)?|the\\s+month\\s+of)\\s+(${MONTHS})\\b(?!\\.?\\s*\\d)`,
        'g',
      ),
      (m, today) => wholeMonth(today, monthNumber(m[2] ?? ''), false, m[1] === 'next'),
    ],
    // `a £3k December budget`, `our January campaign`: the month is the campaign's span (not the
    // verb in "we may push").
    [
      new RegExp(`\\b(${MONTHS})\\s+(?=(?:budget|campaign|push|promo|promotion)\\b)`, 'g'),
      (m, today) => (m[1] === 'may' ? undefined : wholeMonth(today, monthNumber(m[1] ?? ''), false)),
    ],
    [/\b(?:the )?end of (?:the |this )?month\b|月底|月末/g, (_, today) => ({ first: endOfMonth(today) })],
    [
      /\b(?:the )?end of (?:the |this )?year\b|年底|年末/g,
      (_, today) => ({ first: `${today.slice(0, 4)}-12-31` }),
    ],
    [
      /\b(?:(this|next|the coming|coming|in the|in|during the|during|for the|for|over the|throughout the|throughout)\s+)(spring|summer|autumn|fall|winter)\b/g,
      (m, today) => season(today, m[2] ?? '', m[1] === 'next' ? 'next' : 'this'),
    ],
    [
      /(今年|明年|这个|今|明)?(春天|春季|夏天|夏季|秋天|秋季|冬天|冬季)|(今|明)(春|夏|秋|冬)(?![天季])/g,
      (m, today) => {
        const which = m[1] ?? m[3];
        const name = (m[2] ?? m[4] ?? '').slice(0, 1);
        return season(today, name, which === '明年' || which === '明' ? 'nextYear' : 'this');
      },
    ],
    [
      /\bthis year\b|今年(?![\d一二三四五六七八九十春夏秋冬的])/g,
      (_, today) => ({ first: today, last: `${today.slice(0, 4)}-12-31` }),
    ],
    [
      /\bnext year\b|明年(?![\d一二三四五六七八九十春夏秋冬的])/g,
      () => ({ first: `${t.y + 1}-01-01`, last: `${t.y + 1}-12-31` }),
    ],
  ];
}

/** 下周五 → next week; 下下周五 → the week after; 本周五 / 这周五 / 周五 → the coming one. */
function zhWeekPrefix(prefix: string | undefined): string | undefined {
  if (prefix === undefined) return undefined;
  if (prefix.startsWith('下下')) return 'next2';
  return prefix.startsWith('下') ? 'next' : 'this';
}

function parseChineseOrDigits(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : (parseChineseNumber(text) ?? 0);
}

function weekdayDate(
  today: string,
  prefix: string | undefined,
  index: number,
): { first: string } | undefined {
  if (index < 0 || index > 6) return undefined;
  const monday = addDays(today, -weekday(today));
  // "next Monday" / 下周一: the Monday of next week. "this Friday", "on Friday", 周五: the coming one.
  if (prefix === 'next') return { first: addDays(monday, 7 + index) };
  if (prefix === 'next2') return { first: addDays(monday, 14 + index) };
  const thisWeek = addDays(monday, index);
  return { first: thisWeek >= today ? thisWeek : addDays(thisWeek, 7) };
}

function weekend(today: string): { first: string; last: string } {
  const wd = weekday(today);
  if (wd >= 5) return { first: today, last: addDays(today, 6 - wd) };
  return { first: addDays(today, 5 - wd), last: addDays(today, 6 - wd) };
}

const SEASON_MONTHS: Readonly<Record<string, number>> = {
  spring: 3,
  春: 3,
  summer: 6,
  夏: 6,
  autumn: 9,
  fall: 9,
  秋: 9,
  winter: 12,
  冬: 12,
};

/**
 * A season's span (meteorological, northern hemisphere: autumn is September to November).
 * `this` is the first occurrence not yet over, starting today when it has begun; `next` the first
 * that has not begun (in November, "next spring" and "this spring" are the same spring);
 * `nextYear` the one that starts next year.
 */
function season(
  today: string,
  name: string,
  which: 'this' | 'next' | 'nextYear',
): { first: string; last: string } | undefined {
  const startMonth = SEASON_MONTHS[name];
  if (startMonth === undefined) return undefined;
  const { y } = today0(today);
  const spans = [y - 1, y, y + 1, y + 2].map((year) => {
    const first = formatDate({ y: year, m: startMonth, d: 1 });
    const last = addDays(addMonths(first, 3), -1);
    return { year, first, last };
  });
  if (which === 'nextYear') {
    const s = spans.find((x) => x.year === y + 1);
    return s && { first: s.first, last: s.last };
  }
  // "this" is the season under way or coming; "next" the first one that has not begun yet.
  const chosen = which === 'next' ? spans.find((x) => x.first > today) : spans.find((x) => x.last >= today);
  if (!chosen) return undefined;
  return { first: chosen.first > today ? chosen.first : today, last: chosen.last };
}

/** A whole calendar month (`in December`, `12月`), or its last day (`12月底`). */
function wholeMonth(
  today: string,
  m: number,
  endOnly: boolean,
  next = false,
): { first: string; last?: string } | undefined {
  if (m < 1 || m > 12) return undefined;
  const { y, m: m0 } = today0(today);
  const year = m < m0 || (next && m === m0) ? y + 1 : y;
  const first = formatDate({ y: year, m, d: 1 });
  const last = formatDate({ y: year, m, d: daysInMonth(year, m) });
  if (endOnly) return { first: last };
  return { first: first > today ? first : today, last };
}
