/**
 * Places a goal can target, each with the names marketers use in English and Chinese and one
 * canonical English name (the catalog's users are stored by English country name, e.g.
 * "United Kingdom"). City tiers follow the Chinese market's own terms.
 */
import { findAll, isTaken, type Span } from './text.js';

/** One place: canonical names it stands for, and the patterns that name it. */
interface Place {
  readonly names: readonly string[];
  /** Lower-case English spellings (matched as whole words) and Chinese names. */
  readonly aliases: readonly string[];
  /** Spellings that only count in this exact case (`US` is a place, `us` a pronoun). */
  readonly caseSensitive?: readonly string[];
}

const p = (name: string, aliases: string, caseSensitive?: string): Place => ({
  names: [name],
  aliases: aliases.split('|'),
  ...(caseSensitive === undefined ? {} : { caseSensitive: caseSensitive.split('|') }),
});

/** The gazetteer. Longer aliases are matched first so 新一线城市 is not also 一线城市. */
export const PLACES: readonly Place[] = [
  p('new tier-1 cities', 'new tier-1 cities|new tier 1 cities|new first-tier cities|新一线城市|新一线'),
  p(
    'tier-1 cities',
    'tier-1 cities|tier 1 cities|tier one cities|first-tier cities|first tier cities|一线城市',
  ),
  p(
    'tier-2 cities',
    'tier-2 cities|tier 2 cities|tier two cities|second-tier cities|second tier cities|二线城市',
  ),
  p(
    'lower-tier cities',
    'lower-tier cities|lower tier cities|lower-tier markets|low-tier cities|tier-3 cities|tier 3 cities|下沉市场|三四线城市|三线城市|四线城市|三四五线城市|县城',
  ),
  { names: ['Jiangsu', 'Zhejiang', 'Shanghai'], aliases: ['江浙沪', 'jiangsu, zhejiang and shanghai'] },
  { names: ['Beijing', 'Shanghai', 'Guangzhou', 'Shenzhen'], aliases: ['北上广深'] },
  p('Yangtze River Delta', 'yangtze river delta|长三角'),
  p('Pearl River Delta', 'pearl river delta|珠三角'),
  p('United Kingdom', 'united kingdom|uk|u.k.|britain|great britain|英国', 'UK'),
  p('England', 'england|英格兰'),
  p('Scotland', 'scotland|苏格兰'),
  p('Wales', 'wales|威尔士'),
  p('Northern Ireland', 'northern ireland|北爱尔兰'),
  p('Ireland', 'ireland|eire|爱尔兰'),
  p('United States', 'united states|usa|u.s.a.|u.s.|america|美国', 'US'),
  p('Canada', 'canada|加拿大'),
  p('Mexico', 'mexico|墨西哥'),
  p('Brazil', 'brazil|巴西'),
  p('China', 'mainland china|中国大陆|中国|内地', 'China'),
  p('Hong Kong', 'hong kong|香港', 'HK'),
  p('Macau', 'macau|macao|澳门'),
  p('Taiwan', 'taiwan|台湾'),
  p('Japan', 'japan|日本'),
  p('South Korea', 'south korea|korea|韩国'),
  p('Singapore', 'singapore|新加坡'),
  p('Malaysia', 'malaysia|马来西亚'),
  p('Thailand', 'thailand|泰国'),
  p('Vietnam', 'vietnam|viet nam|越南'),
  p('Indonesia', 'indonesia|印度尼西亚|印尼'),
  p('Philippines', 'philippines|菲律宾'),
  p('India', 'india|印度'),
  p('Australia', 'australia|澳大利亚|澳洲'),
  p('New Zealand', 'new zealand|新西兰'),
  p('Germany', 'germany|德国'),
  p('France', 'france|法国'),
  p('Spain', 'spain|西班牙'),
  p('Italy', 'italy|意大利'),
  p('Netherlands', 'netherlands|holland|荷兰'),
  p('Belgium', 'belgium|比利时'),
  p('Switzerland', 'switzerland|瑞士'),
  p('Austria', 'austria|奥地利'),
  p('Sweden', 'sweden|瑞典'),
  p('Norway', 'norway|挪威'),
  p('Denmark', 'denmark|丹麦'),
  p('Finland', 'finland|芬兰'),
  p('Portugal', 'portugal|葡萄牙'),
  p('Poland', 'poland|波兰'),
  p('Greece', 'greece|希腊'),
  p('United Arab Emirates', 'united arab emirates|uae|阿联酋'),
  p('Saudi Arabia', 'saudi arabia|沙特阿拉伯|沙特'),
  p('London', 'london|伦敦'),
  p('Manchester', 'manchester|曼彻斯特'),
  p('Birmingham', 'birmingham|伯明翰'),
  p('Edinburgh', 'edinburgh|爱丁堡'),
  p('Glasgow', 'glasgow|格拉斯哥'),
  p('Liverpool', 'liverpool|利物浦'),
  p('Leeds', 'leeds|利兹'),
  p('Bristol', 'bristol|布里斯托'),
  p('Paris', 'paris|巴黎'),
  p('Berlin', 'berlin|柏林'),
  p('Madrid', 'madrid|马德里'),
  p('New York', 'new york|nyc|纽约'),
  p('Los Angeles', 'los angeles|洛杉矶'),
  p('San Francisco', 'san francisco|旧金山'),
  p('Toronto', 'toronto|多伦多'),
  p('Sydney', 'sydney|悉尼'),
  p('Melbourne', 'melbourne|墨尔本'),
  p('Tokyo', 'tokyo|东京'),
  p('Seoul', 'seoul|首尔'),
  p('Dubai', 'dubai|迪拜'),
  p('Shanghai', 'shanghai|上海'),
  p('Beijing', 'beijing|北京'),
  p('Guangzhou', 'guangzhou|广州'),
  p('Shenzhen', 'shenzhen|深圳'),
  p('Hangzhou', 'hangzhou|杭州'),
  p('Chengdu', 'chengdu|成都'),
  p('Chongqing', 'chongqing|重庆'),
  p('Wuhan', 'wuhan|武汉'),
  p('Nanjing', 'nanjing|南京'),
  p('Tianjin', 'tianjin|天津'),
  p("Xi'an", "xi'an|xian|西安"),
  p('Suzhou', 'suzhou|苏州'),
  p('Changsha', 'changsha|长沙'),
  p('Zhengzhou', 'zhengzhou|郑州'),
  p('Qingdao', 'qingdao|青岛'),
  p('Xiamen', 'xiamen|厦门'),
  p('Dongguan', 'dongguan|东莞'),
  p('Foshan', 'foshan|佛山'),
  p('Guangdong', 'guangdong|广东'),
  p('Zhejiang', 'zhejiang|浙江'),
  p('Jiangsu', 'jiangsu|江苏'),
  p('Sichuan', 'sichuan|四川'),
  p('Fujian', 'fujian|福建'),
  p('Shandong', 'shandong|山东'),
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function aliasPattern(alias: string, flags: string): RegExp {
  // Latin names are whole words; "fine china" and "bone china" are porcelain, not a country.
  const body = escape(alias);
  const latin = /^[a-z]/i.test(alias);
  const guard = alias.toLowerCase() === 'china' ? '(?<!\\b(?:[Bb]one|[Ff]ine) )' : '';
  return new RegExp(latin ? `${guard}(?<![\\w.])${body}(?![\\w$])` : body, flags);
}

/**
 * Regions the goal names, canonical and in order of appearance, with the spans they use.
 *
 * @example
 * ```ts
 * findRegions('women in london and 上海', 'women in London and 上海').regions; // ['London', 'Shanghai']
 * ```
 */
export function findRegions(lower: string, original: string): { regions: string[]; spans: Span[] } {
  const hits: { start: number; end: number; names: readonly string[] }[] = [];
  const entries = PLACES.flatMap((place) => [
    ...place.aliases.map((alias) => ({ place, alias, text: lower, flags: 'g' })),
    ...(place.caseSensitive ?? []).map((alias) => ({ place, alias, text: original, flags: 'g' })),
  ]).sort((a, b) => b.alias.length - a.alias.length);
  for (const { place, alias, text, flags } of entries) {
    for (const { span } of findAll(text, aliasPattern(alias, flags))) {
      if (isTaken(hits, span)) continue;
      hits.push({ ...span, names: place.names });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  return {
    regions: [...new Set(hits.flatMap((h) => h.names))],
    spans: hits.map(({ start, end }) => ({ start, end })),
  };
}
