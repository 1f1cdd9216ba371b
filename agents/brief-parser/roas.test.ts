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

describe('findRoas: more ways to write it', () => {
  it.each([
    ['4:1 roas', 4],
    ['roas 4:1', 4],
    ['return on ad spend of 5', 5],
    ['3.5x return', 3.5],
    ['aiming for a 3.5 roas', 3.5],
    ['投产比要到3', 3],
    ['roi冲到2.5', 2.5],
    ['roi拉到4', 4],
    ['投产1:3', 3],
    ['投产要做到4以上', 4],
    ['roi 1比4', 4],
    ['投产比1比3', 3],
    ['roi不能低于3', 3],
    ['产出比4', 4],
  ])('%s → %d', (text, value) => {
    expect(findRoas(text)?.value).toBe(value);
  });
});
