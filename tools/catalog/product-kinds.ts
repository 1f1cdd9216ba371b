/**
 * The kinds of product the shop sells, the words its titles name them with, and the category each
 * kind belongs to. Written by reading the catalog's titles (their head nouns), not the eval labels.
 *
 * A phrase is one or more upper-case words; a title word matches a phrase word as written or in
 * its plural (`CANDLE` matches `CANDLES`). A phrase written in the plural only matches the plural
 * (`T-LIGHTS` are candles, a `T-LIGHT` alone is a holder). `weak` kinds are nouns that are often
 * only a motif (`HEART`, `BIRD`, drinking `GLASS` beside a lantern): they decide only when the
 * title names no other kind. `filled` kinds stay the product when a container noun follows
 * (a citronella candle pot is a candle). `container` kinds are what a filled kind comes in.
 */
export type KindSeason = 'summer' | 'winter' | 'christmas' | 'easter';

export interface KindEntry {
  /** The kind's name; products of the same kind are priced against each other. */
  readonly kind: string;
  readonly category: string;
  readonly phrases: readonly string[];
  /** The season the kind sells in, when it has one (parasols in summer). */
  readonly season?: KindSeason;
  readonly weak?: boolean;
  readonly filled?: boolean;
  readonly container?: boolean;
}

type Options = Omit<KindEntry, 'kind' | 'category' | 'phrases'>;

/** Kinds of one category: `[kind, 'PHRASE|PHRASE', options?]`. */
function group(
  category: string,
  kinds: readonly (readonly [kind: string, phrases: string, options?: Options])[],
): KindEntry[] {
  return kinds.map(([kind, phrases, options]) => ({
    kind,
    category,
    phrases: phrases.split('|'),
    ...options,
  }));
}

const WEAK = { weak: true } as const;

/**
 * Phrases that contain a kind's word but name no product: a colour (`LIGHT BLUE`), a material
 * (`SILVER PLATE`), a motif (`TREE OF LIFE`). The matcher reads them as one word that is no kind.
 */
export const NOT_KINDS: readonly string[] = [
  'LIGHT BLUE',
  'LIGHT GREEN',
  'LIGHT PINK',
  'LIGHT BROWN',
  'LIGHT GREY',
  'LIGHT PURPLE',
  'SILVER PLATE',
  'TREE OF LIFE',
];

/**
 * Motif words that stand for an ornament when the title names nothing else (`PORCELAIN ROSE
 * SMALL`); each is its own kind, so a rose is priced against roses.
 */
function motifs(category: string, words: string): KindEntry[] {
  return words.split('|').map((word) => ({
    kind: `${word.toLowerCase()} ornament`,
    category,
    phrases: [word],
    weak: true,
  }));
}

