/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so that no time zone shifts a day.
 * The parser never reads the clock: every "today" is injected.
 */

/** A calendar date. Months are 1-12. */
export interface YearMonthDay {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const DAY_MS = 86_400_000;

/** Days in a month (1-12) of a year. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when the numbers name a real calendar date. */
export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** `YYYY-MM-DD` of a date. */
export function formatDate({ y, m, d }: YearMonthDay): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Parses a strict `YYYY-MM-DD` date, or returns `undefined` (also for `2026-02-30`).
 *
 * @example
 * ```ts
 * parseDate('2026-11-29'); // { y: 2026, m: 11, d: 29 }
 * ```
 */
export function parseDate(iso: string): YearMonthDay | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? { y, m: mo, d } : undefined;
}

function toDay(iso: string): number {
  const p = parseDate(iso);
  if (!p) throw new RangeError(`Not a YYYY-MM-DD date: ${iso}`);
  return Date.UTC(p.y, p.m - 1, p.d) / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The date `n` days after `iso` (before, when `n` is negative).
 *
 * @example
 * ```ts
 * addDays('2026-11-29', 2); // '2026-12-01'
 * ```
 */
export function addDays(iso: string, n: number): string {
  return fromDay(toDay(iso) + n);
}

/** Whole days from `a` to `b` (`b - a`). */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

/** Days from `start` to `end`, both included. */
export function inclusiveDays(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

/** Day of the week, Monday = 0 … Sunday = 6. */
export function weekday(iso: string): number {
  return (new Date(toDay(iso) * DAY_MS).getUTCDay() + 6) % 7;
}

/**
 * The same day `n` calendar months later, clamped to the month's last day (Jan 31 + 1 month is
 * Feb 28).
 *
 * @example
 * ```ts
 * addMonths('2026-01-31', 1); // '2026-02-28'
 * ```
 */
export function addMonths(iso: string, n: number): string {
  const p = parseDate(iso);
  if (!p) throw new RangeError(`Not a YYYY-MM-DD date: ${iso}`);
  const index = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatDate({ y, m, d: Math.min(p.d, daysInMonth(y, m)) });
}

/** The last day of the month `iso` falls in. */
export function endOfMonth(iso: string): string {
  const p = parseDate(iso);
  if (!p) throw new RangeError(`Not a YYYY-MM-DD date: ${iso}`);
  return formatDate({ y: p.y, m: p.m, d: daysInMonth(p.y, p.m) });
}

/** True when `a` is before `b`. ISO dates compare as strings. */
export function isBefore(a: string, b: string): boolean {
  return a < b;
}
