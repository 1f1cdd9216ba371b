/**
 * How long a campaign runs: `two weeks`, `for 10 days`, `a fortnight`, `the next fortnight`,
 * `over the coming week`, `next 3 weeks`, `一个月`, `两周`, `持续两周`, `10天`, `为期半个月`. Also
 * the offsets that move a start (`3天后`, `starting in 3 days`).
 */
import { addDays, addMonths, daysBetween } from './dates.js';
import { EN_NUMBER_SOURCE, parseAnyNumber } from './numbers.js';
import { findAll, isTaken, type Span } from './text.js';

/** A length of time the goal names. */
export interface Duration extends Span {
  readonly count: number;
  readonly unit: 'day' | 'week' | 'month' | 'year';
  /** `next 3 weeks`, `未来两周`: the span starts today. */
  readonly anchored: boolean;
  /** `3天后`, `starting in 3 days`: an offset from today to the start, not a duration. */
  readonly offset: boolean;
}

const COUNT = `\\d+|${EN_NUMBER_SOURCE}|a couple of|couple of|a few|few|several|an|a`;

const EN_DURATION = new RegExp(
  `\\b(?:(for|over|during|across|lasting|running|run|within|in|spanning)\\s+)?(?:the\\s+)?(?:(next|coming|following|upcoming|first)\\s+)?(${COUNT})[\\s-]*(day|week|month|year|fortnight)s?\\b(?![\\s-]*olds?\\b)(\\s+from\\s+(?:now|today))?`,
  'g',
);

/**
 * `the next fortnight`, `over the coming week`, `the coming month`: one unit from today, with no
 * count. (`next week` and `next month` alone are calendar spans, read in `date-mentions.ts`.)
 */
const EN_COMING_UNIT =
  /\b(?:(?:for|over|during|across|within|in)\s+)?(?:the\s+|this\s+)?(?:(?:next|following)\s+(fortnight)|(?:coming|upcoming)\s+(fortnight|week|month))\b/g;

const ZH_DURATION =
  /(持续|为期|共|一共|总共|连续|跑|投放|推广|未来的?|接下来的?|近|最近)?(\d+|[零一二两三四五六七八九十百半]+)\s*(个月|个星期|个礼拜|个周|天|日|周|星期|礼拜|年)(后|以后|之后|内|以内)?/g;

const START_WORDS =
  /\b(?:start|starts|starting|launch|launches|launching|begin|begins|beginning|go live|going live|kick off)\s*$/;

function enCount(text: string): number | undefined {
  if (/^(?:a couple of|couple of)$/.test(text)) return 2;
  if (/^(?:a few|few|several)$/.test(text)) return 3;
  if (text === 'a' || text === 'an') return 1;
  return parseAnyNumber(text);
}

function unitOf(word: string): { unit: Duration['unit']; factor: number } {
  if (word === 'fortnight') return { unit: 'day', factor: 14 };
  if (/^(?:week|周|星期|礼拜|个星期|个礼拜|个周)$/.test(word)) return { unit: 'week', factor: 1 };
  if (/^(?:month|个月)$/.test(word)) return { unit: 'month', factor: 1 };
  if (/^(?:year|年)$/.test(word)) return { unit: 'year', factor: 1 };
  return { unit: 'day', factor: 1 };
}

/**
 * Finds durations and start offsets, skipping `taken` spans (amounts and their period words, so
 * the `a day` of `¥500 a day` is not a one-day campaign) and ages (`25-40 year olds`).
 *
 * @example
 * ```ts
 * findDurations('持续两周', [])[0]; // { count: 2, unit: 'week', anchored: false, offset: false, ... }
 * ```
 */
export function findDurations(text: string, taken: readonly Span[]): Duration[] {
  const out: Duration[] = [];
  for (const { match, span } of findAll(text, EN_DURATION)) {
    if (isTaken(taken, span)) continue;
    const [, prefix, next, countText = '', unitWord = '', fromNow] = match;
    // A bare "a day" is an article; "for a day", "next a"... need a preposition or "next".
    if ((countText === 'a' || countText === 'an') && prefix === undefined && next === undefined) {
      if (unitWord !== 'fortnight') continue;
    }
    const count = enCount(countText);
    if (count === undefined || count <= 0) continue;
    const { unit, factor } = unitOf(unitWord);
    const offset =
      fromNow !== undefined ||
      (prefix === 'in' && next === undefined && START_WORDS.test(text.slice(0, span.start)));
    out.push({
      ...span,
      count: count * factor,
      unit,
      anchored: next !== undefined && next !== 'first',
      offset,
    });
  }
  for (const { match, span } of findAll(text, EN_COMING_UNIT)) {
    if (isTaken(taken, span) || out.some((d) => d.start < span.end && span.start < d.end)) continue;
    const { unit, factor } = unitOf(match[1] ?? match[2] ?? '');
    out.push({ ...span, count: factor, unit, anchored: true, offset: false });
  }
  for (const { match, span } of findAll(text, ZH_DURATION)) {
    if (isTaken(taken, span)) continue;
    const [, prefix, countText = '', unitWord = '', suffix] = match;
    const before = text[span.start - 1] ?? '';
    if (prefix === undefined && /[第每\d]/.test(before)) continue;
    // 日 and 年 are dates (`1日`, `2026年`) unless a word such as 持续 or 为期 comes first.
    if ((unitWord === '日' || unitWord === '年') && !/^(?:持续|为期|共|一共|总共|连续)$/.test(prefix ?? ''))
      continue;
    const { unit } = unitOf(unitWord);
    let count = countText === '半' ? 0.5 : parseAnyNumber(countText);
    if (count === undefined || count <= 0) continue;
    let finalUnit = unit;
    if (count === 0.5) {
      // 半个月 is 15 days, 半年 six months.
      if (unit === 'month') [count, finalUnit] = [15, 'day'];
      else if (unit === 'year') [count, finalUnit] = [6, 'month'];
      else continue;
    }
    out.push({
      ...span,
      count,
      unit: finalUnit,
      anchored: /^(?:未来|接下来|近|最近)/.test(prefix ?? ''),
      offset: suffix !== undefined && /^(?:后|以后|之后)$/.test(suffix),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A duration in days, counted from `start`: months and years are calendar months from the start
 * (a month from 2026-01-31 ends on 2026-02-28), so "一个月" from Nov 29 is 30 days.
 *
 * @example
 * ```ts
 * durationDays({ count: 2, unit: 'week' }, '2026-11-29'); // 14
 * ```
 */
export function durationDays(d: Pick<Duration, 'count' | 'unit'>, start: string): number {
  if (d.unit === 'day') return d.count;
  if (d.unit === 'week') return d.count * 7;
  const months = d.unit === 'year' ? d.count * 12 : d.count;
  // Past ten years the exact calendar no longer matters: the schedule refuses it anyway.
  if (months > MAX_MONTHS) return months * 31;
  return daysBetween(start, addMonths(start, months));
}

const MAX_MONTHS = 240;

/** The date a start offset (`3天后`) points to, or `undefined` when it is decades away. */
export function offsetFrom(d: Pick<Duration, 'count' | 'unit'>, today: string): string | undefined {
  const days = durationDays(d, today);
  if (days > MAX_MONTHS * 31) return undefined;
  if (d.unit === 'day' || d.unit === 'week') return addDays(today, days);
  return addMonths(today, d.unit === 'year' ? d.count * 12 : d.count);
}
