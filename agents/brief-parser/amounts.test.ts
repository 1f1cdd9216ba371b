import { describe, expect, it } from 'vitest';
import { currencyAt, findAmounts } from './amounts.js';
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

describe('findAmounts: colloquial amounts', () => {
  const values = (goal: string) => findAmounts(normalizeGoal(goal).lower).map((a) => a.value);

  it.each([
    ['月预算1万5', 15_000],
    ['预算3万五', 35_000],
    ['每天5千5', 5500],
    ['每天1w5', 15_000],
    ['2k5 a day', 2500],
    ['预算1万2千', 12_000],
    ['预算1万2一天', 12_000],
    ['€1.500 per day', 1500],
    ['budget 1,5k eur', 1500],
    ['一共 2 万美元', 20_000],
  ])('%s = %d', (goal, value) => {
    expect(values(goal)).toEqual([value]);
  });

  it('does not take a digit that starts a date or a count', () => {
    expect(values('预算3万5月1日开始')).toEqual([30_000, 5, 1]);
    expect(values('1万5天')).toEqual([10_000, 5]);
  });

  it('does not read the 一 of 一共, 一下, 一天 as money, but keeps 五块', () => {
    expect(values('预算一共五万,推一下,一天')).toEqual([50_000]);
    expect(money('cpa五块')).toEqual([[5, 'CNY']]);
  });

  it('reads a currency written after a period word', () => {
    expect(currencyAt(' gbp, cpa 3')).toBe('GBP');
    expect(currencyAt(' budget in usd')).toBe('USD');
    expect(currencyAt(', cpa 3')).toBeUndefined();
  });
});
