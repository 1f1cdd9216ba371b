import { describe, expect, it } from 'vitest';
import { correctTypos, correctWord } from './typos.js';

describe('correctWord', () => {
  it.each([
    ['budjet', 'budget'],
    ['bugdet', 'budget'],
    ['buget', 'budget'],
    ['budgt', 'budget'],
    ['buddget', 'budget'],
    ['sel', 'sell'],
    ['selll', 'sell'],
    ['seling', 'selling'],
    ['dialy', 'daily'],
    ['totla', 'total'],
    ['untill', 'until'],
    ['montly', 'monthly'],
    ['weelky', 'weekly'],
    ['decmber', 'december'],
    ['decemeber', 'december'],
    ['janaury', 'january'],
    ['campagin', 'campaign'],
    ['awarness', 'awareness'],
    ['promte', 'promote'],
  ])('%s → %s', (word, fixed) => {
    expect(correctWord(word)).toBe(fixed);
  });

  it('leaves right spellings, inflections and real words alone', () => {
    for (const word of ['budget', 'budgets', 'promoted', 'install', 'conversion', 'december']) {
      expect(correctWord(word)).toBeUndefined();
    }
    // One letter from a cue word, but words of their own.
    for (const word of ['weakly', 'billion', 'daisy', 'dairy', 'sealing', 'spelling', 'trough']) {
      expect(correctWord(word)).toBeUndefined();
    }
  });
});

describe('correctTypos', () => {
  it('corrects both strings and keeps their offsets aligned', () => {
    const fixed = correctTypos('sel mugs, budjet £5 untill dec 20', 'Sel mugs, budjet £5 untill Dec 20');
    expect(fixed.lower).toBe('sell mugs, budget £5 until dec 20');
    expect(fixed.original).toBe('sell mugs, budget £5 until Dec 20');
    expect(fixed.original.length).toBe(fixed.lower.length);
  });

  it('returns the text as it was when nothing is misspelt', () => {
    const lower = 'sell daisy mugs, £5 a day';
    expect(correctTypos(lower, lower)).toEqual({ lower, original: lower });
  });
});
