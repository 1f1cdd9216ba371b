/**
 * The span a budget amount covers: per day, week or month, or the whole campaign. Read from the
 * words right after the amount (`¥50,000/day`, `5万元每天`, `$2k total`) or before it in the same
 * clause (`daily budget £500`, `每天预算3000英镑`, `日预算5万`).
 */
import type { BudgetPeriod } from '../../src/core/index.js';

const AFTER_MARKERS: readonly (readonly [BudgetPeriod, string])[] = [
  [
    'day',
    '(?:\\/|per|a|an|each|every)\\s*-?\\s*day\\b|daily\\b|\\/\\s*d\\b|p\\/?d\\b|每天|每日|每一天|一天|\\/\\s*[天日]|日均',
  ],
  [
    'week',
    '(?:\\/|per|a|an|each|every)\\s*-?\\s*(?:week|wk)\\b|weekly\\b|\\/\\s*wk\\b|p\\/?w\\b|每周|每星期|每个星期|每礼拜|一周|\\/\\s*周',
  ],
  [
    'month',
    '(?:\\/|per|a|an|each|every)\\s*-?\\s*(?:month|mo)\\b|monthly\\b|\\/\\s*mo(?:nth)?\\b|pcm\\b|p\\/m\\b|每月|每个月|一个月|\\/\\s*月',
  ],
  [
    'total',
    '(?:in\\s+)?total\\b|overall\\b|all[\\s-]in\\b|altogether\\b|in all\\b|for the (?:whole|entire) (?:campaign|period|run)|总共|一共|总计|合计|共计|总额|总预算',
  ],
];

const AFTER = new RegExp(
  `^\\s*(?:(?:of\\s+)?(?:budget|spend)\\s*|的?预算\\s*)?(?:${AFTER_MARKERS.map(([, s]) => `(${s})`).join('|')})`,
);

/**
 * Reads a period marker at the very start of the text that follows an amount.
 * Returns the period and how many characters the marker takes.
 *
 * @example
 * ```ts
 * periodAfter(' per day, keep cpa under 12'); // { period: 'day', length: 8 }
 * ```
 */
export function periodAfter(after: string): { period: BudgetPeriod; length: number } | undefined {
  const m = AFTER.exec(after);
  if (!m) return undefined;
  const index = AFTER_MARKERS.findIndex((_, i) => m[i + 1] !== undefined);
  const entry = AFTER_MARKERS[index];
  return entry ? { period: entry[0], length: m[0].length } : undefined;
}

/** Words before `一天`, `一周`, `一个月` that make it a duration (`持续一周`), not a period. */
const SPAN_VERB = '(?<!持续|为期|连续|跑|投|投放|推广|推|共|总共|一共|用|花)';

const BEFORE_MARKERS: readonly (readonly [BudgetPeriod, RegExp])[] = [
  [
    'day',
    /\bdaily\b|\bper[\s-]day\b|\beach day\b|\bevery day\b|\bday budget\b|每天|每日|日预算|日均|日耗|日消耗|单日|天预算/g,
  ],
  ['week', /\bweekly\b|\bper[\s-]week\b|\bevery week\b|\bweek budget\b|每周|每星期|每个星期|周预算|周度/g],
  // 月预算, but not the 月 of a date: `12月预算10万` is December's budget (a total).
  [
    'month',
    /\bmonthly\b|\bper[\s-]month\b|\bevery month\b|\bmonth budget\b|每月|每个月|(?<![\d一二三四五六七八九十])月预算|月度/g,
  ],
  ['total', /\btotal\b|\boverall\b|\blifetime\b|总预算|总共|一共|合计|总计|共计|总额/g],
];

/**
 * `一天`, `一周`, `一个月` written right before an amount (`一天800元`, `一个月预算3万`): the
 * amount's period, not a one-day campaign. Returns the period and where the marker starts in
 * `before`; `持续一周，` and `投放一个月` are durations and return `undefined`.
 *
 * @example
 * ```ts
 * periodJustBefore('卖挂钟,一天'); // { period: 'day', start: 4 }
 * ```
 */
export function periodJustBefore(before: string): { period: BudgetPeriod; start: number } | undefined {
  const m = JUST_BEFORE.exec(before);
  if (!m) return undefined;
  const period: BudgetPeriod = m[1] === '一天' ? 'day' : m[1] === '一个月' ? 'month' : 'week';
  return { period, start: m.index };
}

const JUST_BEFORE = new RegExp(
  `${SPAN_VERB}(一天|一周|一个?星期|一个?礼拜|一个月)\\s*(?:的)?\\s*(?:预算|花费|投入|消耗|能花|可以花|花|投|budget|spend)?\\s*(?:是|为|:)?\\s*$`,
);

/**
 * Reads the last period marker in the clause text before an amount (`每天预算`, `daily budget of`).
 *
 * @example
 * ```ts
 * periodBefore('每天预算'); // 'day'
 * ```
 */
export function periodBefore(before: string): BudgetPeriod | undefined {
  let best: { period: BudgetPeriod; end: number } | undefined;
  for (const [period, re] of BEFORE_MARKERS) {
    for (const m of before.matchAll(re)) {
      const end = m.index + m[0].length;
      if (!best || end > best.end) best = { period, end };
    }
  }
  return best?.period;
}

const ANYWHERE: readonly (readonly [BudgetPeriod, RegExp])[] = [
  ['day', /\bdaily budget\b|\bbudget (?:per|a|each) day\b|日预算|每天预算|每日预算/],
  ['week', /\bweekly budget\b|\bbudget (?:per|a|each) week\b|周预算|周度预算|每周预算/],
  [
    'month',
    /\bmonthly budget\b|\bbudget (?:per|a|each) month\b|(?<![\d一二三四五六七八九十])月预算|月度预算|每月预算/,
  ],
  ['total', /\btotal budget\b|\boverall budget\b|\blifetime budget\b|总预算/],
];

/**
 * A period phrase anywhere in the goal (`daily budget`, `总预算`), for when the budget's own
 * clause names none.
 */
export function periodAnywhere(text: string): BudgetPeriod | undefined {
  return ANYWHERE.find(([, re]) => re.test(text))?.[0];
}
