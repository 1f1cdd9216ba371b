import { describe, expect, it } from 'vitest';
import { scanDates } from './date-mentions.js';

const TODAY = '2026-11-29'; // Sunday

function first(text: string, today = TODAY): { first: string; last?: string } | undefined {
  const m = scanDates(text, today).mentions[0];
  return m && { first: m.first, ...(m.last === undefined ? {} : { last: m.last }) };
}

describe('scanDates', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['2026/12/05', '2026-12-05'],
    ['2027年1月3日', '2027-01-03'],
    ['dec 1', '2026-12-01'],
    ['december 1st', '2026-12-01'],
    ['1 dec', '2026-12-01'],
    ['the 3rd of january', '2027-01-03'],
    ['12月1日', '2026-12-01'],
    ['十二月一日', '2026-12-01'],
    ['12月1号', '2026-12-01'],
    ['tomorrow', '2026-11-30'],
    ['明天', '2026-11-30'],
    ['the day after tomorrow', '2026-12-01'],
    ['后天', '2026-12-01'],
    ['today', '2026-11-29'],
    ['next monday', '2026-11-30'],
    ['下周一', '2026-11-30'],
    ['next friday', '2026-12-04'],
    ['下周五', '2026-12-04'],
    ['on friday', '2026-12-04'],
    ['周三', '2026-12-02'],
  ])('%s → %s', (text, date) => {
    expect(first(text)?.first).toBe(date);
  });

  it('rolls a date without a year that has passed into next year', () => {
    expect(first('nov 1')?.first).toBe('2027-11-01');
    expect(first('今年12月1日')?.first).toBe('2026-12-01');
  });

  it('reads spans', () => {
    expect(first('this month')).toEqual({ first: '2026-11-29', last: '2026-11-30' });
    expect(first('本月')).toEqual({ first: '2026-11-29', last: '2026-11-30' });
    expect(first('next month')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(first('下个月')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(first('next week')).toEqual({ first: '2026-11-30', last: '2026-12-06' });
    expect(first('this week')).toEqual({ first: '2026-11-29', last: '2026-11-29' });
    expect(first('in december')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(first('12月')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(first('dec 1-14')).toEqual({ first: '2026-12-01', last: '2026-12-14' });
    expect(first('12月1日至14日')).toEqual({ first: '2026-12-01', last: '2026-12-14' });
  });

  it('reads seasons (meteorological, northern hemisphere)', () => {
    expect(first('this autumn')).toEqual({ first: '2026-11-29', last: '2026-11-30' });
    expect(first('今年秋天')).toEqual({ first: '2026-11-29', last: '2026-11-30' });
    expect(first('this winter')).toEqual({ first: '2026-12-01', last: '2027-02-28' });
    expect(first('next spring')).toEqual({ first: '2027-03-01', last: '2027-05-31' });
    expect(first('明年夏天')).toEqual({ first: '2027-06-01', last: '2027-08-31' });
    expect(first('this spring', '2026-03-10')).toEqual({ first: '2026-03-10', last: '2026-05-31' });
    // Autumn is over by December: "this autumn" is next year's.
    expect(first('this autumn', '2026-12-10')).toEqual({ first: '2027-09-01', last: '2027-11-30' });
  });

  it('reads "before Christmas" as an end', () => {
    const [m] = scanDates('before christmas', TODAY).mentions;
    expect(m).toMatchObject({ first: '2026-12-24', cue: 'end' });
  });

  it('reads a festival a date word governs as a start or an end, and no other', () => {
    expect(scanDates('by double 12', TODAY).mentions).toMatchObject([{ first: '2026-12-12', cue: 'end' }]);
    expect(scanDates('从今天一直推到双十二', TODAY).mentions).toMatchObject([
      { first: '2026-11-29', cue: 'none' },
      { first: '2026-12-12', cue: 'end' },
    ]);
    expect(scanDates('until cyber monday', TODAY).mentions).toMatchObject([
      { first: '2026-11-30', cue: 'end' },
    ]);
    // Black Friday 2026 is past; "to Cyber Monday" is the one after that start.
    expect(scanDates('from black friday to cyber monday', TODAY).mentions).toMatchObject([
      { first: '2027-11-26', cue: 'start' },
      { first: '2027-11-29', cue: 'end' },
    ]);
    // The friday of Black Friday is not next Friday, and a theme is not a date.
    expect(scanDates('sell black friday deals', TODAY).mentions).toEqual([]);
    expect(scanDates('christmas gift boxes', TODAY).mentions).toEqual([]);
  });

  it('reads only a weekend the goal points to', () => {
    expect(first('this weekend')).toEqual({ first: '2026-11-29', last: '2026-11-29' });
    expect(first('本周末')).toEqual({ first: '2026-11-29', last: '2026-11-29' });
    expect(first('this weekend', '2026-11-25')).toEqual({ first: '2026-11-28', last: '2026-11-29' });
    expect(first('next weekend')).toEqual({ first: '2026-12-05', last: '2026-12-06' });
    expect(first('下周末')).toEqual({ first: '2026-12-05', last: '2026-12-06' });
    expect(scanDates('weekend cooking classes', TODAY).mentions).toEqual([]);
    expect(scanDates('周末烹饪课', TODAY).mentions).toEqual([]);
  });

  it('reports dates that do not exist', () => {
    expect(scanDates('2026-02-30', TODAY).problems).toHaveLength(1);
    expect(scanDates('2月30日', TODAY).problems).toHaveLength(1);
  });

  it('does not read numbers of weeks, prices or 每周一 as dates', () => {
    expect(scanDates('持续两周一共5000元', TODAY).mentions).toEqual([]);
    expect(scanDates('每周一投放', TODAY).mentions).toEqual([]);
    expect(scanDates('3个月', TODAY).mentions).toEqual([]);
  });
});

describe('scanDates: month ends', () => {
  it('reads 12月底 as the end of December and 月底 as the end of this month', () => {
    expect(scanDates('到12月底', TODAY).mentions[0]?.first).toBe('2026-12-31');
    expect(scanDates('到月底', TODAY).mentions[0]?.first).toBe('2026-11-30');
    expect(scanDates('until the end of the month', TODAY).mentions[0]?.first).toBe('2026-11-30');
  });
});

describe('scanDates: ends and spans marketers name', () => {
  it.each([
    ['through the end of december', '2026-12-31'],
    ['till end of jan', '2027-01-31'],
    ['by the end of next month', '2026-12-31'],
    ['until month end', '2026-11-30'],
    ['a year-end push', '2026-12-31'],
    ['until the end of next week', '2026-12-06'],
  ])('%s ends on %s', (text, date) => {
    expect(scanDates(text, TODAY).mentions).toMatchObject([{ first: date, cue: 'end' }]);
  });

  it('reads the rest of the month from today', () => {
    expect(first('for the rest of the month')).toEqual({ first: '2026-11-29', last: '2026-11-30' });
  });

  it('reads a day range written before the month', () => {
    expect(first('20th-31st december')).toEqual({ first: '2026-12-20', last: '2026-12-31' });
    expect(first('from the 5th to the 18th of december')).toEqual({
      first: '2026-12-05',
      last: '2026-12-18',
    });
    expect(first('between 1 and 24 december')).toEqual({ first: '2026-12-01', last: '2026-12-24' });
    // Without "between", "the 5th and 18th" are two days, not a range.
    expect(first('the 5th and 18th december')).toEqual({ first: '2026-12-18' });
  });

  it('reads the whole of a month, a month budget and 整个12月', () => {
    const december = { first: '2026-12-01', last: '2026-12-31' };
    expect(first('for the whole of december')).toEqual(december);
    expect(first('a £3k december budget')).toEqual(december);
    expect(first('整个12月')).toEqual(december);
    expect(scanDates('3个月', TODAY).mentions).toEqual([]);
  });
});
