/**
 * The words of the goal that name the products: the phrase after a selling verb (`Sell our
 * ceramic tableware`, `推广我们的陶瓷餐具`, `推儿童围裙`), else before one (`给我们的香薰机打广告`,
 * `把 paper chain kits 推一波`), else after `our` (`for our camping chairs`), else, in Chinese, the
 * longest run of glossary terms (`陶瓷餐具`). Determiners and "new" are dropped
 * (`our new merino sweaters` → `merino sweaters`): they name no product.
 */
import { glossaryTerms } from './glossary.js';
import type { GoalText, Span } from './text.js';

const EN_VERB =
  /\b(?:sell(?:ing)?(?:\s+more)?|promot(?:e|ing)|advertis(?:e|ing)|(?:market|push|launch)(?:ing)?(?=\s+(?:our|my|the|these|this|new)\b)|(?:sales|gmv|revenue|orders|demand|traffic|ads?|campaign|advertising)\s+(?:of|for))\s+/g;
const EN_OUR = /\b(?:our|my)\s+/g;

/** Leading words that name no product. */
const EN_LEADING = new Set(
  'our my the some more these those all of a an your its their new latest brand-new best-selling bestselling popular'.split(
    ' ',
  ),
);

/** Words that end a product phrase. */
const EN_STOP = new Set(
  'this next last to for in at with on from starting start during over across via through using by budget under below above aged age ages who that which while keep spend spending target targeting reach get drive daily weekly monthly total per cpa roas roi today tomorrow tonight now until till before after among between as is are be will so but aiming aim want need online then'.split(
    ' ',
  ),
);

/** Phrases that are the business, not a product. */
const GENERIC =
  /^(?:products?|range|items?|stuff|goods|brand|business|store|shop|company|website|site|app|产品|商品|东西|品牌|店铺|网店|店)$/;

const ZH_VERB =
  /(?:推广|宣传|售卖|销售|主推|推荐|卖|带货|种草|推(?![广荐送特文出动进迟理算测车到]))(?:一下|一波)?/g;
/**
 * The product before the verb: `给我们的香薰机打广告`, `为新款跑鞋做推广`, `把 paper chain kits 推一波`;
 * the phrase starts after `给我们的` / `把` and is cut at the verb.
 */
const ZH_FOR =
  /(?:(?:给|为|帮|替)(?:我们|我|咱们|本店|公司|品牌)?的?|把)\s*(?=[^,;。!?]{1,30}?(?:打广告|做广告|投广告|做推广|推广|宣传|推一[下波]|推(?![广荐送特文出动进迟理算测车到])))/g;
const ZH_LEADING =
  /^(?:(?:我们|我|本店|店里|公司|品牌|咱们|自家|家里)(?:的)?)?(?:(?:新款|新品|新的|新|爆款|热销|最新的?|全新的?)(?:的)?)?/;
const ZH_STOP =
  /打广告|做广告|投广告|推一[下波]|推(?![广荐送特文出动进迟理算测车到])|广告|给|在|于|到|从|向|面向|针对|预算|每天|每日|每周|每月|日预算|总预算|持续|为期|本月|这个月|下个月|今年|明年|下周|本周|明天|今天|开始|期间|直到|目标|通过|上线|投放|提升|提高|增加|获取|获得|要求|希望|并且|并|同时|吸引|人群|用户|年龄|喜欢|以|来|做|转化|获客|投产|成本|花费|总共|一共|抖音|快手|微信|朋友圈|微博|小红书|淘宝|天猫|京东|拼多多|直播|短视频|信息流|cpa|roi|roas|\b(?:budget|on|in|for|to|with|this|next|daily)\b/;
const PHRASE_END = /[,;。!?:()\d¥$£€]/;

/** Index range `[from, to)` of the product words: leading determiners dropped, cut at a stop word. */
function productWords(words: readonly string[]): { from: number; to: number } {
  let from = 0;
  while (from < words.length && EN_LEADING.has(words[from] ?? '')) from++;
  let to = from;
  while (to < words.length && to - from < 6 && !EN_STOP.has(words[to] ?? '')) {
    // "candles and mugs" joins products; "candles and keep CPA under…" does not.
    if (words[to] === 'and' && EN_STOP.has(words[to + 1] ?? 'this')) break;
    to++;
  }
  while (to > from && /^(?:and|or|&)$/.test(words[to - 1] ?? '')) to--;
  return { from, to };
}

