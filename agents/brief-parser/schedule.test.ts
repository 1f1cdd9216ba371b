import { describe, expect, it } from 'vitest';
import { extractSchedule } from './schedule.js';

const TODAY = '2026-11-29'; // Sunday

function schedule(text: string, today = TODAY): object {
  return extractSchedule(text, today, []).schedule;
}

describe('extractSchedule', () => {
  it.each([
    ['this month', { start: '2026-11-29', days: 2 }],
    ['本月', { start: '2026-11-29', days: 2 }],
    ['持续两周', { days: 14 }],
    ['for two weeks', { days: 14 }],
    ['next 3 weeks', { start: '2026-11-29', days: 21 }],
    ['starting next monday', { start: '2026-11-30' }],
    ['下周一开始', { start: '2026-11-30' }],
    ['from tomorrow for 10 days', { start: '2026-11-30', days: 10 }],
    ['明天开始,为期10天', { start: '2026-11-30', days: 10 }],
    ['starting 2026-12-01 for a month', { start: '2026-12-01', days: 31 }],
    ['from dec 1 to dec 14', { start: '2026-12-01', days: 14 }],
    ['从12月1日到12月31日', { start: '2026-12-01', days: 31 }],
    ['12月1日-12月14日', { start: '2026-12-01', days: 14 }],
    ['until dec 24', { start: '2026-11-29', days: 26 }],
    ['到月底', { start: '2026-11-29', days: 2 }],
    ['this autumn', { start: '2026-11-29', days: 2 }],
    ['今年秋天', { start: '2026-11-29', days: 2 }],
    ['next month', { start: '2026-12-01', days: 31 }],
    ['from next month', { start: '2026-12-01' }],
    ['3天后开始,持续一周', { start: '2026-12-02', days: 7 }],
    ['by double 12', { start: '2026-11-29', days: 14 }],
    ['从今天一直推到双十二', { start: '2026-11-29', days: 14 }],
    ['双十二前结束', { start: '2026-11-29', days: 13 }],
    ['from black friday to cyber monday', { start: '2027-11-26', days: 4 }],
    ['next weekend', { start: '2026-12-05', days: 2 }],
    ['weekend cooking classes', {}],
    ['sell christmas gift boxes', {}],
    ['sell mugs', {}],
  ])('%s', (text, expected) => {
    expect(schedule(text)).toEqual(expected);
  });

  it('reports a start in the past and an end before the start', () => {
    expect(extractSchedule('starting 2020-01-01', TODAY, []).problems[0]).toMatch(/before today/);
    expect(extractSchedule('from 2026-12-10 until 2026-12-01', TODAY, []).problems[0]).toMatch(
      /ends before it starts/,
    );
  });

  it('does not read a budget period as the campaign length', () => {
    // "a day" belongs to the amount (the caller passes its span as taken).
    expect(extractSchedule('£500 a day for two weeks', TODAY, [{ start: 0, end: 10 }]).schedule).toEqual({
      days: 14,
    });
  });
});
