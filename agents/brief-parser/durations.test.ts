import { describe, expect, it } from 'vitest';
import { durationDays, findDurations, offsetFrom } from './durations.js';

function days(text: string, start = '2026-11-29'): number | undefined {
  const d = findDurations(text, []).find((x) => !x.offset);
  return d && durationDays(d, start);
}

describe('findDurations', () => {
  it.each([
    ['for two weeks', 14],
    ['for 10 days', 10],
    ['3 weeks', 21],
    ['a two-week campaign', 14],
    ['for a week', 7],
    ['a fortnight', 14],
    ['for a couple of weeks', 14],
    ['for a few days', 3],
    ['for twelve days', 12],
    ['一个月', 30],
    ['两周', 14],
    ['持续两周', 14],
    ['10天', 10],
    ['为期10日', 10],
    ['两个星期', 14],
    ['半个月', 15],
    ['持续三个月', 91],
  ])('%s → %d days', (text, n) => {
    expect(days(text)).toBe(n);
  });

  it('counts months as calendar months from the start', () => {
    expect(days('for a month', '2026-02-01')).toBe(28);
    expect(days('for a month', '2026-11-29')).toBe(30);
  });

  it('marks "next 3 weeks" and 未来两周 as starting today', () => {
    expect(findDurations('next 3 weeks', [])[0]).toMatchObject({ count: 3, unit: 'week', anchored: true });
    expect(findDurations('未来两周', [])[0]).toMatchObject({ count: 2, unit: 'week', anchored: true });
    expect(findDurations('for two weeks', [])[0]).toMatchObject({ anchored: false });
  });

  it('reads 3天后 and "starting in 3 days" as offsets of the start', () => {
    const [zh] = findDurations('3天后开始', []);
    expect(zh).toMatchObject({ offset: true });
    expect(zh && offsetFrom(zh, '2026-11-29')).toBe('2026-12-02');
    expect(findDurations('starting in 3 days', [])[0]).toMatchObject({ offset: true });
  });

  it('skips articles, ages, dates, and spans already taken', () => {
    expect(findDurations('once a day', [])).toEqual([]);
    expect(findDurations('25-40 year olds', [])).toEqual([]);
    expect(findDurations('12月1日, 2026年', [])).toEqual([]);
    expect(findDurations('第一周', [])).toEqual([]);
    expect(findDurations('¥500 a day', [{ start: 4, end: 10 }])).toEqual([]);
  });
});

describe('findDurations: one unit with no count', () => {
  it.each([
    ['over the next fortnight', 14],
    ['the coming fortnight', 14],
    ['over the coming week', 7],
    ['this coming week', 7],
    ['for the coming month', 30],
  ])('%s → %d days, starting today', (text, n) => {
    const [d] = findDurations(text, []);
    expect(d && durationDays(d, '2026-11-29')).toBe(n);
    expect(d?.anchored).toBe(true);
  });

  it('leaves next week and next month to the calendar', () => {
    expect(findDurations('next week', [])).toEqual([]);
    expect(findDurations('next month', [])).toEqual([]);
  });
});
