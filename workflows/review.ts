import type { BidPlan, CampaignBrief, Forecast, ReviewCheck } from '../src/core/index.js';

/** Objectives that are bought per acquisition and so need a CPA or ROAS target to bid against. */
export const OBJECTIVES_NEEDING_TARGET = ['conversions', 'sales', 'leads', 'installs'] as const;

const EPS = 1e-9;

/**
 * Never over budget: the hourly split fits the daily budget, the daily budget × days fits the
 * total, and the forecast spends no more than the total.
 */
export function withinBudget(brief: CampaignBrief, bidPlan: BidPlan, forecast: Forecast): ReviewCheck {
  const hourly = bidPlan.hourly.reduce((s, h) => s + h.budget, 0);
  const { amount, period } = brief.budget;
  const periodDays = period === 'day' ? 1 : period === 'week' ? 7 : period === 'month' ? 30 : bidPlan.days;
  const problems: string[] = [];
  if (hourly > bidPlan.dailyBudget + EPS)
    problems.push(`hourly budgets sum to ${hourly.toFixed(2)} > daily ${bidPlan.dailyBudget}`);
  if (bidPlan.dailyBudget * periodDays > amount + 0.01)
    problems.push(`daily ${bidPlan.dailyBudget} × ${periodDays} days exceeds the ${period} budget ${amount}`);
  if (bidPlan.dailyBudget * bidPlan.days > bidPlan.totalBudget + 0.01)
    problems.push(
      `daily ${bidPlan.dailyBudget} × ${bidPlan.days} days exceeds the total ${bidPlan.totalBudget}`,
    );
  if (forecast.spend > bidPlan.totalBudget + EPS)
    problems.push(`forecast spend ${forecast.spend} exceeds the total ${bidPlan.totalBudget}`);
  if (bidPlan.currency !== brief.budget.currency)
    problems.push(`plan currency ${bidPlan.currency} ≠ budget currency ${brief.budget.currency}`);
  return {
    name: 'within-budget',
    ok: problems.length === 0,
    message:
      problems.length === 0
        ? `Spends at most ${bidPlan.dailyBudget} ${bidPlan.currency} a day and ${bidPlan.totalBudget} in total.`
        : problems.join('; '),
  };
}

/** A CPA or ROAS target exists where the objective is bought per acquisition. */
export function targetPresent(brief: CampaignBrief): ReviewCheck {
  const needs = (OBJECTIVES_NEEDING_TARGET as readonly string[]).includes(brief.objective);
  const has = brief.targetCpa !== undefined || brief.targetRoas !== undefined;
  return {
    name: 'target-present',
    ok: !needs || has,
    message: !needs
      ? `Objective ${brief.objective} needs no CPA or ROAS target.`
      : has
        ? `Objective ${brief.objective} has a ${brief.targetCpa ? 'CPA' : 'ROAS'} target.`
        : `Objective ${brief.objective} needs a CPA or ROAS target: add e.g. "keep CPA under 12 GBP" or "ROAS 3".`,
  };
}

/** Sanity of the forecast against the target: a forecast CPA far above the target is a warning sign. */
export function cpaSane(brief: CampaignBrief, bidPlan: BidPlan, forecast: Forecast): ReviewCheck {
  const ok = forecast.conversions === 0 || forecast.cpa <= bidPlan.targetCpa * 1.5;
  return {
    name: 'cpa-sane',
    ok,
    message: ok
      ? `Forecast CPA ${forecast.cpa} ${forecast.currency} against a target of ${bidPlan.targetCpa}.`
      : `Forecast CPA ${forecast.cpa} is over 1.5× the target ${bidPlan.targetCpa}${brief.targetCpa ? '' : ' (derived)'}.`,
  };
}

/** All review checks, in order. */
export function reviewPlan(brief: CampaignBrief, bidPlan: BidPlan, forecast: Forecast): ReviewCheck[] {
  return [withinBudget(brief, bidPlan, forecast), targetPresent(brief), cpaSane(brief, bidPlan, forecast)];
}
