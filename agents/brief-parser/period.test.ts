import { describe, expect, it } from 'vitest';
import { periodAfter, periodAnywhere, periodBefore, periodJustBefore } from './period.js';

describe('periodAfter', () => {
  it.each([
    [' per day', 'day'],
    [' a day', 'day'],
    ['/day', 'day'],
    [' daily', 'day'],
    ['每天', 'day'],
    ['每日', 'day'],
    ['/天', 'day'],
    ['一天', 'day'],
    [' weekly', 'week'],
    [' per week', 'week'],
    ['每周', 'week'],
    [' monthly', 'month'],
    [' a month', 'month'],
    ['每月', 'month'],
    [' total', 'total'],
    [' in total', 'total'],
    [' overall', 'total'],
    ['一共', 'total'],
    [' budget per day', 'day'],
  ] as const)('%j → %s', (after, period) => {
    expect(periodAfter(after)?.period).toBe(period);
  });

  it('reads only a marker that follows the amount at once', () => {
    expect(periodAfter(' for 10 days')).toBeUndefined();
    expect(periodAfter(' for a month')).toBeUndefined();
    expect(periodAfter('持续一周')).toBeUndefined();
  });

  it('says how long the marker is, so that durations skip it', () => {
    expect(periodAfter(' a day for two weeks')).toEqual({ period: 'day', length: 6 });
  });
});

describe('periodBefore and periodAnywhere', () => {
  it.each([
    ['每天预算', 'day'],
    ['日预算', 'day'],
    ['daily budget of ', 'day'],
    ['总预算', 'total'],
    ['月预算', 'month'],
    ['weekly budget ', 'week'],
  ] as const)('%j → %s', (before, period) => {
    expect(periodBefore(before)).toBe(period);
  });

  it('takes the last marker before the amount', () => {
    expect(periodBefore('total spend, daily cap ')).toBe('day');
  });

  it('finds a budget-period phrase anywhere', () => {
    expect(periodAnywhere('日预算:见下,5000元')).toBe('day');
    expect(periodAnywhere('sell mugs')).toBeUndefined();
  });
});

describe('periods as marketers abbreviate and place them', () => {
  it.each([
    [' pw', 'week'],
    [' p/w', 'week'],
    [' per wk', 'week'],
    [' pcm', 'month'],
    [' p/m', 'month'],
    [' per mo', 'month'],
  ] as const)('%j → %s', (after, period) => {
    expect(periodAfter(after)?.period).toBe(period);
  });

  it('reads 一天, 一周, 一个月 right before an amount as its period, with where it starts', () => {
    expect(periodJustBefore('卖挂钟,一天')).toEqual({ period: 'day', start: 4 });
    expect(periodJustBefore('一周')).toEqual({ period: 'week', start: 0 });
    expect(periodJustBefore('一个月预算')).toEqual({ period: 'month', start: 0 });
    expect(periodJustBefore('一天花')).toEqual({ period: 'day', start: 0 });
  });

  it('leaves a duration (持续一周, 投放一个月) and a marker away from the amount alone', () => {
    expect(periodJustBefore('持续一周')).toBeUndefined();
    expect(periodJustBefore('投放一个月')).toBeUndefined();
    expect(periodJustBefore('一天能卖100个,')).toBeUndefined();
  });

  it('reads 月度预算 as monthly but not the 月 of a date (12月预算 is December’s)', () => {
    expect(periodBefore('月度预算')).toBe('month');
    expect(periodBefore('日耗')).toBe('day');
    expect(periodBefore('整个12月预算')).toBeUndefined();
    expect(periodAnywhere('整个12月预算10万')).toBeUndefined();
  });
});
