import { describe, expect, it } from 'vitest';
import { findAmounts } from './amounts.js';
import { normalizeGoal } from './text.js';

/** The money amounts (with a currency) in a goal, as [value, currency]. */
function money(goal: string): [number, string | undefined][] {
  return findAmounts(normalizeGoal(goal).lower)
    .filter((a) => a.currency !== undefined)
    .map((a) => [a.value, a.currency]);
}

describe('findAmounts', () => {
  it.each([
    ['¥50,000/day', 50_000, 'CNY'],
    ['￥3000', 3000, 'CNY'],
    ['5万元每天', 50_000, 'CNY'],
    ['3千元', 3000, 'CNY'],
    ['五万元', 50_000, 'CNY'],
    ['$2k total', 2000, 'USD'],
    ['50k CNY', 50_000, 'CNY'],
    ['800 pounds', 800, 'GBP'],
    ['300 quid', 300, 'GBP'],
    ['£800', 800, 'GBP'],
    ['3000 GBP', 3000, 'GBP'],
    ['€500', 500, 'EUR'],
    ['500 euros', 500, 'EUR'],
    ['3000英镑', 3000, 'GBP'],
    ['200美元', 200, 'USD'],
    ['200 dollars', 200, 'USD'],
    ['500块', 500, 'CNY'],
    ['500块钱', 500, 'CNY'],
    ['RMB 5000', 5000, 'CNY'],
    ['人民币5000', 5000, 'CNY'],
    ['5000 yuan', 5000, 'CNY'],
    ['fifty thousand pounds', 50_000, 'GBP'],
    ['HK$500', 500, 'HKD'],
    ['港币800', 800, 'HKD'],
    ['5000日元', 5000, 'JPY'],
    ['JPY 5000', 5000, 'JPY'],
    ['3000 yen', 3000, 'JPY'],
    ['$2m', 2_000_000, 'USD'],
    ['5w元', 50_000, 'CNY'],
  ])('%s', (goal, value, currency) => {
    expect(money(goal)).toEqual([[value, currency]]);
  });

  it('keeps bare numbers, with magnitude, for the role step to judge', () => {
    const amounts = findAmounts('预算1.5万,另有2亿');
    expect(amounts.map((a) => [a.value, a.currency])).toEqual([
      [15_000, undefined],
      [200_000_000, undefined],
    ]);
  });

  it('reads ¥ as yuan, not yen', () => {
    expect(money('¥500')).toEqual([[500, 'CNY']]);
  });

  it('reads a negative sign, but not the dash of a range or a date', () => {
    expect(money('budget -£500')).toEqual([[-500, 'GBP']]);
    expect(money('budget £-500')).toEqual([[-500, 'GBP']]);
    expect(money('预算-300元')).toEqual([[-300, 'CNY']]);
    expect(findAmounts('2026-12-01').map((a) => a.value)).toEqual([2026, 12, 1]);
  });

  it('reads a range as one amount with its upper end', () => {
    const [range] = findAmounts('¥3,000-5,000 a day');
    expect(range).toMatchObject({ value: 3000, upper: 5000, currency: 'CNY' });
    const [wan] = findAmounts('3-5万元');
    expect(wan).toMatchObject({ value: 30_000, upper: 50_000, currency: 'CNY' });
  });

  it('does not read 块 as money when it counts pieces, nor 元旦 as yuan', () => {
    expect(money('3块蛋糕')).toEqual([]);
    expect(money('1元旦')).toEqual([]);
  });

  it('does not read the digits of a festival name as a number', () => {
    const values = (goal: string) => findAmounts(normalizeGoal(goal).lower).map((a) => a.value);
    expect(values('Double 11 budget ¥50,000 a day')).toEqual([50_000]);
    expect(values('双十一每天5000元')).toEqual([5000]);
    expect(values('618大促，每天3000元')).toEqual([3000]);
    expect(values('by double twelve, $500/day')).toEqual([500]);
    // A price that looks like one is still money.
    expect(money('预算618元,售价$11.11')).toEqual([
      [618, 'CNY'],
      [11.11, 'USD'],
    ]);
  });

  it('does not borrow the currency written after the previous amount', () => {
    expect(findAmounts('3000 gbp 12').map((a) => a.currency)).toEqual(['GBP', undefined]);
  });
});