export const KIND_TABLE: readonly KindEntry[] = [
  ...group('christmas', [
    ['christmas tree', 'CHRISTMAS TREE|FEATHER TREE', { season: 'christmas' }],
    ['tree decoration', 'TREE DECORATION|TREE ORNAMENT', { season: 'christmas' }],
    ['bauble', 'BAUBLE', { season: 'christmas' }],
    ['advent calendar', 'ADVENT CALENDAR', { season: 'christmas' }],
    ['cracker', 'CRACKER|CHRISTMAS CRACKER', { season: 'christmas' }],
    ['stocking', 'STOCKING', { season: 'christmas' }],
  ]),
  ...group('easter & seasonal', [['decorative egg', 'EGG|HANGING EGG|PAPER EGG', { season: 'easter' }]]),
  ...group('candles & lighting', [
    [
      'candle holder',
      'T-LIGHT HOLDER|T-LIGHT HLDR|TLIGHT HOLDER|TEALIGHT HOLDER|TEA LIGHT HOLDER|CANDLE HOLDER|CANDLEHOLDER|CANDLESTICK|CANDLE STICK|' +
        'CANDLESTAND|CANDLE STAND|CANDLE PLATE|CANDLE BOWL|CANDLEPOT|CANDLE RING|VOTIVE HOLDER|T-LIGHT|TLIGHT|TEA LIGHT|' +
        'TEALIGHT|LANTERN T-LIGHT',
    ],
    [
      'candle',
      'CANDLE|T-LIGHTS|TLIGHTS|TEALIGHTS|TEA LIGHTS|VOTIVE|DINNER CANDLE|PILLAR CANDLE|SCENTED CANDLE|' +
        'CHOCOLATECANDLE',
      { filled: true },
    ],
    ['citronella candle', 'CITRONELLA|CITRONELLA CANDLE', { filled: true, season: 'summer' }],
    ['incense', 'INCENSE|INCENSE CONE|INCENSE STICK', { filled: true }],
    ['oil burner', 'OIL BURNER|INCENSE BURNER|INCENSE HOLDER|WAX BURNER|FRAGRANCE BURNER'],
    ['lantern', 'LANTERN'],
    ['lamp', 'LAMP|LAMPSHADE|LAMP SHADE|TABLE LIGHT|TABLE LAMP|CHANDELIER'],
    ['lights', 'LIGHT|LIGHTS|NIGHT LIGHT|NIGHTLIGHT|LIGHT CHAIN|FAIRY LIGHTS|STRING LIGHTS|LIGHT GARLAND'],
    ['torch', 'TORCH|LED TORCH'],
  ]),
  ...group('baking', [
    [
      'cake cases',
      'CAKE CASE|CUPCAKE CASE|BAKING CASE|MUFFIN CASE|CAKE CUP|BAKING CUP|PETIT FOUR CASE|MINI CASE',
    ],
    ['cookie cutter', 'COOKIE CUTTER|BISCUIT CUTTER|PASTRY CUTTER|CUTTER'],
    ['baking mould', 'BAKING MOULD|CHOCOLATE MOULD|CAKE MOULD|JELLY MOULD|SILICONE MOULD|MOULD'],
    ['cake tin', 'CAKE TIN|BAKING TIN|LOAF TIN|PIE DISH|BAKING TRAY|MUFFIN TRAY'],
    ['baking set', 'BAKING SET|BAKING KIT|ICING SET|ICING PEN|PIPING SET|DECORATING SET'],
    ['rolling pin', 'ROLLING PIN'],
    ['ice lolly mould', 'ICE LOLLY|LOLLY MOULD|LOLLY HOLDER|POPSICLE', { season: 'summer' }],
  ]),
  ...group('tableware', [
    ['mug', 'MUG|COFFEE MUG|TEA MUG|BEAKER'],
    ['cup and saucer', 'CUP|TEACUP|TEA CUP|CUP AND SAUCER|TEACUP AND SAUCER|SAUCER|ESPRESSO CUP'],
    ['plate', 'PLATE|SIDE PLATE|DINNER PLATE|CAKE PLATE|CHARGER'],
    ['platter', 'PLATTER|SERVING PLATTER'],
    ['bowl', 'BOWL|FRUITBOWL|FRUIT BOWL|CEREAL BOWL|SNACK BOWL|SUGAR BOWL'],
    ['teapot', 'TEAPOT|TEA POT|TEA FOR ONE|COFFEE POT|CAFETIERE'],
    ['tea set', 'TEA SET|COFFEE SET|BREAKFAST SET|DINNER SET'],
    ['jug', 'JUG|MILK JUG|CREAMER|CARAFE|DECANTER|PITCHER'],
    ['cutlery', 'CUTLERY|CUTLERY SET|SPOON|TEASPOON|FORK|KNIFE|KNIVES|SPORK'],
    ['chopsticks', 'CHOPSTICK'],
    ['napkin', 'NAPKIN|NAPKIN RING|NAPKIN CHARM|NAPKIN HOLDER|SERVIETTE'],
    ['coaster', 'COASTER'],
    ['placemat', 'PLACEMAT|PLACE MAT|TABLE MAT|PLACE SETTING'],
    ['tablecloth', 'TABLECLOTH|TABLE CLOTH|TABLE RUNNER'],
    [
      'drinking glass',
      'TUMBLER|WINE GLASS|TEA GLASS|CHAMPAGNE GLASS|MILKSHAKE GLASS|SHOT GLASS|DRINKING GLASS|GOBLET|CHALICE',
    ],
    ['glass', 'GLASS', WEAK],
    ['dish', 'DISH|CHEESE DISH|BUTTER DISH|SUNDAE DISH|SERVING DISH|TAPAS DISH|DIP DISH'],
    ['cake stand', 'CAKE STAND|CAKESTAND|CUPCAKE STAND|CAKE DOME'],
    ['tray', 'TRAY|BREAKFAST TRAY|SERVING TRAY|TEA TRAY'],
    ['egg cup', 'EGG CUP|EGG COSY|EGG WARMER|EGG SPOON'],
    ['tea cosy', 'TEA COSY|COFFEE COSY|MUG COSY'],
    ['condiment set', 'SALT AND PEPPER|CRUET|CONDIMENT|CONDIMENT TRAY'],
    ['toast rack', 'TOAST RACK|TOASTRACK'],
    ['mug warmer', 'MUG WARMER'],
  ]),
  ...group('gifts & other', [
    ['pet bowl', 'DOG BOWL|CAT BOWL|PET BOWL|DOG FOOD CONTAINER|CAT FOOD CONTAINER|DOG COLLAR|PET FOOD'],
    ['money bank', 'MONEY BANK|MONEY BOX|PIGGY BANK|SAVINGS BANK'],
    ['hand warmer', 'HAND WARMER|POCKET WARMER', { season: 'winter' }],
    ['fridge magnet', 'MAGNET|FRIDGE MAGNET'],
    ['tools', 'SPIRIT LEVEL|SCREWDRIVER|MULTI SCREWDRIVER|TOOL KIT|TAPE MEASURE'],
    ['tissues', 'TISSUES|POCKET TISSUES'],
    ['first aid', 'PLASTERS|PLASTER|FIRST AID TIN|FIRST AID KIT|BALM'],
    ['matches', 'MATCHES|GIANT TUBE MATCHES'],
    ['ashtray', 'ASHTRAY'],
  ]),
  ...group('kitchen', [
    ['apron', 'APRON'],
    ['oven glove', 'OVEN GLOVE|OVEN MITT|POT HOLDER|DOUBLE OVEN GLOVE'],
    ['tea towel', 'TEA TOWEL|DISH CLOTH|DISHCLOTH'],
    ['lunch box', 'LUNCH BOX|LUNCHBOX|SNACK BOX|PICNIC BOX|BENTO BOX'],
    ['jar', 'JAR|JAM JAR|STORAGE JAR|KILNER JAR|SWEETIE JAR', { container: true }],
    [
      'kitchen tin',
      'TIN|STORAGE TIN|BISCUIT TIN|TEA TIN|CAKE TIN SET|TEA CADDY|COFFEE CADDY|CADDY|CANISTER',
      { container: true },
    ],
    ['food container', 'CONTAINER|FOOD CONTAINER|COFFEE CONTAINER|TEA CONTAINER|SUGAR CONTAINER'],
    ['bottle', 'BOTTLE|WATER BOTTLE|DRINKS BOTTLE|MILK BOTTLE|GLASS BOTTLE', { container: true }],
    ['chopping board', 'CHOPPING BOARD|CHEESE BOARD|BREAD BOARD|SERVING BOARD'],
    ['bread bin', 'BREAD BIN|BREADBIN|BISCUIT BIN'],
    ['kitchen utensil', 'LADLE|WHISK|SPATULA|GRATER|COLANDER|SIEVE|SQUEEZER|MEASURING SPOON|UTENSIL'],
    ['measuring jug', 'MEASURING JUG|MEASURING CUP'],
    ['pan', 'FRYING PAN|SAUCEPAN|EGG PAN|PAN'],
    ['kitchen scales', 'KITCHEN SCALES|SCALES'],
    ['kitchen timer', 'KITCHEN TIMER|EGG TIMER|TIMER'],
    ['recipe box', 'RECIPE BOX|RECIPE BOOK STAND|RECIPE HOLDER|BOOK STAND'],
    ['washing up', 'WASHING UP GLOVES|SCRUBBING BRUSH|WASHING UP BRUSH|DISH BRUSH|PAN SCRUBBER'],
    ['food cover', 'FOOD COVER|JUG COVER|BOWL COVER'],
    ['jam making set', 'JAM MAKING SET|JAM SET'],
    ['doormat', 'DOORMAT|DOOR MAT'],
    ['egg holder', 'EGG HOLDER|EGG RACK|EGG BOX|EGG HOUSE|EGG BASKET'],
  ]),
  ...group('bags', [
    ['bag', 'BAG|SHOPPING BAG|SHOULDER BAG|DRAWSTRING BAG|COSMETIC BAG|SCHOOL BAG', { container: true }],
    ['jumbo bag', 'JUMBO BAG|JUMBO SHOPPER|JUMBO STORAGE BAG|JUMBO BAG CHARLIE'],
    ['lunch bag', 'LUNCH BAG|COOL BAG|COOLER BAG'],
    ['picnic bag', 'PICNIC BAG', { season: 'summer' }],
    ['tote bag', 'TOTE|TOTE BAG|SHOPPER|SHOPPER BAG|BEACH BAG'],
    ['charlotte bag', 'CHARLOTTE BAG|CHARLOTTE'],
    ['purse', 'PURSE|COIN PURSE|WALLET|CARD WALLET|TRAVEL CARD WALLET'],
    ['handbag', 'HANDBAG|HAND BAG|EVENING BAG'],
    ['backpack', 'BACKPACK|RUCKSACK|SATCHEL'],
    ['washbag', 'WASHBAG|WASH BAG|TOILETRY BAG|MAKE UP BAG|MAKEUP BAG'],
  ]),
  ...group('stationery & cards', [
    [
      'card',
      'CARD|NOTELETS|GREETING CARD|BIRTHDAY CARD|GREETINGS CARD|THANK YOU CARD|MESSAGE CARD|GIFT CARD|POSTCARD|POSTCARD SET',
    ],
    ['notebook', 'NOTEBOOK|NOTE BOOK|NOTEPAD|NOTE PAD|MEMO PAD|POCKET BOOK|JOURNAL|DIARY|ADDRESS BOOK|BOOK'],
    ['sketchbook', 'SKETCHBOOK|SKETCH BOOK|SCRAP BOOK|SCRAPBOOK|SCRAP BOOK SET|COLOURING BOOK|DRAWING BOOK'],
    ['pencils', 'PENCIL|COLOURED PENCILS|COLOURING PENCILS'],
    ['crayons', 'CRAYON|PASTELS'],
    ['chalk', 'CHALK|CHALK STICKS'],
    ['pen', 'PEN|BALLPEN|BALL PEN|BIRO|FELT TIP|MARKER PEN|HIGHLIGHTER'],
    ['eraser', 'ERASER|RUBBER'],
    ['sharpener', 'SHARPENER|PENCIL SHARPENER'],
    ['ruler', 'RULER|WOODEN RULER|CALCULATOR RULER'],
    ['sticker', 'STICKER|STICKER SHEET|STICKER SET'],
    ['gift wrap', 'WRAP|WRAPPING PAPER|GIFT WRAP|TISSUE PAPER|TISSUE REAM'],
    ['paper', 'PAPER', WEAK],
    ['envelope', 'ENVELOPE'],
    ['gift tape', 'TAPE|GIFT TAPE|WASHI TAPE|MASKING TAPE'],
    ['ribbon', 'RIBBON|RIBBON REEL|RIBBONS'],
    ['gift tag', 'GIFT TAG|LABEL|TAG|GIFT LABEL'],
    ['sticky notes', 'TOAST ITS|STICKY NOTES|POST ITS'],
    ['stationery set', 'STATIONERY SET|WRITING SET|STATIONERY|LETTER SET|PEN SET'],
    ['colouring set', 'COLOURING SET|PAINT SET|PAINTING SET'],
    ['stencil', 'STENCIL|STENCIL CRAFT'],
    ['stamp set', 'STAMP SET|STAMP'],
    ['calendar', 'CALENDAR|PLANNER'],
    ['chalkboard', 'CHALKBOARD|BLACKBOARD|BLACK BOARD|MEMO BOARD|MEMOBOARD|NOTICE BOARD|PINBOARD|WHITEBOARD'],
    ['paperweight', "PAPERWEIGHT|P'WEIGHT|PAPER WEIGHT"],
    ['bookmark', 'BOOKMARK|BOOK MARK'],
    ['pencil case', 'PENCIL CASE|PEN CASE|PENCIL TIN|PENCIL POT|PEN POT'],
    ['scissors', 'SCISSOR|SCISSORS|PAPER CLIPS|STAPLER'],
    ['calculator', 'CALCULATOR'],
    ['doily', 'DOILY|DOILIES|PAPER DOILIES'],
  ]),
  ...group('party', [
    ['party bag', 'PARTY BAG|GOODY BAG|FAVOUR BAG'],
    ['bunting', 'BUNTING|PENNANT'],
    ['balloon', 'BALLOON|BALLOON PUMP'],
    ['garland', 'GARLAND|PAPER GARLAND|GARLD'],
    ['confetti', 'CONFETTI'],
    ['paper chain', 'PAPER CHAIN|PAPER CHAIN KIT'],
    ['straws', 'STRAW|STRAWS|BENDY STRAWS|DRINKING STRAWS'],
    ['party invites', 'INVITE|INVITES|PARTY INVITES|INVITATION'],
    [
      'party decoration',
      'HONEYCOMB|HONEYCOMB FAN|PAPER FAN|PAPER LANTERN|PAPER BALL|PAPER BELL|POMPOM|TISSUE BALL|PINATA|PARTY CONES',
    ],
    ['party tableware', 'PARTY PLATE|PARTY CUP|PARTY NAPKIN|PAPER PLATE|PAPER CUP|PAPER NAPKIN'],
    ['cocktail parasol', 'COCKTAIL PARASOL|COCKTAIL STICK|CUPCAKE TOPPER|CAKE TOPPER', { season: 'summer' }],
    ['party costume', 'GRASS SKIRT|LEI|LEIS|FANCY DRESS|PARTY HAT|TIARA'],
    ['birthday candles', 'BIRTHDAY CANDLE|CANDLE NUMBER'],
  ]),
  ...group('toys & games', [
    [
      'toy',
      'TOY|SOFT TOY|ROCKING HORSE|PLUSH|TEDDY|TEDDY BEAR|DOLL|RAG DOLL|PUPPET|SOCK PUPPET|FINGER PUPPET',
    ],
    [
      'game',
      'GAME|CARD GAME|BOARD GAME|DOMINO|DOMINOES|LUDO|BINGO|BINGO SET|SNAKES AND LADDERS|CHESS|' +
        'SKITTLES|PLAYING CARDS|MARBLES|JACKS|SPORTING FUN',
    ],
    ['jigsaw', 'JIGSAW|PUZZLE|JIGSAW PUZZLE|MINI JIGSAW'],
    ['skipping rope', 'SKIPPING ROPE|SKIPPPING ROPE|SKIPPING'],
    ['building blocks', 'BUILDING BLOCK|BLOCK|BLOCKS|BUILDING BLOCK WORD'],
    ['spinning top', 'SPINNING TOP|YO-YO|YOYO'],
    ['musical toy', 'HARMONICA|WHISTLE|RATTLE|KALEIDOSCOPE'],
    ['helicopter', 'HELICOPTER'],
    ['toy vehicle', 'GLIDER|GLIDERS|TOY CAR|RACING CAR|AEROPLANE|PLANE'],
    ['ball', 'BALL|BEACH BALL|BOUNCY BALL'],
    ['outdoor toy', 'FLYING DISC|FRISBEE|KITE|BUBBLES|HOOPLA'],
    ['windmill', 'WINDMILL|PINWHEEL', { season: 'summer' }],
    ['beach toy', 'BEACH SPADE|SPADE|SEASIDE BUCKET|SANDCASTLE FLAG|SANDCASTLE', { season: 'summer' }],
    ['craft kit', 'KIT|CRAFT KIT|KNITTING NANCY|MODELLING CLAY|PAINT YOUR OWN|SEWING KIT|FELTCRAFT KIT'],
    ['playhouse', 'PLAYHOUSE|PLAY HOUSE|WHEELBARROW FOR CHILDREN|DOLLS HOUSE|TREASURE CHEST'],
    ['magic slate', 'DRAWING SLATE|MAGIC DRAWING SLATE|SLATE'],
    ['tattoos', 'TATTOO|TATTOOS|TRANSFER TATTOOS'],
  ]),
  ...group('garden & outdoor', [
    [
      'planter',
      'PLANTER|PLANT POT|FLOWER POT|FLOWERPOT|GARDEN POT|HERB POT|POT HANGER|WALL PLANTER|PLANT CAGE|PLANT HOLDER',
      {
        container: true,
      },
    ],
    ['watering can', 'WATERING CAN'],
    ['bird feeder', 'BIRD FEEDER|BIRD TABLE|BIRD HOUSE|BIRDHOUSE|BIRD BOX|BIRD BATH|FEEDER'],
    ['garden marker', 'GARDEN MARKER|HERB MARKER|PLANT MARKER|PLANT LABEL|PLANT STAKE'],
    ['garden decoration', 'GARDEN DECORATION|GARDEN ORNAMENT|GARDEN STAKE'],
    ['gnome', 'GNOME'],
    ['windsock', 'WINDSOCK'],
    [
      'garden tools',
      'GARDEN GLOVES|GARDEN TOOL|TROWEL|KNEELER|GARDEN KNEELER|GARDEN SET|SECATEURS|RAKE|GARDEN BRUSH|TWINE|PLANT LADDER',
    ],
    ['grow kit', 'GROW YOUR OWN|SEED|SEEDS|GROW KIT|GROW A'],
    ['garden furniture', 'GARDEN SHELF|GARDEN BENCH|GARDEN CHAIR|HAMMOCK', { season: 'summer' }],
    ['parasol', 'PARASOL|GARDEN PARASOL|PAPER PARASOL|DECORATIVE PARASOL', { season: 'summer' }],
    ['picnic basket', 'PICNIC BASKET|PICNIC HAMPER|PICNIC SET|PICNIC BLANKET', { season: 'summer' }],
    ['thermometer', 'THERMOMETER'],
  ]),
  ...group('jewellery & accessories', [
    ['necklace', 'NECKLACE|NECKL|NECKLAC|PENDANT|CHOKER|NECKLACE AND BRACELET SET'],
    ['bracelet', 'BRACELET|BANGLE|CHARM BRACELET'],
    ['earrings', 'EARRING|EARRINGS|STUD EARRINGS'],
    ['ring', 'RING|DIAMANTE RING'],
    ['hair slide', 'HAIR SLIDE|HAIRSLIDE|SLIDE'],
    ['hair clip', 'HAIR CLIP|HAIRCLIP|HAIR GRIP'],
    ['hairband', 'HAIRBAND|HAIR BAND|HEADBAND'],
    ['hair comb', 'HAIR COMB'],
    ['hair tie', 'HAIR TIE|HAIR BOBBLE'],
    ['clip', 'CLIP', WEAK],
    ['brooch', 'BROOCH|CORSAGE'],
    ['badge', 'BADGE|PIN BADGE'],
    ['bag charm', 'BAG CHARM|CHARM|PHONE CHARM'],
    ['keyring', 'KEYRING|KEY RING|KEY FOB|KEYFOB|KEY CHAIN|KEYRING BALL'],
    ['sunglasses', 'SUNGLASSES|SUN HAT', { season: 'summer' }],
    ['hand fan', 'FAN|SILK FAN|TRAVELING FAN|TRAVELLING FAN'],
    ['scarf', 'SCARF|SNOOD', { season: 'winter' }],
    ['gloves', 'GLOVES|MITTENS|EAR MUFF|EARMUFFS', { season: 'winter' }],
    ['hat', 'HAT|SOMBRERO|CAP|BERET'],
    ['umbrella', 'UMBRELLA|FOLDING UMBRELLA'],
    ['rainwear', 'RAIN PONCHO|PONCHO|RAIN MAC|RAINCOAT'],
    ['luggage tag', 'LUGGAGE TAG'],
    ['passport cover', 'PASSPORT COVER|PASSPORT HOLDER'],
    ['pocket mirror', 'COMPACT MIRROR|POCKET MIRROR|FABRIC MIRROR|HANDBAG MIRROR'],
    ['iron-on patch', 'PATCH|PATCHES|IRON ON PATCHES'],
    ['slippers', 'SLIPPER|SLIPPERS|SLIPPER SOCK|SLIPPER SHOES|SOCKS'],
    ['headphones', 'HEADPHONES|EAR MUFF HEADPHONES'],
    ['shower cap', 'SHOWER CAP'],
  ]),
  ...group('clocks & frames', [
    ['clock', 'CLOCK|ALARM CLOCK|TABLE CLOCK|WALL CLOCK|ALARM'],
    ['frame', 'FRAME|PHOTO FRAME|PICTURE FRAME|PHOTO CUBE|PHOTO ALBUM|ALBUM'],
    ['photo clip', 'PHOTO CLIP|PHOTO CLIPS|CLIP STRING|PHOTO HOLDER|PHOTO STRING'],
    ['mirror', 'MIRROR|WALL MIRROR'],
  ]),
  ...group('signs & wall decor', [
    ['sign', 'SIGN|METAL SIGN|DOOR SIGN|DOORSIGN|WOODEN SIGN|HANGING SIGN'],
    ['print', 'PRINT', WEAK],
    ['plaque', 'PLAQUE|WALL PLAQUE|WALL ART|ART PRINT|POSTER|CANVAS ART|WALL CANVAS|WALL STICKER|WALL DECAL'],
    ['door hanger', 'DOOR HANGER'],
    ['number tile', 'NUMBER TILE|TILE|HOUSE NUMBER'],
  ]),
  ...group('textiles & cushions', [
    ['cushion', 'CUSHION|CUSHION COVER|COVER|FLOOR CUSHION'],
    ['cushion pad', 'CUSHION PAD|FILLER PAD'],
    ['pouffe', 'POUFFE|BEAN BAG'],
    ['throw', 'THROW|BLANKET', { season: 'winter' }],
    ['quilt', 'QUILT|BEDSPREAD'],
    ['towel', 'TOWEL|HAND TOWEL|BATH TOWEL'],
    ['flannel', 'FLANNEL|FACE CLOTH'],
    ['bib', 'BIB|BABY BIB'],
    ['hot water bottle', 'HOT WATER BOTTLE|HOTTIE', { season: 'winter' }],
    ['curtain', 'CURTAIN|STRING CURTAIN'],
    ['rug', 'RUG'],
  ]),
  ...group('home storage', [
    ['box', 'BOX|STORAGE BOX|STORAGE CUBE|CUBE|NESTING BOX', { container: true }],
    ['trinket box', 'TRINKET BOX|TRINKET POT|TRINKET DISH|DRESSING TABLE POT'],
    ['keepsake box', 'KEEPSAKE BOX|MEMORY BOX'],
    ['jewellery box', 'JEWELLERY BOX'],
    ['chest', 'MINI CHEST|CHEST'],
    ['basket', 'BASKET|HAMPER|LOG BASKET|CARRY-ALL BASKET|TRUG', { container: true }],
    ['crate', 'CRATE'],
    ['drawers', 'DRAWER|CHEST OF DRAWERS|DRAWERS'],
    ['cabinet', 'CABINET|CUPBOARD|KEY CABINET|MEDICINE CABINET'],
    ['hook', 'HOOK|COAT HOOK|HOOKS|PEG HOOK|CUP HOOK'],
    ['hanger', 'HANGER|COAT HANGER|COATHANGER|SOCK HANGER|HANGERS'],
    ['rack', 'RACK|LETTER RACK|MAGAZINE RACK|NEWSPAPER STAND'],
    ['shelf', 'SHELF|SHELVES'],
    ['wall tidy', 'WALL TIDY|ORGANISER'],
    ['holder', 'HOLDER|CARD HOLDER|CARDHOLDER|MEMO HOLDER|KEY HOLDER|TOILET ROLL HOLDER'],
    ['knob', 'KNOB|DRAWER KNOB|DRAWERKNOB|DOOR KNOB'],
    ['drawer liner', "DRAWER LINER|B'DRAW LINER|SHELF LINER"],
    ['pegs', 'PEG|PEGS|CLOTHES PEGS'],
    ['peg bag', 'PEG BAG'],
    ['bucket', 'BUCKET|FIRE BUCKET|PAIL', { container: true }],
    ['bin', 'BIN|WASTE BIN|WASTEPAPER BIN|BULLET BIN'],
    ['laundry bag', 'LAUNDRY BAG|LAUNDRY BASKET'],
    ['case', 'CASE|TUB|TUBE', { weak: true, container: true }],
  ]),
  ...group('home decor', [
    ['decoration', 'DECORATION|HANGING DECORATION|ORNAMENT|DECO|DEC'],
    ['mobile', 'MOBILE|SUNCATCHER'],
    ['vase', 'VASE|BUD VASE|CLOCHE|GLASS CLOCHE'],
    ['wreath', 'WREATH'],
    ['doorstop', 'DOORSTOP|DOOR STOP'],
    ['chime', 'CHIME|WIND CHIME'],
    ['bell', 'BELL|BELLS'],
    ['doorbell', 'DOORBELL'],
    ['birdcage', 'BIRDCAGE|BIRD CAGE'],
    ['artificial flower', 'ARTIFICIAL FLOWER|ART FLOWER|SCENTED FLOWER|FLOWER GARLAND|BOUQUET'],
    ['wood letters', 'WOOD LETTERS|WOODEN LETTERS|PAINTED LETTERS|LETTERS|WORD'],
    [
      'bathroom accessory',
      'BATHROOM SET|BATHROOM BOTTLE|SOAP DISH|SOAP RACK|BATHROOM SCALES|BATH SPONGE|SPONGE',
    ],
    ['furniture', 'CHAIR|FOLDING CHAIR|STOOL|TABLE|ROUND TABLE|SIDE TABLE|DESK|SCREEN|SIDEBOARD'],
  ]),
  ...motifs(
    'home decor',
    'HEART|STAR|BIRD|BUTTERFLY|FLOWER|ROSE|DOG|SCOTTIE DOG|CAT|RABBIT|BUNNY|HARE|OWL|DOVE|ANGEL|CHICK|HEN|' +
      'CHICKEN|MUSHROOM|TOADSTOOL|SHELL|FISH|FROG|HORSE|DUCK|FEATHER|BUDDHA HEAD|HAND|PEARS|APPLES|' +
      'LIGHTBULB|TRELLIS|GECKO|DRAGONFLY',
  ),
];
