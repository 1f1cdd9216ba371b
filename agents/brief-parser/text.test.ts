import { describe, expect, it } from 'vitest';
import { clauseAt, clauseBoundaries, normalizeGoal, overlaps } from './text.js';

describe('normalizeGoal', () => {
  it('turns full-width forms into ASCII and keeps offsets in both cases', () => {
    const text = normalizeGoal('  推广，预算３０００英镑；CPA ≤ ￥40  ');
    expect(text.lower).toBe('推广,预算3000英镑;cpa ≤ ¥40');
    expect(text.original).toBe('推广,预算3000英镑;CPA ≤ ¥40');
    expect(text.original.length).toBe(text.lower.length);
  });

  it('reads an em dash as a clause break and an en dash as a hyphen', () => {
    expect(normalizeGoal('mugs — £5 a day').lower).toBe('mugs, £5 a day');
    expect(normalizeGoal('aged 25–40').lower).toBe('aged 25-40');
  });
});

describe('clauses', () => {
  it('splits on commas but not on thousands separators or decimal points', () => {
    const text = 'budget ¥50,000/day, cpa 1.5. done';
    const boundaries = clauseBoundaries(text);
    expect(boundaries).toEqual([text.indexOf(', cpa'), text.indexOf('. done')]);
    expect(clauseAt(boundaries, text.length, text.indexOf('50'))).toEqual({
      start: 0,
      end: text.indexOf(', cpa'),
    });
  });

  it('overlaps is true only for shared characters', () => {
    expect(overlaps({ start: 0, end: 3 }, { start: 2, end: 5 })).toBe(true);
    expect(overlaps({ start: 0, end: 3 }, { start: 3, end: 5 })).toBe(false);
  });
});

describe('normalizeGoal: typos', () => {
  it('corrects misspelt cue words in both cases, keeping offsets aligned', () => {
    const text = normalizeGoal('Sel our mugs, budjet £45 a day, untill Decmber 20');
    expect(text.lower).toBe('sell our mugs, budget £45 a day, until december 20');
    expect(text.original).toBe('sell our mugs, budget £45 a day, until december 20');
  });
});

describe('clauses: decimal commas', () => {
  it('does not split a decimal comma before a magnitude (1,5k)', () => {
    expect(clauseBoundaries('budget 1,5k eur per week')).toEqual([]);
    expect(clauseBoundaries('每天3000,5万总预算')).toEqual([6]);
  });
});
