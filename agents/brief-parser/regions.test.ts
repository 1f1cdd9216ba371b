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

describe('findRegions: more places', () => {
  it.each([
    ['Bristol and Cardiff', ['Bristol', 'Cardiff']],
    ['in Dublin', ['Dublin']],
    ['Belfast and Newcastle', ['Belfast', 'Newcastle']],
    ['Cork and Galway', ['Cork', 'Galway']],
    ['California and Texas', ['California', 'Texas']],
    ['Chicago, Boston and Seattle', ['Chicago', 'Boston', 'Seattle']],
    ['Munich and Vienna', ['Munich', 'Vienna']],
    ['沈阳和大连', ['Shenyang', 'Dalian']],
    ['济南和青岛', ['Jinan', 'Qingdao']],
    ['湖南和湖北', ['Hunan', 'Hubei']],
    ['河南、河北', ['Henan', 'Hebei']],
    ['昆明 and 哈尔滨', ['Kunming', 'Harbin']],
    ['京津冀', ['Beijing', 'Tianjin', 'Hebei']],
    ['港澳台', ['Hong Kong', 'Macau', 'Taiwan']],
    ['东南亚', ['Southeast Asia']],
  ])('%s', (goal, expected) => {
    expect(regions(goal)).toEqual(expected);
  });

  it('reads names that are also words only with a capital', () => {
    expect(regions('sell cork coasters and oxford shirts')).toEqual([]);
    expect(regions('sell turkey crowns')).toEqual([]);
    expect(regions('Sell mugs in Turkey')).toEqual(['Turkey']);
  });

  it('does not read a province inside other place names', () => {
    expect(regions('上海南京路')).toEqual(['Shanghai', 'Nanjing']);
  });
});
