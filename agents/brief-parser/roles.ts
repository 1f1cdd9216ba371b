/**
 * Which amount is the budget, which is the CPA target, and which is neither (a price, a date, an
 * age). Each amount is judged by the nearest cue before it in its clause (`budget`, `CPA under`,
 * `priced at`, `预算`, `获客成本`) or a cue right after it (`£5 per lead`, `¥5000 a day`).
 * A bare number with no currency counts as money only when a cue sits right next to it.
 */
import type { BudgetPeriod } from '../../src/core/index.js';
import type { Amount } from './amounts.js';
import { periodAfter, periodBefore, periodJustBefore } from './period.js';
import { clauseAt, type Span } from './text.js';

/** What a CPA target is counted per; it hints at the objective (`cost per lead` → leads). */
export type CpaKind = 'conversion' | 'lead' | 'install' | 'sale';

/** An amount with the role the goal gives it. */
export interface RoledAmount {
  readonly amount: Amount;
  readonly role: 'budget' | 'cpa' | 'price' | 'none';
  /** True when a budget or CPA word (or a period) marks the amount, not just its currency. */
  readonly cued: boolean;
  readonly cpaKind?: CpaKind;
  /** The clause the amount sits in. */
  readonly clause: Span;
  /** Where the text that belongs to the amount starts (clause start or the previous amount). */
  readonly windowStart: number;
  /** Where the amount and the period word attached before it (`一天` of `一天800元`) start. */
  readonly attachedStart: number;
  /** Where the amount and the cue attached after it (`a day`, `CPA`) end. */
  readonly attachedEnd: number;
}

/** What a CPA can be counted per, in English: `cost per booking`, `$1.50 per subscriber`. */
const EN_CPA_UNIT =
  '(?:acquisition|conversion|lead|(?:app\\s+)?install|download|sign[\\s-]?up|registration|subscriber|booking|appointment|reservation|enquiry|inquiry|enquiries|inquiries|consultation|demo|trial|order|sale|purchase|transaction|(?:new\\s+)?customer|new\\s+user|result|action)s?';

/** The same in Chinese: `每个预约`, `单个线索`, `一个下载`. */
const ZH_CPA_UNIT =
  '转化|线索|订单|潜在客户|潜客|客户|下载|激活|安装|新客|新用户|用户|注册|预约|报名|留资|表单|咨询|会员|到店|成交|购买';

/**
 * Chinese cost phrases that name a CPA: `获客成本`, `预约成本`, `单个线索`, `每单`, and any
 * `每个…成本` / `单个…成本` (`每个预约成本`, `单个新客获取成本`) except a time unit (`每天成本`)
 * or a click or impression (`每次点击成本` is a CPC).
 */
export const ZH_CPA_PHRASE = `(?:转化|获客|线索|留资|下载|激活|安装|注册|成交|出单|拉新|预约|报名|咨询|表单|新客|新用户)(?:成本|费用)|获客单价|转化单价|单次转化|(?:(?<![订菜清名账买简下])单|每)(?![个次]?(?:天|日|周|月|年|星期|礼拜|小时|点击|展示|曝光|千次))(?:个|位|名|条|次|份|笔)?[\\u4e00-\\u9fff]{1,6}?的?(?:成本|费用)|(?:单个|每(?:个|位|名|条|份|笔|次)?|单)(?:${ZH_CPA_UNIT})|每单`;

/** `each sale should cost`, `a lead mustn't cost more than`, `every booking costs`. */
const EN_UNIT_COSTS = `\\b(?:each|every|an?|one|per)\\s+${EN_CPA_UNIT}\\s+(?:(?:should|must|can|may|shall|will|would|ought\\s+to|has\\s+to|needs?\\s+to)(?:n't|\\s+not)?\\s+)?(?:cost|costs|costing)\\b`;

const CPA_CUE = new RegExp(
  `(?:${ZH_CPA_PHRASE})\\s*的?\\s*(?:costs?\\b|cpa\\b)|${EN_UNIT_COSTS}|\\bcost[\\s-]+(?:of|for)[\\s-]+(?:(?:an?|each|every|one|per)\\s+)?${EN_CPA_UNIT}\\b|\\b(?:[te]?cpa|cpl|cpi|cac|cpo|cps)\\b|\\b(?:leads?|sign[\\s-]?ups?|installs?|downloads?|conversions?|customers?|orders?|acquisitions?|subscribers?|bookings?|appointments?|registrations?|enquiries|inquiries)\\s+(?:at|costing)\\b|\\bcost[\\s-]+per[\\s-]+${EN_CPA_UNIT}\\b|\\b(?:customer[\\s-]+)?acquisition[\\s-]+costs?\\b|\\bconversion[\\s-]+costs?\\b|${ZH_CPA_PHRASE}`,
  'g',
);

