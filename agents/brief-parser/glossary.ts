/**
 * A small bilingual glossary of product words (home, gift and grocery items, the demo catalog's
 * world), used to search the English catalog with a Chinese goal. Each Chinese term has one
 * English rendering that is sent to the catalog search, plus alternatives for readers and
 * other searches: the lexical catalog search requires every query word to match, so the
 * translation carries one word per concept (杯 → `cups`, which the search widens to mugs).
 */

/** One glossary entry. */
export interface GlossaryEntry {
  readonly zh: string;
  /** The English words sent to the catalog search. */
  readonly en: string;
  /** Other English renderings (杯 is also a mug). */
  readonly alt?: readonly string[];
}

const e = (zh: string, en: string, ...alt: string[]): GlossaryEntry => ({
  zh,
  en,
  ...(alt.length > 0 ? { alt } : {}),
});

/** The glossary. Longer terms win over the terms inside them (保温杯 over 杯). */
export const PRODUCT_GLOSSARY: readonly GlossaryEntry[] = [
  // Tableware and kitchen
  e('陶瓷', 'ceramic', 'porcelain'),
  e('瓷器', 'porcelain', 'china'),
  e('骨瓷', 'bone china'),
  e('餐具', 'tableware', 'dinnerware', 'crockery'),
  e('杯子', 'cups', 'mugs'),
  e('杯', 'cups', 'mug', 'cup'),
  e('马克杯', 'mugs'),
  e('茶杯', 'teacup'),
  e('咖啡杯', 'coffee mugs'),
  e('保温杯', 'flask', 'thermos'),
  e('盘子', 'plates'),
  e('盘', 'plates'),
  e('碗', 'bowls'),
  e('碟', 'saucer', 'dish'),
  e('茶壶', 'teapot'),
  e('茶具', 'tea set'),
  e('筷子', 'chopsticks'),
  e('勺子', 'spoon'),
  e('叉子', 'fork'),
  e('刀具', 'knives'),
  e('锅', 'pan', 'pot'),
  e('厨房', 'kitchen'),
  e('烘焙', 'baking'),
  e('餐巾', 'napkins'),
  e('餐垫', 'placemat'),
  e('杯垫', 'coasters'),
  e('午餐盒', 'lunch box'),
  e('饭盒', 'lunch box'),
  e('水瓶', 'water bottle'),
  e('热水袋', 'hot water bottle'),
  e('玻璃', 'glass'),
  e('洗洁精', 'dish soap'),
  // Candles, lights and decorations
  e('蜡烛', 'candles', 'candle'),
  e('香薰', 'scented'),
  e('烛台', 'candle holder', 't-light holder'),
  e('灯笼', 'lantern'),
  e('彩灯', 'fairy lights'),
  e('灯串', 'string lights'),
  e('灯', 'lights', 'light', 'lantern', 'lamp'),
  e('圣诞', 'christmas', 'xmas'),
  e('圣诞树', 'christmas tree'),
  e('装饰品', 'decorations'),
  e('装饰', 'decorations', 'decor'),
  e('挂饰', 'hanging decoration'),
  e('花环', 'wreath', 'garland'),
  e('相框', 'frames', 'photo frame'),
  e('镜子', 'mirror'),
  e('花瓶', 'vase'),
  e('时钟', 'clocks'),
  e('闹钟', 'alarm clock'),
  e('钟', 'clocks'),
  e('爱心', 'heart'),
  e('心形', 'heart'),
  e('复古', 'vintage'),
  e('木质', 'wooden'),
  e('木制', 'wooden'),
  e('金属', 'metal'),
  // Gifts, bags and paper
  e('礼物', 'gift', 'present'),
  e('礼品', 'gift'),
  e('礼盒', 'gift box'),
  e('包装纸', 'wrapping paper', 'gift wrap'),
  e('贺卡', 'cards', 'greeting card'),
  e('卡片', 'cards'),
  e('丝带', 'ribbons'),
  e('文具', 'stationery'),
  e('笔记本', 'notebook'),
  e('包', 'bags', 'bag'),
  e('手提包', 'handbag'),
  e('购物袋', 'shopping bag'),
  e('帆布包', 'tote bag'),
  e('收纳盒', 'storage box'),
  e('收纳', 'storage'),
  e('盒子', 'box'),
  e('盒', 'box'),
  e('篮子', 'basket'),
  e('派对', 'party'),
  e('生日', 'birthday'),
  e('复活节', 'easter'),
  e('万圣节', 'halloween'),
  e('玩具', 'toys'),
  e('儿童', 'childrens', "children's", 'kids'),
  e('首饰', 'jewellery', 'jewelry'),
  e('项链', 'necklace'),
  e('手链', 'bracelet'),
  e('耳环', 'earrings'),
  // Textiles and clothing
  e('毛衣', 'sweaters', 'sweater', 'jumper'),
  e('羊毛衫', 'wool sweaters'),
  e('羊毛', 'wool'),
  e('美利奴', 'merino'),
  e('围巾', 'scarf'),
  e('手套', 'gloves'),
  e('帽子', 'hat'),
  e('袜子', 'socks'),
  e('围裙', 'apron'),
  e('靠垫', 'cushions'),
  e('抱枕', 'cushions'),
  e('毯子', 'blanket'),
  e('毛毯', 'blanket'),
  e('毛巾', 'towel'),
  e('枕头', 'pillow'),
  e('门垫', 'doormat'),
  e('地垫', 'doormat'),
  e('外套', 'coat'),
  e('羽绒服', 'down jacket'),
  e('连衣裙', 'dress'),
  e('运动鞋', 'trainers', 'sneakers'),
  e('鞋', 'shoes'),
  e('雨伞', 'umbrella'),
  // Garden and outdoor
  e('花园', 'garden'),
  e('园艺', 'garden', 'gardening'),
  e('玫瑰', 'rose'),
  e('花', 'flower'),
  e('蝴蝶', 'butterfly'),
  e('鸟', 'bird'),
  e('星星', 'star'),
  e('露营', 'camping'),
  e('帐篷', 'tent'),
  e('折叠椅', 'folding chair'),
  e('椅子', 'chair'),
  e('户外', 'outdoor'),
  e('户外电源', 'portable power station'),
  e('充电宝', 'power bank'),
  e('移动电源', 'power bank'),
  e('耳机', 'headphones'),
  e('手机壳', 'phone case'),
  // Grocery
  e('巧克力', 'chocolate'),
  e('蛋糕', 'cake'),
  e('饼干', 'biscuits', 'cookies'),
  e('果酱', 'jam'),
  e('茶叶', 'tea'),
  e('茶', 'tea'),
  e('咖啡', 'coffee'),
  e('牛奶', 'milk'),
  e('面包', 'bread'),
  e('酸奶', 'yogurt'),
  e('奶酪', 'cheese'),
  e('黄油', 'butter'),
  e('香肠', 'sausage'),
  e('水果', 'fruit'),
  e('蔬菜', 'vegetables'),
  e('啤酒', 'beer'),
  e('葡萄酒', 'wine'),
  e('红酒', 'red wine'),
  e('果汁', 'juice'),
  e('矿泉水', 'mineral water'),
  e('大米', 'rice'),
  e('鸡蛋', 'eggs'),
  e('糖果', 'sweets', 'candy'),
  e('零食', 'snacks'),
  // Beauty
  e('护肤品', 'skincare'),
  e('护肤', 'skincare'),
  e('香水', 'perfume'),
  e('口红', 'lipstick'),
];

