import { describe, expect, it } from 'vitest';
import { extractProductQuery } from './products.js';
import { normalizeGoal } from './text.js';

function query(goal: string): string | undefined {
  return extractProductQuery(normalizeGoal(goal)).query;
}

describe('extractProductQuery', () => {
  it.each([
    ['Sell our ceramic tableware this month, budget 3000 GBP per day', 'ceramic tableware'],
    ['Sell our new merino sweaters this autumn', 'merino sweaters'],
    ['Promote Christmas candles on Douyin', 'Christmas candles'],
    ['Sell more of our scented candles to women', 'scented candles'],
    ['Drive sales of our garden chairs in May', 'garden chairs'],
    ['Budget £500 a day for our camping chairs', 'camping chairs'],
    ['Sell candles and mugs, £5 a day', 'candles and mugs'],
    ['推广我们的陶瓷餐具,每天预算3000英镑', '陶瓷餐具'],
    ['卖羊毛衫，日预算1.5万', '羊毛衫'],
    ['在小红书推广我们的新款马克杯，预算5000', '马克杯'],
    ['推广圣诞蜡烛给25-40岁女性', '圣诞蜡烛'],
    ['推广适合宝妈的陶瓷餐具', '陶瓷餐具'],
    ['今年秋天陶瓷餐具每天5000元', '陶瓷餐具'],
    ['Sell 陶瓷餐具 on Douyin', '陶瓷餐具'],
    ['推广我们的ceramic mugs，每天5w', 'ceramic mugs'],
  ])('%s → %s', (goal, expected) => {
    expect(query(goal)).toBe(expected);
  });

  it('finds no product in goals about the business itself', () => {
    expect(query('Promote our app, $1000 a day')).toBeUndefined();
    expect(query('Boost brand awareness with 50k CNY')).toBeUndefined();
    expect(query('曝光我们的品牌')).toBeUndefined();
  });
});

describe('extractProductQuery: verbs around the product', () => {
  it.each([
    ['到12月底,在微信朋友圈推儿童围裙,每天六千块', '儿童围裙'],
    ['推一下我们的桌面台历,一周4000元', '桌面台历'],
    ['给我们的香薰机打广告,每天预算2千', '香薰机'],
    ['给我们的野餐篮在日本市场做推广', '野餐篮'],
    ['给我们的 scented sachets 推一波,daily budget 三千五', 'scented sachets'],
    ['Christmas 前把 paper chain kits 推一波', 'paper chain kits'],
  ])('%s → %s', (goal, expected) => {
    expect(query(goal)).toBe(expected);
  });
});
