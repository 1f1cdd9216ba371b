import { describe, expect, it } from 'vitest';
import { findAmounts } from './amounts.js';
import { assignRoles, cpaKindOf, pickBudget, pickCpa, statedPeriod } from './roles.js';
import { clauseBoundaries, normalizeGoal } from './text.js';

function roles(goal: string): [number, string][] {
  const text = normalizeGoal(goal).lower;
  return assignRoles(text, findAmounts(text), clauseBoundaries(text)).map((r) => [r.amount.value, r.role]);
}

function picked(goal: string): { budget?: number; cpa?: number } {
  const text = normalizeGoal(goal).lower;
  const roled = assignRoles(text, findAmounts(text), clauseBoundaries(text));
  const budget = pickBudget(roled)?.amount.value;
  const cpa = pickCpa(roled)?.amount.value;
  return { ...(budget === undefined ? {} : { budget }), ...(cpa === undefined ? {} : { cpa }) };
}

describe('assignRoles', () => {
  it.each([
    ['budget 3000 GBP per day, keep CPA under 12 GBP', 3000, 12],
    ['keep CPA below ¥40, ¥50,000/day', 50_000, 40],
    ['cost per acquisition ≤ $5, $2k total', 2000, 5],
    ['CPA不超过12英镑,每天预算3000英镑', 3000, 12],
    ['单次转化成本低于40元,日预算5万', 50_000, 40],
    ['获客成本40元以内,预算5000元', 5000, 40],
    ['£500 a day, cost per lead under £4', 500, 4],
    ['£5 CPA and £500/day', 500, 5],
    ['CPA 40 budget 5000', 5000, 40],
    ['a CPA of ¥40 and a budget of ¥5000 a day', 5000, 40],
    ['spend ¥5000 a day to get leads at under ¥30', 5000, 30],
    ['300 dollars a week, no more than 1.50 dollars per subscriber', 300, 1.5],
    ['2,000 HKD a day, cost per booking under 150 HKD', 2000, 150],
    ['$800 a day, $40 an appointment', 800, 40],
    ['每天1500元,每个预约成本不超过200元', 1500, 200],
    ['日预算3000元,单个报名成本50元以内', 3000, 50],
    ['每天5000元,每个新用户的成本不超过3元', 5000, 3],
    ['每天5000元,30元一个预约', 5000, 30],
  ])('%s', (goal, budget, cpa) => {
    expect(picked(goal)).toEqual({ budget, cpa });
  });

  it('counts a bare number as money only next to a cue', () => {
    expect(roles('预算1.5万, 25-40岁, 持续10天')).toEqual([
      [15_000, 'budget'],
      [25, 'none'],
      [10, 'none'],
    ]);
    expect(roles('budget for 2 weeks is £5000')).toEqual([
      [2, 'none'],
      [5000, 'budget'],
    ]);
  });

  it('reads a price as a price, not a budget', () => {
    expect(roles('mugs priced at £5, budget £200 a day')).toEqual([
      [5, 'price'],
      [200, 'budget'],
    ]);
    expect(picked('售价99元的杯子')).toEqual({});
  });

  it('reads neither a click cost nor a daily cost as a CPA', () => {
    expect(picked('每天预算3000元,每次点击成本不超过2元')).toEqual({ budget: 3000 });
    expect(picked('每天成本不超过3000元')).toEqual({ budget: 3000 });
  });

  it('prefers a cued budget over an amount with only a currency', () => {
    expect(picked('sell our £5 mugs, £200 a day')).toEqual({ budget: 200 });
  });

  it('tells what a CPA is counted per', () => {
    expect(cpaKindOf('cost per lead')).toBe('lead');
    expect(cpaKindOf('cpi')).toBe('install');
    expect(cpaKindOf('激活成本')).toBe('install');
    expect(cpaKindOf('每单')).toBe('sale');
    expect(cpaKindOf('cpa')).toBe('conversion');
    expect(cpaKindOf('cost per booking')).toBe('lead');
    expect(cpaKindOf('per subscriber')).toBe('lead');
    expect(cpaKindOf('cost per appointment')).toBe('lead');
    expect(cpaKindOf('每个预约成本')).toBe('lead');
    expect(cpaKindOf('单个报名')).toBe('lead');
    expect(cpaKindOf('每个新用户成本')).toBe('install');
    expect(cpaKindOf('cost per download')).toBe('install');
  });
});

describe('assignRoles: more CPA phrasings', () => {
  it.each([
    ['£600 a day, CPS £5', 600, 5],
    ['£75 a day, cost of acquisition £4', 75, 4],
    ['$350 per day, each sale should cost no more than $9', 350, 9],
    ["$350 per day, a lead shouldn't cost more than $9", 350, 9],
    ['spend 3k usd over 10 days, pay at most $8 for each order', 3000, 8],
    ['budget 两千 per week,每个预约 cost 不超过 80 元', 2000, 80],
    ['¥1,500 a day, 单个订单 cost 25 元以内', 1500, 25],
    ['每周预算1万2,每条线索成本不超过45元', 12_000, 45],
    ['每天3000元,获客费用30元', 3000, 30],
  ])('%s', (goal, budget, cpa) => {
    expect(picked(goal)).toEqual({ budget, cpa });
  });

  it('still reads a click cost as neither budget nor CPA', () => {
    expect(picked('每天3000元,每次点击费用0.8元')).toEqual({ budget: 3000 });
    expect(picked('$800/day, cpc under $0.60')).toEqual({ budget: 800 });
  });

  it('tells a cost per sale from a conversion', () => {
    expect(cpaKindOf('cps')).toBe('sale');
  });
});

describe('assignRoles: a period written before the amount', () => {
  function budgetOf(goal: string) {
    const text = normalizeGoal(goal).lower;
    const budget = pickBudget(assignRoles(text, findAmounts(text), clauseBoundaries(text)));
    return (
      budget && {
        value: budget.amount.value,
        period: statedPeriod(text, budget),
        marker: text.slice(budget.attachedStart, budget.amount.start),
      }
    );
  }

  it('makes 一天800元 and 一个月3万 budgets, and attaches the period word to them', () => {
    expect(budgetOf('卖挂钟,一天800元')).toEqual({ value: 800, period: 'day', marker: '一天' });
    expect(budgetOf('卖护膝,一个月3万')).toEqual({ value: 30_000, period: 'month', marker: '一个月' });
    expect(budgetOf('sell gnomes, 一天 500 块')).toEqual({ value: 500, period: 'day', marker: '一天 ' });
  });

  it('reads the period next to a budget, wherever it is written', () => {
    expect(budgetOf('£500 a day')?.period).toBe('day');
    expect(budgetOf('daily budget £500')?.period).toBe('day');
    expect(budgetOf('每天能花3000左右')).toEqual({ value: 3000, period: 'day', marker: '' });
    expect(budgetOf('sell mugs, budget £500')?.period).toBeUndefined();
  });
});