/** Reads an English phrase from `from`; a Chinese run inside it is read the Chinese way. */
function englishPhraseAt(text: string, from: number): Span | undefined {
  const token = /\s*([a-z0-9][a-z0-9'&-]*|[\u3400-\u9fff])/y;
  token.lastIndex = from;
  const words: { text: string; span: Span }[] = [];
  for (let m = token.exec(text); m !== null; m = token.exec(text)) {
    const word = m[1] ?? '';
    const start = m.index + m[0].length - word.length;
    if (/^[\u3400-\u9fff]/.test(word)) {
      // `Sell our 陶瓷餐具`: the product is written in Chinese.
      if (words.every((w) => EN_LEADING.has(w.text))) return chinesePhraseAt(text, start);
      break;
    }
    if (/^\d/.test(word)) break;
    words.push({ text: word, span: { start, end: start + word.length } });
  }
  const { from: i, to } = productWords(words.map((w) => w.text));
  const first = words[i];
  const last = words[to - 1];
  return to > i && first && last ? { start: first.span.start, end: last.span.end } : undefined;
}

/** Reads a Chinese product phrase starting at `from` (just after the verb). */
function chinesePhraseAt(text: string, from: number): Span | undefined {
  let start = from;
  const rest = text.slice(start);
  const lead = ZH_LEADING.exec(rest);
  start += lead?.[0].length ?? 0;
  let chunk = text.slice(start);
  const endAt = chunk.search(PHRASE_END);
  if (endAt >= 0) chunk = chunk.slice(0, endAt);
  const stopAt = chunk.search(ZH_STOP);
  if (stopAt >= 0) chunk = chunk.slice(0, stopAt);
  // 适合宝妈的陶瓷餐具: the head noun follows the last 的.
  const de = chunk.lastIndexOf('的');
  if (de >= 0) {
    start += de + 1;
    chunk = chunk.slice(de + 1);
    const again = ZH_LEADING.exec(chunk);
    start += again?.[0].length ?? 0;
    chunk = chunk.slice(again?.[0].length ?? 0);
  }
  const trimmed = chunk.trimEnd();
  const lead2 = trimmed.length - trimmed.trimStart().length;
  const span = { start: start + lead2, end: start + trimmed.length };
  return span.end > span.start ? span : undefined;
}

function usable(text: GoalText, span: Span | undefined): Span | undefined {
  if (!span) return undefined;
  const words = text.lower.slice(span.start, span.end).trim();
  return words === '' || GENERIC.test(words) ? undefined : span;
}

/**
 * The product phrase, in the goal's own words and case, with its span.
 *
 * @example
 * ```ts
 * extractProductQuery(normalizeGoal('Sell our ceramic tableware this month')).query; // 'ceramic tableware'
 * extractProductQuery(normalizeGoal('推广我们的陶瓷餐具,每天预算3000英镑')).query; // '陶瓷餐具'
 * ```
 */
export function extractProductQuery(text: GoalText): { query?: string; span?: Span } {
  const lower = text.lower;
  const candidates: (() => Span | undefined)[] = [
    ...[...lower.matchAll(EN_VERB)].map((m) => () => englishPhraseAt(lower, m.index + m[0].length)),
    ...[...lower.matchAll(ZH_VERB)].map((m) => () => chinesePhraseAt(lower, m.index + m[0].length)),
    ...[...lower.matchAll(ZH_FOR)].map((m) => () => chinesePhraseAt(lower, m.index + m[0].length)),
    ...[...lower.matchAll(EN_OUR)].map((m) => () => englishPhraseAt(lower, m.index)),
    () => glossaryRun(lower),
  ];
  for (const candidate of candidates) {
    const span = usable(text, candidate());
    if (span) return { query: text.original.slice(span.start, span.end).trim(), span };
  }
  return {};
}

/** The longest run of adjacent glossary terms (`陶瓷餐具` = 陶瓷 + 餐具). */
function glossaryRun(text: string): Span | undefined {
  let best: Span | undefined;
  let run: Span | undefined;
  for (const term of glossaryTerms(text)) {
    run =
      run && run.end === term.start
        ? { start: run.start, end: term.end }
        : { start: term.start, end: term.end };
    if (!best || run.end - run.start > best.end - best.start) best = run;
  }
  return best;
}
