import { floorCents, type CampaignBrief } from '../../src/core/index.js';

/** Campaign length when the goal gives none. */
export const DEFAULT_DAYS = 30;

/**
 * The daily and total budgets a brief implies. Amounts are rounded down to the cent so that the
 * plan never exceeds what the marketer set: a month is taken as 30 days, a week as 7.
 */
export function budgetOf(brief: CampaignBrief): { daily: number; total: number; days: number } {
  const days = brief.schedule.days ?? DEFAULT_DAYS;
  const { amount, period } = brief.budget;
  const daily = floorCents(
    period === 'day'
      ? amount
      : period === 'week'
        ? amount / 7
        : period === 'month'
          ? amount / 30
          : amount / days,
  );
  const total = period === 'total' ? Math.min(amount, floorCents(daily * days)) : floorCents(daily * days);
  return { daily, total, days };
}