const BUDGET_CUE =
  /\b(?:budgets?|spend(?:ing)?|invest(?:ing|ment)?|daily|weekly|monthly|total|overall)\b|预算|花费|花销|投入|消耗|日耗|日均|单日|每天|每日|每周|每月|每个月|总共|一共|合计|总计|共计/g;

const PRICE_CUE =
  /\b(?:priced|prices?|costs?(?![\s-]+per)|costing|worth|retail(?:s|ing)?|rrp|msrp)\b|售价|价格|价位|客单价|零售价|定价|原价|标价|单价/g;

const AFTER_CPA = new RegExp(
  `^\\s*(?:的)?\\s*(?:(?:target\\s+)?(?:t?cpa|cpl|cpi|cac|cps)\\b|(?:(?:cost\\s+)?per|an?|each|every|\\/|for\\s+(?:each|every|an?|one))\\s*${EN_CPA_UNIT}\\b|转化成本|获客成本|线索成本|(?:每|一|\\/)(?:个|位|名)?(?:${ZH_CPA_UNIT}))`,
);

const AFTER_BUDGET = /^\s*(?:的)?\s*(?:budget|spend|预算)/;

/** Words allowed between a cue and a bare number: `budget of 5000`, `CPA不超过12`. */
const CONNECTOR_WORDS =
  'of|is|at|around|about|approximately|approx|roughly|up to|under|below|less than|no more than|not more than|not exceeding|no higher than|at most|max|maximum|within|target|targeted|goal|set to|to|be|capped at|limit|only';
const CONNECTOR_ZH =
  '为|是|在|控制在|不超过|不高于|不要超过|不能超过|低于|小于|少于|约|大约|大概|目标|要|共|达|设为|设置为|定为|最多|最高|上限|保持在|压到|压在|能花|可以花|可花|花掉|花|能投|可投|投';
const CONNECTOR = new RegExp(`^(?:\\s|[:=<≤~≈]|\\b(?:${CONNECTOR_WORDS})\\b|${CONNECTOR_ZH})*$`);

interface Cue {
  kind: 'cpa' | 'budget' | 'price';
  end: number;
  text: string;
}

const PRIORITY = { cpa: 3, budget: 2, price: 1 } as const;

function lastCue(before: string): Cue | undefined {
  let best: Cue | undefined;
  const kinds = [
    ['cpa', CPA_CUE],
    ['budget', BUDGET_CUE],
    ['price', PRICE_CUE],
  ] as const;
  for (const [kind, re] of kinds) {
    for (const m of before.matchAll(re)) {
      const end = m.index + m[0].length;
      if (!best || end > best.end || (end === best.end && PRIORITY[kind] > PRIORITY[best.kind])) {
        best = { kind, end, text: m[0] };
      }
    }
  }
  return best;
}

/**
 * What a CPA cue counts per.
 *
 * @example
 * ```ts
 * cpaKindOf('cost per lead'); // 'lead'
 * ```
 */
export function cpaKindOf(cue: string): CpaKind {
  if (
    /lead|sign|regist|subscri|booking|appointment|reserv|enquir|inquir|consult|demo|trial|cpl|线索|留资|注册|预约|报名|表单|咨询|潜在客户|潜客/.test(
      cue,
    )
  )
    return 'lead';
  if (/install|download|new user|cpi|下载|激活|安装|拉新|新用户/.test(cue)) return 'install';
  if (/order|sale|purchase|transaction|cps|cpo|订单|成交|出单|每单|购买/.test(cue)) return 'sale';
  return 'conversion';
}

/**
 * Gives every amount a role, left to right. A cue attached after one amount (`£5 CPA`) is not
 * read again as the cue before the next one.
 *
 * @example
 * ```ts
 * const text = 'budget 3000 gbp per day, keep cpa under 12 gbp';
 * assignRoles(text, findAmounts(text), clauseBoundaries(text)).map((r) => r.role); // ['budget', 'cpa']
 * ```
 */
