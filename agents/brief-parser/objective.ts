/**
 * What the campaign optimises for. Each objective has words that name it, strong (`sell`,
 * `installs`, `曝光`, `拉新` with an app) or weak (`brand`, `app`, `推广` with a product, a
 * marketplace such as JD, a shopping festival such as 双十一); the highest score wins and
 * a tie goes to the word written first. With no such word, a CPA target means conversions and a
 * ROAS target means sales.
 */
import type { Objective } from '../../src/core/index.js';
import { findFestivals } from './festivals.js';
import { ZH_CPA_PHRASE, type CpaKind } from './roles.js';

const KEYWORDS: readonly (readonly [Objective, number, RegExp])[] = [
  // 卖 is selling, but not inside 外卖 (takeaway), 拍卖 (auction), 买卖, 卖场 (a store), 卖点, 卖家.
  [
    'sales',
    3,
    /\bsell(?:s|ing)?\b|\bsales\b|\brevenue\b|\bgmv\b|(?<![外拍买专义叫])卖(?![场点家方])|销量|销售|带货|成交|营业额|出单/g,
  ],
  // Clearing stock is selling it: `clear out our old stock`, `shift 500 units`, 清仓, 清库存.
  [
    'sales',
    3,
    /\b(?:clear(?:ing)?|shift(?:ing)?|mov(?:e|ing)|offload(?:ing)?|liquidat(?:e|ing))\s+(?:out\s+)?(?:[a-z'-]+\s+){0,5}?(?:stock|inventory|units)\b|\b(?:stock|inventory)\s+clearance\b|\bclearance\s+sale\b|\b(?:shift|offload)(?:ing)?\s+(?:more\s+(?:of\s+)?)?(?:our|the|these|those|all|\d)|清仓|清库存|去库存|清货|甩卖|冲量|库存(?:清理|处理)|把?库存清/g,
  ],
  ['sales', 2, /\bpurchases?\b|\borders\b|下单|购买|订单/g],
  // A marketplace is where things are sold: advertising on JD, Tmall or Amazon leans to sales.
  [
    'sales',
    1,
    /\bjd(?:\.com)?\b|京东|\btmall\b|天猫|\btaobao\b|淘宝|\bpinduoduo\b|\bpdd\b|拼多多|\bamazon\b|亚马逊|\bebay\b|\betsy\b|\bshopee\b|虾皮|\blazada\b|\bwalmart\b|\btemu\b|得物|唯品会/g,
  ],
  ['conversions', 3, /\bconversions?\b|\bconvert\b|转化/g],
  [
    'leads',
    3,
    /\bleads?\b|\bsign[\s-]?ups?\b|\bregistrations?\b|\bregister\b|\benquir(?:y|ies)\b|\binquir(?:y|ies)\b|\bsubscribers?\b|\bbookings?\b|\bappointments?\b|\breservations?\b|\bconsultations?\b|线索|留资|获客|表单|注册|咨询|预约|私信|潜在客户|潜客|报名|招生|试听|客资/g,
  ],
  // Asking people to book, sign up, subscribe or enquire: `book a demo`, `join our mailing list`.
  [
    'leads',
    2,
    /\bbook(?:s|ing)?\s+(?:a\s+|an\s+|their\s+|your\s+)?(?:free\s+)?(?:demo|call|consultation|appointment|visit|viewing|tour|trial|session|class|lesson|table|fitting)s?\b|\b(?:request|get)\s+(?:a\s+)?(?:free\s+)?(?:quote|demo|callback|brochure)s?\b|\bsubscribe\b|\bnewsletter\b|\b(?:mailing|email|waiting)\s+list\b|\bwaitlist\b/g,
  ],
  ['installs', 3, /\binstalls?\b|\bdownloads?\b|下载|安装|激活|装机/g],
  ['installs', 1, /\bapps?\b|应用/g],
  [
    'awareness',
    3,
    /\bawareness\b|\bimpressions?\b|\bvisibility\b|\bexposure\b|\bviews\b|曝光|知名度|声量|认知度|触达|播放量/g,
  ],
  [
    'awareness',
    2,
    /\bbuzz\b|\b(?:get|spread)\s+the\s+word\b|\bseen\s+by\b|\bmindshare\b|\bbrand\s+recall\b/g,
  ],
  ['awareness', 1, /\breach\b|\bbrand(?:ing)?\b|品牌|种草/g],
];

/**
 * Verbs that promote something; with a product named, they read as selling it. `推` alone
 * (`推儿童围裙`, `推一波`) too, but not `推荐`, `推送`, `推特` (Twitter), `推出` (launch)….
 */
const PROMOTE =
  /\bpromot(?:e|es|ing)\b|\badvertis(?:e|es|ing)\b|\bmarket\b|\bpush\b|推广|宣传|主推|打广告|做广告|投广告|(?<!主)推(?![广荐送特文出动进迟理算测车])/g;

/** Cost phrases are targets, not objectives: `获客成本` does not make a leads campaign. */
const COST_PHRASES = new RegExp(
  `${ZH_CPA_PHRASE}|\\bcost[\\s-]+per[\\s-]+[a-z-]+|\\b(?:customer\\s+)?acquisition\\s+costs?\\b|\\bconversion\\s+costs?\\b|\\b[te]?cpa\\b|\\bcp[li]\\b`,
  'g',
);

/** An app named in the goal: with one, new users (`拉新`, `新用户`) are installs. */
const APP = /\bapps?\b|应用|客户端/;
const NEW_USERS = /拉新|新用户|新增用户|\bnew users\b|\buser acquisition\b/g;

const HINT: Readonly<Record<CpaKind, Objective>> = {
  conversion: 'conversions',
  lead: 'leads',
  install: 'installs',
  sale: 'sales',
};

/** What the objective rests on: a word of the goal, or a default. */
export interface ObjectiveResult {
  readonly objective: Objective;
  /** True when a word of the goal named the objective (or a CPA/ROAS target implies one). */
  readonly stated: boolean;
}

/**
 * Decides the objective.
 *
 * @example
 * ```ts
 * detectObjective('sell our mugs, cpa under £5', { hasProduct: true, hasRoas: false }).objective; // 'sales'
 * detectObjective('get app installs', { hasProduct: false, hasRoas: false }).objective; // 'installs'
 * ```
 */
export function detectObjective(
  text: string,
  hints: { cpaKind?: CpaKind; hasRoas: boolean; hasProduct: boolean },
): ObjectiveResult {
  const masked = text.replace(COST_PHRASES, (m) => ' '.repeat(m.length));
  const scores = new Map<Objective, { score: number; first: number }>();
  const add = (objective: Objective, weight: number, at: number): void => {
    const s = scores.get(objective) ?? { score: 0, first: at };
    scores.set(objective, { score: s.score + weight, first: Math.min(s.first, at) });
  };
  for (const [objective, weight, re] of KEYWORDS) {
    for (const m of masked.matchAll(re)) add(objective, weight, m.index);
  }
  if (APP.test(masked)) for (const m of masked.matchAll(NEW_USERS)) add('installs', 3, m.index);
  // A shopping festival (双十一, Black Friday) is a sales push.
  for (const f of findFestivals(masked)) if (f.shopping) add('sales', 1, f.start);
  if (hints.hasProduct) for (const m of masked.matchAll(PROMOTE)) add('sales', 1, m.index);
  if (hints.cpaKind !== undefined && hints.cpaKind !== 'conversion') add(HINT[hints.cpaKind], 2, text.length);
  const best = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first)[0];
  if (best) return { objective: best[0], stated: true };
  if (hints.cpaKind !== undefined) return { objective: 'conversions', stated: true };
  if (hints.hasRoas) return { objective: 'sales', stated: true };
  return { objective: 'conversions', stated: false };
}
