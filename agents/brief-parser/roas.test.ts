import { describe, expect, it } from 'vitest';
import { findRoas } from './roas.js';

describe('findRoas', () => {
  it.each([
    ['roas 3', 3],
    ['roas of 300%', 3],
    ['3x roas', 3],
    ['a 250% roas', 2.5],
    ['roi 2.5', 2.5],
    ['roas above 4', 4],
    ['roas ≥ 3', 3],
    ['投产比3', 3],
    ['投产比不低于2.5', 2.5],
    ['roi不低于2', 2],
    ['投产比1:4', 4],
    ['投产比三', 3],
    ['roas 300', 3],
  ])('%s → %d', (text, value) => {
    expect(findRoas(text)?.value).toBe(value);
  });

  it('finds none without a ROAS word, and does not read a budget before "roi" as the target', () => {
    expect(findRoas('budget 3000 gbp per day')).toBeUndefined();
    expect(findRoas('budget 5000 roi 3')?.value).toBe(3);
  });
});
