import { describe, expect, it } from 'vitest';
import { findRegions } from './regions.js';
import { normalizeGoal } from './text.js';

function regions(goal: string): string[] {
  const text = normalizeGoal(goal);
  return findRegions(text.lower, text.original).regions;
}

describe('findRegions', () => {
  it.each([
    ['women in London', ['London']],
    ['across the UK', ['United Kingdom']],
    ['上海和北京', ['Shanghai', 'Beijing']],
    ['Guangzhou, Shenzhen', ['Guangzhou', 'Shenzhen']],
    ['一线城市', ['tier-1 cities']],
    ['新一线城市', ['new tier-1 cities']],
    ['二线城市', ['tier-2 cities']],
    ['下沉市场', ['lower-tier cities']],
    ['江浙沪', ['Jiangsu', 'Zhejiang', 'Shanghai']],
    ['in the US and Canada', ['United States', 'Canada']],
    ['印度尼西亚', ['Indonesia']],
    ['germany, france and japan', ['Germany', 'France', 'Japan']],
  ])('%s', (goal, expected) => {
    expect(regions(goal)).toEqual(expected);
  });

  it('does not read pronouns, porcelain or currencies as places', () => {
    expect(regions('help us sell more')).toEqual([]);
    expect(regions('Sell our bone china mugs')).toEqual([]);
    expect(regions('HK$500 a day')).toEqual([]);
    expect(regions('Sell mugs in China')).toEqual(['China']);
  });
});