export function assignRoles(
  text: string,
  amounts: readonly Amount[],
  boundaries: readonly number[],
): RoledAmount[] {
  const out: RoledAmount[] = [];
  let consumed = 0;
  for (const [i, amount] of amounts.entries()) {
    const clause = clauseAt(boundaries, text.length, amount.start);
    if (amount.start < consumed) {
      // Inside the cue of the amount before (`一` of `5000元一天`).
      out.push({
        amount,
        clause,
        role: 'none',
        cued: false,
        windowStart: consumed,
        attachedStart: amount.start,
        attachedEnd: amount.end,
      });
      continue;
    }
    const windowStart = Math.max(clause.start, consumed);
    const next = amounts.slice(i + 1).find((a) => a.currency !== undefined);
    const afterEnd = Math.max(amount.end, Math.min(clause.end, next?.start ?? text.length));
    const before = text.slice(windowStart, amount.start);
    const after = text.slice(amount.end, afterEnd);
    const roled = judge(amount, before, after, windowStart);
    const result: RoledAmount = { amount, clause, ...roled };
    out.push(result);
    if (result.role !== 'none') consumed = result.attachedEnd;
  }
  return out;
}

function judge(
  amount: Amount,
  before: string,
  after: string,
  windowStart: number,
): Omit<RoledAmount, 'amount' | 'clause'> {
  const base = { windowStart, attachedStart: amount.start, attachedEnd: amount.end };
  const cpaAfter = AFTER_CPA.exec(after);
  if (cpaAfter) {
    return {
      ...base,
      role: 'cpa',
      cued: true,
      cpaKind: cpaKindOf(cpaAfter[0]),
      attachedEnd: amount.end + cpaAfter[0].length,
    };
  }
  // `一天800元`, `一个月3万`: a period written just before the amount makes it the budget.
  const periodBeforeIt = periodJustBefore(before);
  if (periodBeforeIt) {
    return { ...base, role: 'budget', cued: true, attachedStart: windowStart + periodBeforeIt.start };
  }
  const cue = lastCue(before);
  if (cue && (amount.currency !== undefined || CONNECTOR.test(before.slice(cue.end)))) {
    if (cue.kind === 'cpa') return { ...base, role: 'cpa', cued: true, cpaKind: cpaKindOf(cue.text) };
    if (cue.kind === 'price') return { ...base, role: 'price', cued: true };
    const period = periodAfter(after);
    return { ...base, role: 'budget', cued: true, attachedEnd: amount.end + (period?.length ?? 0) };
  }
  const period = periodAfter(after);
  if (period) return { ...base, role: 'budget', cued: true, attachedEnd: amount.end + period.length };
  const budgetAfter = AFTER_BUDGET.exec(after);
  if (budgetAfter)
    return { ...base, role: 'budget', cued: true, attachedEnd: amount.end + budgetAfter[0].length };
  if (amount.currency !== undefined) return { ...base, role: 'budget', cued: false };
  return { ...base, role: 'none', cued: false };
}

/**
 * The period the goal writes next to a budget amount: after it (`£500 a day`, `5万元每天`), just
 * before it (`一天800元`), or before it in its clause (`daily budget £500`, `每天预算3000`).
 * `undefined` when none is written there.
 *
 * @example
 * ```ts
 * const text = 'sell mugs, daily budget £500';
 * statedPeriod(text, pickBudget(assignRoles(text, findAmounts(text), clauseBoundaries(text)))!); // 'day'
 * ```
 */
export function statedPeriod(text: string, budget: RoledAmount): BudgetPeriod | undefined {
  const after = periodAfter(text.slice(budget.amount.end, budget.clause.end));
  const before = text.slice(budget.windowStart, budget.amount.start);
  return after?.period ?? periodJustBefore(before)?.period ?? periodBefore(before);
}

/**
 * The budget: the first amount a budget word or period marks, else the first amount with a currency.
 */
export function pickBudget(roled: readonly RoledAmount[]): RoledAmount | undefined {
  const budgets = roled.filter((r) => r.role === 'budget');
  return budgets.find((r) => r.cued) ?? budgets[0];
}

/** The CPA target: the first amount a CPA cue marks. */
export function pickCpa(roled: readonly RoledAmount[]): RoledAmount | undefined {
  return roled.find((r) => r.role === 'cpa');
}
