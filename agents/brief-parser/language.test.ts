import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['Sell our mugs, £5 a day', 'en'],
    ['推广我们的陶瓷餐具,每天预算3000英镑,CPA不超过12英镑', 'zh'],
    ['预算RMB 5000，ROI不低于2，CPA 40', 'zh'],
    ['下载我们的App', 'zh'],
    ['在抖音投放TikTok', 'zh'],
    ['Sell 陶瓷餐具 on Douyin', 'mixed'],
    ['推广我们的ceramic mugs', 'mixed'],
  ] as const)('%s → %s', (goal, language) => {
    expect(detectLanguage(goal)).toBe(language);
  });
});
