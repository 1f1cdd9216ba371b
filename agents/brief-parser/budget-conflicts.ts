/**
 * Budgets that contradict each other. A goal may state more than one budget (`£300 a day, £9,000
 * in total`), and they must fit together: a planner cannot honour two different daily budgets,
 * a daily budget above the total, or a total that runs out long before the campaign ends. Such a
 * goal is refused, as a goal with no budget is, with a message that names the two amounts.
 *
 * Rules (only budgets in the same currency are compared; a period must be written next to each):
 * - two budgets of the same period must be the same amount;
 * - a budget for a shorter period must not exceed one for a longer period (a day's budget above
 *   the week's, the month's or the total);
 * - when the goal fixes the campaign's length, a daily or weekly budget kept up for that length
 *   must not overshoot the total by more than one day's budget (room for rounding: `£300 a day,
 *   about £9,000 for December` stands).
 */
import type { BudgetPeriod } from '../../src/core/index.js';

/** A budget the goal states, with the period written next to it. */
export interface StatedBudget {
  readonly amount: number;
  readonly currency: string;
  readonly period: BudgetPeriod;
}

/** Shortest period first. */
const ORDER: readonly BudgetPeriod[] = ['day', 'week', 'month', 'total'];
const ADJECTIVE: Readonly<Record<BudgetPeriod, string>> = {
  day: 'daily',
  week: 'weekly',
  month: 'monthly',
  total: 'total',
};
const UNIT: Readonly<Record<BudgetPeriod, string>> = {
  day: 'a day',
  week: 'a week',
  month: 'a month',
  total: 'in total',
};
/** Days a periodic budget covers, for comparing it with a total over a known number of days. */
const SPAN_DAYS: Readonly<Partial<Record<BudgetPeriod, number>>> = { day: 1, week: 7 };

/**
 * An amount as the message shows it, e.g. `1,000 GBP`.
 *
 * @example
 * ```ts
 * formatMoney(15500, 'GBP'); // '15,500 GBP'
 * ```
 */
export function formatMoney(amount: number, currency: string): string {
  return `${amount.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${currency}`;
}

/**
 * Why the stated budgets contradict each other, or `undefined` when they fit.
 *
 * @example
 * ```ts
 * budgetConflict(
 *   [
 *     { amount: 500, currency: 'GBP', period: 'day' },
 *     { amount: 1000, currency: 'GBP', period: 'total' },
 *   ],
 *   31,
 * );
 * // 'The budgets contradict each other: 31 days at 500 GBP a day come to 15,500 GBP, more than
 * //  the total budget of 1,000 GBP. …'
 * ```
 */
export function budgetConflict(budgets: readonly StatedBudget[], days?: number): string | undefined {
  const nonPositive = budgets.find((b) => !(b.amount > 0));
  if (nonPositive) {
    return `The ${ADJECTIVE[nonPositive.period]} budget must be more than zero; received ${formatMoney(nonPositive.amount, nonPositive.currency)}.`;
  }
  for (const [i, a] of budgets.entries()) {
    for (const b of budgets.slice(i + 1)) {
      if (a.currency !== b.currency) continue;
      const [shorter, longer] = ORDER.indexOf(a.period) <= ORDER.indexOf(b.period) ? [a, b] : [b, a];
      const reason = pairConflict(shorter, longer, days);
      if (reason !== undefined) return `The budgets contradict each other: ${reason}`;
    }
  }
  return undefined;
}

const money = (b: StatedBudget): string => formatMoney(b.amount, b.currency);

/** Why `a` and `b` (`a`'s period no longer than `b`'s) cannot both hold. */
function pairConflict(a: StatedBudget, b: StatedBudget, days: number | undefined): string | undefined {
  if (a.period === b.period) {
    if (a.amount === b.amount) return undefined;
    return `the goal gives two different ${ADJECTIVE[a.period]} budgets, ${money(a)} and ${money(b)}. Give one ${ADJECTIVE[a.period]} budget.`;
  }
  if (a.amount > b.amount) {
    return `the ${ADJECTIVE[a.period]} budget of ${money(a)} is more than the ${ADJECTIVE[b.period]} budget of ${money(b)}. Give budgets that fit together, or one budget.`;
  }
  const span = SPAN_DAYS[a.period];
  if (b.period !== 'total' || span === undefined || days === undefined) return undefined;
  const spend = (a.amount * days) / span;
  if (spend - b.amount <= a.amount / span) return undefined;
  const spent = formatMoney(Math.round(spend * 100) / 100, a.currency);
  return `${days} days at ${money(a)} ${UNIT[a.period]} come to ${spent}, more than the total budget of ${money(b)}. Give a total that covers the ${ADJECTIVE[a.period]} budget, or one budget.`;
}
