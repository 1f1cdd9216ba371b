import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  endOfMonth,
  inclusiveDays,
  parseDate,
  weekday,
} from './dates.js';

describe('dates', () => {
  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseDate('2026-11-29')).toEqual({ y: 2026, m: 11, d: 29 });
    expect(parseDate('2026-02-30')).toBeUndefined();
    expect(parseDate('2026-2-3')).toBeUndefined();
    expect(parseDate('29/11/2026')).toBeUndefined();
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-11-29', 2)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts days', () => {
    expect(daysBetween('2026-11-29', '2026-12-01')).toBe(2);
    expect(inclusiveDays('2026-12-01', '2026-12-14')).toBe(14);
    expect(daysInMonth(2028, 2)).toBe(29);
  });

  it('knows the weekday (Monday = 0)', () => {
    expect(weekday('2026-11-29')).toBe(6);
    expect(weekday('2026-11-30')).toBe(0);
  });

  it('adds calendar months, clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-29', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', -12)).toBe('2025-12-15');
    expect(endOfMonth('2026-11-29')).toBe('2026-11-30');
  });
});
