/**
 * Infers a product category from its title with ordered keyword rules. The UCI catalog has no
 * categories; these rules were written by reading the most frequent title words, and the first
 * matching rule wins (so "CHRISTMAS" beats "CANDLE" for a Christmas candle).
 */
const RULES: readonly (readonly [category: string, pattern: RegExp])[] = [
  ['christmas', /\b(CHRISTMAS|XMAS|ADVENT|SANTA|REINDEER|SNOWFLAKE|SNOWMAN|NATIVITY|TREE DECORATION|BAUBLE)/],
  ['easter & seasonal', /\b(EASTER|EGG|BUNNY|VALENTINE|HALLOWEEN)/],
  [
    'candles & lighting',
    /\b(CANDLE|CANDLES|T-LIGHT|TLIGHT|LANTERN|LAMP|LIGHT|LIGHTS|NIGHT LIGHT|INCENSE|OIL BURNER|CHANDELIER)\b/,
  ],
  ['baking', /\b(BAKING|CAKE|CUPCAKE|MUFFIN|COOKIE CUTTER|PASTRY|ICING|JELLY MOULD|BAKE)/],
  [
    'tableware',
    /\b(MUG|CUP|SAUCER|PLATE|BOWL|TEAPOT|TEA SET|JUG|BEAKER|CUTLERY|SPOON|FORK|NAPKIN|COASTER|PLACEMAT|TABLEWARE|TUMBLER|WINE GLASS|GLASSES|TRAY|CAKESTAND|CAKE STAND|EGG CUP|MILK)/,
  ],
  [
    'kitchen',
    /\b(KITCHEN|APRON|OVEN|TEA TOWEL|LUNCH BOX|LUNCHBOX|JAR|TIN|BOTTLE|CHOPPING|STORAGE TIN|RECIPE|DOORMAT|SPICE|BREAD|BISCUIT)/,
  ],
  ['bags', /\b(BAG|BAGS|TOTE|SHOPPER|PURSE|WALLET|CHARLOTTE|BACKPACK|RUCKSACK)/],
  [
    'stationery & cards',
    /\b(CHALKBOARD|MEMO BOARD|BLACK BOARD|CARD|CARDS|NOTEBOOK|PENCIL|PEN|PENS|ERASER|STICKER|WRAP|WRAPPING|PAPER|ENVELOPE|TAPE|CALENDAR|DIARY|JOURNAL|NOTE|RIBBON)/,
  ],
  ['party', /\b(PARTY|BUNTING|BALLOON|GARLAND|CONFETTI|PAPER CHAIN|BIRTHDAY|CELEBRATION)/],
  [
    'toys & games',
    /\b(TOY|TOYS|GAME|GAMES|DOLL|PUZZLE|JIGSAW|SKIPPING|PLAYHOUSE|SPACEBOY|DOLLY|TEDDY|BLOCK|DOMINO|MAGIC|KIT)/,
  ],
  [
    'garden & outdoor',
    /\b(GARDEN|PLANT|PLANTER|WATERING|BIRD|FLOWER POT|POT|SEED|BIRDHOUSE|PICNIC|PARASOL|UMBRELLA)/,
  ],
  [
    'jewellery & accessories',
    /\b(NECKLACE|BRACELET|EARRINGS|RING|HAIR|CLIP|BROOCH|JEWEL|JEWELLERY|CHARM|KEYRING|KEY RING|SUNGLASSES|SCARF|GLOVES|HAT)/,
  ],
  ['clocks & frames', /\b(CLOCK|FRAME|PHOTO|MIRROR|ALARM)/],
  ['signs & wall decor', /\b(SIGN|PLAQUE|WALL ART|METAL SIGN|POSTER|PRINT)/],
  [
    'textiles & cushions',
    /\b(HAND WARMER|CUSHION|COVER|THROW|BLANKET|QUILT|HOT WATER BOTTLE|TOWEL|FABRIC|FELT|KNITTED|WOOL)/,
  ],
  [
    'home storage',
    /\b(KNOB|MONEY BANK|MONEY BOX|PEGS|BOX|BOXES|BASKET|CRATE|DRAWER|CABINET|HOOK|HANGER|RACK|SHELF|HOLDER|TRINKET|CASE)/,
  ],
  [
    'home decor',
    /\b(HEART|DECORATION|ORNAMENT|VASE|WREATH|HANGING|FEATHER|DOORSTOP|BELL|STAR|BIRDCAGE|CHIME)/,
  ],
];

export const CATEGORIES: readonly string[] = [...RULES.map(([c]) => c), 'gifts & other'];

/**
 * @example
 * ```ts
 * categorize('WHITE HANGING HEART T-LIGHT HOLDER'); // 'candles & lighting'
 * ```
 */
export function categorize(title: string): string {
  const upper = title.toUpperCase();
  for (const [category, pattern] of RULES) if (pattern.test(upper)) return category;
  return 'gifts & other';
}
