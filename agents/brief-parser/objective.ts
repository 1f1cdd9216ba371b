/**
 * What the campaign optimises for. Each objective has words that name it, strong (`sell`,
 * `installs`, `曝光`) or weak (`brand`, `app`, `推广` with a product); the highest score wins and
 * a tie goes to the word written first. With no such word, a CPA target means conversions and a
 * ROAS target means sales.
 */
import type { Objective } from '../../src/core/index.js';
import type { CpaKind } from './roles.js';

const KEYWORDS: readonly (readonly [Objective, number, RegExp])[] = [
  ['sales', 3, /\bsell(?:s|ing)?\b|\bsales\b|\brevenue\b|\bgmv\b|卖|销量|销售|带货|成交|营业额|出单/g],
  ['sales', 2, /\bpurchases?\b|\borders\b|下单|购买|订单/g],
  ['conversions', 3, /\bconversions?\b|\bconvert\b|转化/g],
  [
    'leads',
    3,
    /\bleads?\b|\bsign[\s-]?ups?\b|\bregistrations?\b|\bregister\b|\benquir(?:y|ies)\b|\binquir(?:y|ies)\b|\bsubscribers?\b|\bbookings?\b|\bappointments?\b|线索|留资|获客|表单|注册|咨询|预约|私信/g,
  ],
  ['installs', 3, /\binstalls?\b|\bdownloads?\b|下载|安装|激活|装机/g],
  ['installs', 1, /\bapps?\b|应用/g],
  [
    'awareness',
    3,
    /\bawareness\b|\bimpressions?\b|\bvisibility\b|\bexposure\b|\bviews\b|曝光|知名度|声量|认知度|触达|播放量/g,
  ],
  ['awareness', 1, /\breach\b|\bbrand(?:ing)?\b|品牌|种草/g],
];

/** Verbs that promote something; with a product named, they read as selling it. */
const PROMOTE = /\bpromot(?:e|es|ing)\b|\badvertis(?:e|es|ing)\b|\bmarket\b|\bpush\b|推广|宣传|主推/g;

/** Cost phrases are targets, not objectives: `获客成本` does not make a leads campaign. */
const COST_PHRASES =
  /(?:转化|获客|线索|留资|下载|激活|安装|注册|成交|出单|拉新)成本|获客单价|转化单价|单次转化|[每单]个?(?:转化|线索|订单|客户|下载|激活|新客|注册)|\bcost[\s-]+per[\s-]+[a-z-]+|\b(?:customer\s+)?acquisition\s+costs?\b|\bconversion\s+costs?\b|\b[te]?cpa\b|\bcp[li]\b/g;

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
  if (hints.hasProduct) for (const m of masked.matchAll(PROMOTE)) add('sales', 1, m.index);
  if (hints.cpaKind !== undefined && hints.cpaKind !== 'conversion') add(HINT[hints.cpaKind], 2, text.length);
  const best = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first)[0];
  if (best) return { objective: best[0], stated: true };
  if (hints.cpaKind !== undefined) return { objective: 'conversions', stated: true };
  if (hints.hasRoas) return { objective: 'sales', stated: true };
  return { objective: 'conversions', stated: false };
}
