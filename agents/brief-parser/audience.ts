/**
 * Who the campaign is for: gender (`women`, `grandmothers`, `女性`, `宝妈`, `女大学生`), an age
 * range (`aged 25-40`, `18 to 35`, `25-40岁`, `30岁以上`, `三十岁以上`, `over-30s`, `90后`), regions
 * (`London`, `上海`, `一线城市`) and interests (`who like camping`, `interested in cooking`,
 * `喜欢露营的`, `对烘焙感兴趣`).
 */
import type { Audience } from '../../src/core/index.js';
import { parseDate } from './dates.js';
import { parseAnyNumber } from './numbers.js';
import { findRegions } from './regions.js';
import { findAll, isTaken, unique, type GoalText, type Span } from './text.js';

/**
 * Chinese nouns that name a group of people; 女 or 男 before one names its gender (`女大学生`),
 * but not in `男女用户` (both).
 */
const ZH_PEOPLE =
  '大学生|学生|研究生|中学生|高中生|白领|青年|用户|顾客|客户|粉丝|粉|老板|高管|员工|教师|老师|车主|会员|程序员|司机|医生|护士|上班族|消费者|群体|人群';

const FEMALE = new RegExp(
  `\\b(?:women|woman|female|females|ladies|lady|girls|mums|moms|mothers|mommies|mummies|grandmothers|grandmas|grannies|nans|nannas|brides|bride|brides-to-be|wives|housewives)\\b|女性|女生|女士|女人|宝妈|妈妈|女孩|姐妹|少女|孕妇|孕妈|主妇|闺蜜|奶奶|外婆|姥姥|新娘|(?<!男)女(?:${ZH_PEOPLE})`,
);
const MALE = new RegExp(
  `\\b(?:men|man|male|males|guys|gentlemen|gents|dads|fathers|boys|grandfathers|grandads|granddads|grandpas|husbands|grooms|lads|blokes)\\b|男性|男生|男士|男人|宝爸|爸爸|男孩|爷爷|外公|姥爷|新郎|男(?:${ZH_PEOPLE})`,
);

/**
 * `female` or `male` when the goal names one and not the other.
 *
 * @example
 * ```ts
 * findGender('宝妈'); // 'female'
 * findGender('men and women'); // undefined
 * ```
 */
export function findGender(text: string): Audience['gender'] {
  const female = FEMALE.test(text);
  const male = MALE.test(text);
  if (female === male) return undefined;
  return female ? 'female' : 'male';
}

interface AgeRange {
  min?: number;
  max?: number;
  span: Span;
}

const RANGE = '(\\d{1,3})\\s*(?:-|~|to|and|至|到)\\s*(\\d{1,3})';
/** An age in digits or Chinese numerals, 10 to 99 (`30`, `十八`, `三十`, `二十五`). */
const ZH_AGE = '(?<![\\d.零一二两三四五六七八九十百])(\\d{2}|[二两三四五六七八九]?十[一二三四五六七八九]?)';
const age = (text: string | undefined): number => parseAnyNumber(text ?? '') ?? 0;
const AGE_PATTERNS: readonly (readonly [RegExp, (m: RegExpExecArray) => Omit<AgeRange, 'span'>])[] = [
  [
    new RegExp(
      `(?:\\baged?\\b|\\bages\\b|\\bage range\\b|\\bbetween the ages of\\b|年龄段?在?)\\s*(?:of\\s+|between\\s+|from\\s+)?${RANGE}`,
      'g',
    ),
    (m) => ({ min: Number(m[1]), max: Number(m[2]) }),
  ],
  [
    new RegExp(`${RANGE}\\s*(?:周?岁|years?[\\s-]*olds?\\b|yo\\b|y\\/o)`, 'g'),
    (m) => ({ min: Number(m[1]), max: Number(m[2]) }),
  ],
  [
    new RegExp(`${ZH_AGE}\\s*(?:周?岁)?\\s*(?:-|~|至|到)\\s*${ZH_AGE}\\s*周?岁`, 'g'),
    (m) => ({ min: age(m[1]), max: age(m[2]) }),
  ],
  [new RegExp(`${ZH_AGE}\\s*周?岁\\s*(?:以上|及以上|往上|\\+)`, 'g'), (m) => ({ min: age(m[1]) })],
  [new RegExp(`${ZH_AGE}\\s*周?岁\\s*(?:以下|及以下|以内)`, 'g'), (m) => ({ max: age(m[1]) })],
  [/\baged\s+(\d{2})\s*(?:\+|and (?:over|older|up|above)|or older|plus)/g, (m) => ({ min: Number(m[1]) })],
  [
    /(?<![\d.$£€¥])\b(\d{2})\s*(?:\+(?!\d)|\s+and (?:over|older|up|above)\b|\s+or older\b|\s+plus\b)/g,
    (m) => ({ min: Number(m[1]) }),
  ],
  [/\bover[\s-](\d{2})s\b/g, (m) => ({ min: Number(m[1]) })],
  [/\bunder[\s-](\d{2})s\b/g, (m) => ({ max: Number(m[1]) - 1 })],
  [
    /\b(?:aged|people|adults|women|men|customers|users|shoppers|buyers|anyone|those|mums|moms|parents|students)\s+(?:over|above|older than)\s+(\d{2})\b/g,
    (m) => ({ min: Number(m[1]) }),
  ],
  [
    /\b(?:aged|people|adults|women|men|customers|users|shoppers|buyers|anyone|those|mums|moms|parents|students)\s+(?:under|below|younger than)\s+(\d{2})\b/g,
    (m) => ({ max: Number(m[1]) - 1 }),
  ],
];

