import { productKind, titleWords, type ProductKind } from './product-kind.js';

/** The categories, in the order the catalog tools list them; `gifts & other` is the fallback. */
export const CATEGORIES: readonly string[] = [
  'christmas',
  'easter & seasonal',
  'candles & lighting',
  'baking',
  'tableware',
  'kitchen',
  'bags',
  'stationery & cards',
  'party',
  'toys & games',
  'garden & outdoor',
  'jewellery & accessories',
  'clocks & frames',
  'signs & wall decor',
  'textiles & cushions',
  'home storage',
  'home decor',
  'gifts & other',
];

/** A holiday a product is made for, with its category and the season it sells in. */
export interface Theme {
  readonly category: 'christmas' | 'easter & seasonal';
  readonly season: 'christmas' | 'easter' | 'valentine' | 'autumn';
}

/** Words that make any product a holiday product (a Christmas mug sells at Christmas). */
const HOLIDAYS: readonly (readonly [Theme, ReadonlySet<string>])[] = [
  [
    { category: 'christmas', season: 'christmas' },
    new Set([
      'CHRISTMAS',
      'XMAS',
      'ADVENT',
      'SANTA',
      'REINDEER',
      'SNOWFLAKE',
      'SNOWFLAKES',
      'SNOWMAN',
      'NATIVITY',
      'BAUBLE',
      'BAUBLES',
      'NOEL',
      'YULETIDE',
      'HOLLY',
      'MISTLETOE',
    ]),
  ],
  [{ category: 'easter & seasonal', season: 'easter' }, new Set(['EASTER'])],
  [
    { category: 'easter & seasonal', season: 'valentine' },
    new Set(['VALENTINE', 'VALENTINES', "VALENTINE'S"]),
  ],
  [{ category: 'easter & seasonal', season: 'autumn' }, new Set(['HALLOWEEN', 'PUMPKIN'])],
];

/** Easter motifs: they make a decoration an Easter decoration, not a mug or a sticker sheet. */
const EASTER_MOTIFS = new Set(['BUNNY', 'BUNNIES', 'CHICK', 'CHICKS']);
const EASTER: Theme = { category: 'easter & seasonal', season: 'easter' };

/** Whether a product of this kind is a decoration a motif can make seasonal. */
function decorative(kind: ProductKind | undefined): boolean {
  return !kind || kind.weak || ['home decor', 'party', 'easter & seasonal'].includes(kind.category);
}

/**
 * The holiday a title names, if any. Holiday words decide whatever the product; Easter motifs
 * (BUNNY, CHICK) only for decorations. Design ranges (SWEETHEART, a SUMMER BUTTERFLIES charm) are
 * not holidays.
 *
 * @example
 * ```ts
 * themeOf('PAPER CHAIN KIT 50S CHRISTMAS'); // { category: 'christmas', season: 'christmas' }
 * themeOf('CREAM SWEETHEART LETTER RACK'); // undefined
 * ```
 */
export function themeOf(
  title: string,
  kind: ProductKind | undefined = productKind(title),
): Theme | undefined {
  const words = titleWords(title);
  for (const [theme, set] of HOLIDAYS) if (words.some((w) => set.has(w))) return theme;
  if (words.some((w) => EASTER_MOTIFS.has(w)) && decorative(kind)) return EASTER;
  return undefined;
}

/**
 * A product's category from its title: the holiday it is made for, else the category of what it is
 * (its head noun, see `productKind`), else `gifts & other`. Words match whole: PARASOL is not SOL,
 * SWEETHEART is not HEART, a CUP HOOK is a hook.
 *
 * @example
 * ```ts
 * categorize('WHITE HANGING HEART T-LIGHT HOLDER'); // 'candles & lighting'
 * categorize('CAKE STAND VICTORIAN FILIGREE SMALL'); // 'tableware'
 * ```
 */
export function categorize(title: string): string {
  const kind = productKind(title);
  return themeOf(title, kind)?.category ?? kind?.category ?? 'gifts & other';
}