const BY_LENGTH = [...PRODUCT_GLOSSARY].sort((a, b) => b.zh.length - a.zh.length);

/** Glossary terms found in `text`, greedily longest first, with their offsets. */
export function glossaryTerms(text: string): { start: number; end: number; entry: GlossaryEntry }[] {
  const out: { start: number; end: number; entry: GlossaryEntry }[] = [];
  let i = 0;
  while (i < text.length) {
    const entry = BY_LENGTH.find((g) => text.startsWith(g.zh, i));
    if (entry) {
      out.push({ start: i, end: i + entry.zh.length, entry });
      i += entry.zh.length;
    } else i++;
  }
  return out;
}

/**
 * Translates a product phrase for the English catalog: Chinese glossary terms become their
 * English words, Latin words pass through, other Chinese characters are dropped. A phrase with
 * nothing to translate comes back unchanged.
 *
 * @example
 * ```ts
 * translateProductQuery('陶瓷餐具'); // 'ceramic tableware'
 * translateProductQuery('圣诞merino毛衣'); // 'christmas merino sweaters'
 * ```
 */
export function translateProductQuery(query: string): string {
  const words: string[] = [];
  const re = /[a-z0-9][a-z0-9'&-]*|[\u3400-\u9fff]+/gi;
  for (const m of query.matchAll(re)) {
    if (/^[\u3400-\u9fff]/.test(m[0])) {
      for (const term of glossaryTerms(m[0])) words.push(term.entry.en);
    } else words.push(m[0].toLowerCase());
  }
  const unique = [...new Set(words)];
  return unique.length > 0 ? unique.join(' ') : query;
}