const BARE_RANGE =
  /(?<![\d.\-/:$£€¥])\b(\d{2})\s*(?:-|~|to|至|到)\s*(\d{2,3})(?![\d.%]|\s*(?:days?\b|weeks?\b|months?\b|天|周|个月|月|日|号|元|块|k\b|x\b|倍|gbp\b|usd\b|cny\b|rmb\b|eur\b|hkd\b|pounds?\b|dollars?\b|yuan\b|英镑|美元|欧元))/g;

/** `90后`: born in the 1990s; `95后`: born 1995-1999. Ages are counted from today's year. */
const GENERATION = /(?<!\d)(\d[05])后/g;

/**
 * The age range the goal names. "Over 30" and "30+" include 30; "under 35" is up to 34 (the
 * usual reading of "under-18s"); "35岁以下" includes 35. Ages are clamped to 13-100.
 *
 * @example
 * ```ts
 * findAges('women aged 25-40', '2026-11-29', []); // { ageMin: 25, ageMax: 40, span: ... }
 * ```
 */
export function findAges(
  text: string,
  today: string,
  taken: readonly Span[],
): { ageMin?: number; ageMax?: number; span?: Span } {
  let found: AgeRange | undefined;
  for (const [re, read] of AGE_PATTERNS) {
    const hit = findAll(text, re).find(({ span }) => !isTaken(taken, span));
    if (hit) {
      found = { ...read(hit.match), span: hit.span };
      break;
    }
  }
  if (!found) {
    const year = parseDate(today)?.y ?? 2000;
    const hit = findAll(text, GENERATION).find(({ span }) => !isTaken(taken, span));
    if (hit) {
      const nn = Number(hit.match[1]);
      const born = nn <= year % 100 ? 2000 + nn : 1900 + nn;
      const last = born + (nn % 10 === 0 ? 9 : 4);
      found = { min: year - last, max: year - born, span: hit.span };
    }
  }
  if (!found) {
    const hit = findAll(text, BARE_RANGE).find(
      ({ match, span }) =>
        !isTaken(taken, span) &&
        !/\b(?:roas|roi|cpa|cpl|cpi)\b|投产比/.test(text.slice(Math.max(0, span.start - 12), span.start)) &&
        Number(match[1]) >= 13 &&
        Number(match[1]) < Number(match[2]) &&
        Number(match[2]) <= 100,
    );
    if (hit) found = { min: Number(hit.match[1]), max: Number(hit.match[2]), span: hit.span };
  }
  if (!found) return {};
  const clamp = (n: number | undefined): number | undefined =>
    n === undefined ? undefined : Math.min(100, Math.max(13, Math.round(n)));
  const min = clamp(found.min);
  const max = clamp(found.max);
  if (min !== undefined && max !== undefined && min > max) return {};
  return {
    ...(min === undefined ? {} : { ageMin: min }),
    ...(max === undefined ? {} : { ageMax: max }),
    span: found.span,
  };
}

