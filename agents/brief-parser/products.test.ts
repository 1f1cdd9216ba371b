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
