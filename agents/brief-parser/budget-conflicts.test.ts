import { describe, expect, it } from 'vitest';
import { budgetConflict, formatMoney, type StatedBudget } from './budget-conflicts.js';

const b = (amount: number, period: StatedBudget['period'], currency = 'GBP'): StatedBudget => ({
  amount,
  currency,
  period,
});

describe('budgetConflict', () => {
  it('accepts one budget, budgets that fit, and an unknown length', () => {
    expect(budgetConflict([b(500, 'day')])).toBeUndefined();
    expect(budgetConflict([b(500, 'day'), b(500, 'day')])).toBeUndefined();
    expect(budgetConflict([b(300, 'day'), b(9000, 'total')], 30)).toBeUndefined();
    expect(budgetConflict([b(300, 'day'), b(2100, 'week'), b(9000, 'month')])).toBeUndefined();
    expect(budgetConflict([b(500, 'day'), b(1000, 'total')])).toBeUndefined();
  });

  it('refuses two different budgets for the same period, naming both', () => {
    expect(budgetConflict([b(5000, 'day', 'CNY'), b(8000, 'day', 'CNY')])).toBe(
      'The budgets contradict each other: the goal gives two different daily budgets, 5,000 CNY and 8,000 CNY. Give one daily budget.',
    );
    expect(budgetConflict([b(2000, 'week'), b(3000, 'week')])).toMatch(/two different weekly budgets/);
  });

  it('refuses a budget for a shorter period above one for a longer period', () => {
    expect(budgetConflict([b(2000, 'total'), b(3000, 'day')])).toBe(
      'The budgets contradict each other: the daily budget of 3,000 GBP is more than the total budget of 2,000 GBP. Give budgets that fit together, or one budget.',
    );
    expect(budgetConflict([b(800, 'day'), b(500, 'week')])).toMatch(
      /daily budget of 800 GBP is more than the weekly/,
    );
    expect(budgetConflict([b(9000, 'month'), b(5000, 'total')])).toMatch(/monthly budget/);
  });

  it('refuses a daily or weekly budget that the total cannot keep up for the campaign', () => {
    expect(budgetConflict([b(500, 'day'), b(1000, 'total')], 31)).toBe(
      'The budgets contradict each other: 31 days at 500 GBP a day come to 15,500 GBP, more than the total budget of 1,000 GBP. Give a total that covers the daily budget, or one budget.',
    );
    expect(budgetConflict([b(2000, 'week'), b(3000, 'total')], 21)).toMatch(/21 days at 2,000 GBP a week/);
  });

  it('allows a total one day short of the daily budget (rounding)', () => {
    expect(budgetConflict([b(300, 'day'), b(9000, 'total')], 31)).toBeUndefined();
    expect(budgetConflict([b(300, 'day'), b(8600, 'total')], 31)).toMatch(/31 days/);
  });

  it('does not compare budgets in different currencies', () => {
    expect(budgetConflict([b(5000, 'day', 'CNY'), b(800, 'day', 'USD')])).toBeUndefined();
  });

  it('refuses a zero or negative budget among several', () => {
    expect(budgetConflict([b(500, 'day'), b(0, 'total')])).toBe(
      'The total budget must be more than zero; received 0 GBP.',
    );
  });

  it('formats money with thousands separators', () => {
    expect(formatMoney(15_500, 'GBP')).toBe('15,500 GBP');
    expect(formatMoney(0.8, 'USD')).toBe('0.8 USD');
  });
});