const EN_INTEREST_PATTERNS = [
  /\b(?:who|that)\s+(?:(?:really|also|all)\s+)?(?:like|likes|love|loves|enjoy|enjoys|are into|is into|are interested in|is interested in|are passionate about|are keen on|follow|follows)\s+([a-z][a-z' &-]*)/g,
  /\binterested in\s+([a-z][a-z' &-]*)/g,
  /\b(?:fans|lovers|enthusiasts) of\s+([a-z][a-z' &-]*)/g,
];
const EN_INTEREST_BEFORE = /\b((?:[a-z]+\s)?[a-z]+)\s+(?:lovers|fans|enthusiasts|hobbyists|buffs|addicts)\b/g;

/** Words that end an interest phrase ("who like camping in London"). */
const EN_STOP = new Set(
  'a an the aged age ages in on at with from for by budget who which that daily weekly monthly per this next starting start during over under across via through using keep spend target targeting cpa roas roi to living based and or plus aged women men people users customers buyers shoppers fans lovers enthusiasts of our my your their is are be will'.split(
    ' ',
  ),
);
const EN_JOIN = new Set(['and', 'or', '&']);

function englishInterests(text: string): string[] {
  const out: string[] = [];
  for (const re of EN_INTEREST_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const words = (m[1] ?? '').split(/\s+/).filter(Boolean);
      let current: string[] = [];
      for (const word of words.slice(0, 8)) {
        if (EN_JOIN.has(word)) {
          if (current.length > 0) out.push(current.join(' '));
          current = [];
          continue;
        }
        if (EN_STOP.has(word) || current.length >= 3) break;
        current.push(word.replace(/[&-]+$/, ''));
      }
      if (current.length > 0) out.push(current.join(' '));
    }
  }
  for (const m of text.matchAll(EN_INTEREST_BEFORE)) {
    const words = (m[1] ?? '').split(/\s+/).filter((w) => w !== '');
    const kept = words.slice(words.findLastIndex((w) => EN_STOP.has(w)) + 1);
    if (kept.length > 0) out.push(kept.join(' '));
  }
  return out;
}

const ZH_INTEREST_PATTERNS = [
  /(?:喜欢|热爱|爱好|喜爱|钟爱|关注|偏爱|(?<![可恋热])爱(?![好心用]))([^\s,;。!?的]{1,12})的/g,
  /对([^\s,;。!?]{1,12}?)(?:感兴趣|有兴趣)/g,
  /([\u4e00-\u9fff]{2,8}?)(?:爱好者|发烧友|达人|粉丝|玩家)/g,
];
const ZH_PREFIX_STOP = /^.*(?:面向|针对|推广给|投放给|卖给|给|向|对|的|和|在|把)/;

function chineseInterests(text: string): string[] {
  const out: string[] = [];
  for (const [i, re] of ZH_INTEREST_PATTERNS.entries()) {
    for (const m of text.matchAll(re)) {
      let phrase = m[1] ?? '';
      if (i === 2) phrase = phrase.replace(ZH_PREFIX_STOP, '');
      phrase = phrase.replace(/^(?:在|去|玩)/, '');
      out.push(...phrase.split(/[、和与及或,]/).map((s) => s.trim()));
    }
  }
  return out.filter((s) => s.length > 0 && !/\d/.test(s));
}

/**
 * Reads the audience. Only keys the goal fills are present.
 *
 * @example
 * ```ts
 * const text = normalizeGoal('喜欢露营的25-40岁女性,上海');
 * extractAudience(text, '2026-11-29', []).audience;
 * // { gender: 'female', ageMin: 25, ageMax: 40, regions: ['Shanghai'], interests: ['露营'] }
 * ```
 */
export function extractAudience(
  text: GoalText,
  today: string,
  taken: readonly Span[],
): { audience: Audience; spans: Span[] } {
  const gender = findGender(text.lower);
  const ages = findAges(text.lower, today, taken);
  const { regions, spans } = findRegions(text.lower, text.original);
  const interests = unique([...englishInterests(text.lower), ...chineseInterests(text.lower)]);
  const audience: Audience = {
    ...(gender === undefined ? {} : { gender }),
    ...(ages.ageMin === undefined ? {} : { ageMin: ages.ageMin }),
    ...(ages.ageMax === undefined ? {} : { ageMax: ages.ageMax }),
    ...(regions.length === 0 ? {} : { regions }),
    ...(interests.length === 0 ? {} : { interests }),
  };
  return { audience, spans: ages.span ? [...spans, ages.span] : spans };
}
