import { describe, expect, it } from 'vitest';
import { festivalDate, findFestivals, nextFestivalDate } from './festivals.js';

const TODAY = '2026-11-29'; // Sunday

function cues(text: string): [string, string][] {
  return findFestivals(text).map((f) => [f.id, f.cue]);
}

describe('festivalDate', () => {
  it('puts Black Friday after the fourth Thursday of November, Cyber Monday three days later', () => {
    expect(festivalDate('black-friday', 2026)).toBe('2026-11-27');
    expect(festivalDate('cyber-monday', 2026)).toBe('2026-11-30');
    expect(festivalDate('black-friday', 2025)).toBe('2025-11-28');
    // November 2029 starts on a Thursday: Thanksgiving the 22nd, Cyber Monday the 26th.
    expect(festivalDate('black-friday', 2029)).toBe('2029-11-23');
    expect(festivalDate('cyber-monday', 2029)).toBe('2029-11-26');
  });

  it('has fixed dates for the others', () => {
    expect(festivalDate('singles-day', 2026)).toBe('2026-11-11');
    expect(festivalDate('double-12', 2026)).toBe('2026-12-12');
    expect(festivalDate('618', 2027)).toBe('2027-06-18');
    expect(festivalDate('christmas', 2026)).toBe('2026-12-25');
  });
});

describe('nextFestivalDate', () => {
  it('takes the next one on or after today, and the day before for "before X"', () => {
    expect(nextFestivalDate({ id: 'double-12', dayBefore: false }, TODAY)).toBe('2026-12-12');
    expect(nextFestivalDate({ id: 'double-12', dayBefore: true }, TODAY)).toBe('2026-12-11');
    expect(nextFestivalDate({ id: 'singles-day', dayBefore: false }, TODAY)).toBe('2027-11-11');
    expect(nextFestivalDate({ id: 'black-friday', dayBefore: false }, TODAY)).toBe('2027-11-26');
    expect(nextFestivalDate({ id: 'cyber-monday', dayBefore: false }, TODAY)).toBe('2026-11-30');
  });
});

describe('findFestivals', () => {
  it.each([
    ['by double 12', 'double-12', 'end'],
    ['一直推到双十二', 'double-12', 'end'],
    ['双11前结束', 'singles-day', 'end'],
    ['until black friday', 'black-friday', 'end'],
    ['through christmas', 'christmas', 'end'],
    ['from cyber monday', 'cyber-monday', 'start'],
    ['618开始', '618', 'start'],
    ['到618', '618', 'end'],
    ['11.11 sale', 'singles-day', 'none'],
    ['618大促', '618', 'none'],
  ])('%s → %s (%s)', (text, id, cue) => {
    expect(cues(text)).toEqual([[id, cue]]);
  });

  it('reads a name nothing governs as a theme, not a date', () => {
    expect(cues('christmas gift boxes')).toEqual([['christmas', 'none']]);
    expect(cues('sell gifts to christmas shoppers')).toEqual([['christmas', 'none']]);
    expect(cues('launch black friday deals')).toEqual([['black-friday', 'none']]);
  });

  it('marks "before X" and X前 as ending the day before', () => {
    expect(findFestivals('before double 11')[0]?.dayBefore).toBe(true);
    expect(findFestivals('双十一前')[0]?.dayBefore).toBe(true);
    expect(findFestivals('by double 11')[0]?.dayBefore).toBe(false);
  });

  it('does not read money or a bare 618 as a festival', () => {
    expect(findFestivals('预算618元')).toEqual([]);
    expect(findFestivals('priced at $11.11')).toEqual([]);
    expect(findFestivals('618 units in stock')).toEqual([]);
  });

  it('tells the shopping festivals from holidays', () => {
    expect(findFestivals('双十一 and christmas').map((f) => f.shopping)).toEqual([true, false]);
  });
});
