import type { Product } from '../../src/core/index.js';
import { productKind, themeOf } from '../../tools/catalog/index.js';

type Season = 'spring' | 'summer' | 'autumn' | 'winter' | 'christmas' | 'valentine' | 'easter' | 'all-year';

/**
 * The season a product sells in: the holiday it is made for (a Christmas mug), else the season of
 * what it is (a parasol sells in summer, a hand warmer in winter), else all year. Design names
 * (a SWEETHEART rack, a SUMMER BUTTERFLIES charm, a SEASIDE jigsaw, a COTTAGE GARDEN tile) don't
 * make a product seasonal.
 *
 * @example
 * ```ts
 * seasonOf('LARGE RED RETROSPOT WINDMILL'); // 'summer'
 * seasonOf('CREAM SWEETHEART LETTER RACK'); // 'all-year'
 * ```
 */
export function seasonOf(title: string): Season {
  const kind = productKind(title);
  return themeOf(title, kind)?.season ?? kind?.season ?? 'all-year';
}

const SCENES_BY_CATEGORY: Readonly<Record<string, readonly string[]>> = {
  tableware: ['family dinner', 'afternoon tea'],
  kitchen: ['home cooking', 'kitchen organisation'],
  baking: ['weekend baking', 'birthday cakes'],
  'candles & lighting': ['cosy evenings', 'home ambience'],
  bags: ['daily commute', 'shopping trips'],
  'stationery & cards': ['office desk', 'greetings and notes'],
  party: ['birthday party', 'celebrations'],
  'toys & games': ["children's play", 'family game night'],
  'garden & outdoor': ['garden', 'outdoor days'],
  'jewellery & accessories': ['everyday style', 'gifting'],
  'clocks & frames': ['living room', 'memories on display'],
  'signs & wall decor': ['wall decoration', 'retro interiors'],
  'textiles & cushions': ['sofa comfort', 'winter warmth'],
  'home storage': ['tidy home', 'organising'],
  'home decor': ['home decoration', 'gifting'],
  christmas: ['Christmas decorating', 'festive gifting'],
  'easter & seasonal': ['seasonal celebrations', 'gifting'],
};

const SCENE_WORDS: readonly (readonly [string, RegExp])[] = [
  ['afternoon tea', /\b(TEA|TEACUP|TEAPOT|SCONE)\b/],
  ['school and office lunch', /\b(LUNCH|LUNCHBOX)\b/],
  ['birthday party', /\b(BIRTHDAY|PARTY)\b/],
  ["kids' rooms", /\b(CHILDREN|CHILDS|KIDS|SPACEBOY|DOLLY|TOY)\b/],
  ['wedding', /\b(WEDDING|BRIDE)\b/],
  ['picnic', /\b(PICNIC)\b/],
];

/** Usage scenes: those of the category plus those its title suggests. */
export function scenesOf(product: Product): string[] {
  const scenes = new Set(SCENES_BY_CATEGORY[product.category] ?? ['everyday use', 'gifting']);
  for (const [scene, pattern] of SCENE_WORDS) if (pattern.test(product.title)) scenes.add(scene);
  return [...scenes];
}

const MATERIALS =
  /\b(CERAMIC|PORCELAIN|BONE CHINA|GLASS|WOODEN|WOOD|METAL|ENAMEL|COTTON|FELT|TIN|ZINC|IRON|LEATHER|SILVER|GOLD|WICKER|JUTE|PAPER)\b/;
const DESIGNS =
  /\b(RETROSPOT|VINTAGE|FLORAL|POLKADOT|SPOTTY|STRAWBERRY|HEART|REGENCY|BAROQUE|SKULL|ROSE|PAISLEY|UNION JACK|LONDON|RETRO|ANTIQUE|SCANDINAVIAN)\b/;
const SET_SIZE = /\b(?:SET(?: OF)?|PACK(?: OF)?|SET\/)\s*(\d+)|\b(\d+)\s*PC\b/;

/** Words of a title in title case ("WHITE METAL LANTERN" → "White Metal Lantern"). */
export function titleCase(title: string): string {
  return title
    .toLowerCase()
    .replace(/(^|[\s/(-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Selling points read off the title and the product's real sales figures. */
export function sellingPointsOf(product: Product, band: string): string[] {
  const points: string[] = [];
  const material = MATERIALS.exec(product.title)?.[1];
  if (material) points.push(`made of ${material.toLowerCase()}`);
  const design = DESIGNS.exec(product.title)?.[1];
  if (design) points.push(`${design.toLowerCase()} design`);
  const set = SET_SIZE.exec(product.title);
  const n = set?.[1] ?? set?.[2];
  if (n) points.push(`set of ${n}`);
  if (band === 'budget') points.push(`only £${product.price.toFixed(2)}`);
  if (product.buyers >= 50) points.push(`loved by ${product.buyers} customers`);
  if (product.orders >= 100) points.push('a bestseller');
  if (points.length === 0) points.push('giftable', 'everyday use');
  return points;
}

/** Risks a marketer should know before spending on the product. */
export function risksOf(product: Product, season: Season, today: string): string[] {
  const risks: string[] = [];
  if (/\b(CERAMIC|PORCELAIN|CHINA|GLASS)\b/.test(product.title))
    risks.push('fragile: breakage in shipping drives returns');
  if (/\b(CANDLE|T-LIGHT|OIL BURNER|INCENSE|LIGHTS)\b/.test(product.title))
    risks.push('fire and electrical safety claims need care');
  if (product.category === 'toys & games') risks.push('toy safety claims (age marking) are regulated');
  if (/\b(MUG|CUP|PLATE|BOWL|LUNCH|BOTTLE|JAR|BAKING|CAKE)\b/.test(product.title))
    risks.push('food-contact claims must be substantiated');
  if (season === 'christmas') {
    const month = Number(today.slice(5, 7));
    risks.push(
      month === 12 || month <= 2
        ? 'seasonal: demand collapses after 25 December'
        : 'seasonal: sells mainly October to December',
    );
  } else if (season !== 'all-year') risks.push(`seasonal: demand peaks in ${season}`);
  if (product.orders < 10)
    risks.push(`thin sales history (${product.orders} orders): forecasts are uncertain`);
  return risks;
}

/** The tone of voice that suits the product. */
export function toneOf(product: Product, band: string, season: Season): string {
  if (season === 'christmas') return 'festive and warm';
  if (product.category === 'toys & games' || product.category === 'party') return 'playful';
  if (band === 'luxury' || band === 'premium') return 'elegant and assured';
  if (band === 'budget') return 'cheerful, value-led';
  return 'friendly and practical';
}
