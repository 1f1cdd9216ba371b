import { describe, expect, it } from 'vitest';
import { CATEGORIES, categorize, themeOf } from './categorize.js';
import { KIND_TABLE } from './product-kinds.js';

describe('categorize', () => {
  it.each([
    // whole words: SWEETHEART is no HEART, PARASOL no SOL, a CUP HOOK a hook
    ['CREAM SWEETHEART LETTER RACK', 'home storage'],
    ['EDWARDIAN PARASOL RED', 'garden & outdoor'],
    ['ASSORTED MONKEY SUCTION CUP HOOK', 'home storage'],
    ['GINGHAM OVEN GLOVE RED HEART', 'kitchen'],
    // the head noun decides over a design or material word
    ['WHITE HANGING HEART T-LIGHT HOLDER', 'candles & lighting'],
    ['CANDLEHOLDER PINK HANGING HEART', 'candles & lighting'],
    ['CAKE STAND VICTORIAN FILIGREE SMALL', 'tableware'],
    ['CERAMIC CHERRY CAKE MONEY BANK', 'gifts & other'],
    ['PINK BLUE FELT CRAFT TRINKET BOX', 'home storage'],
    ['JAZZ HEARTS PURSE NOTEBOOK', 'stationery & cards'],
    ['NUMBER TILE COTTAGE GARDEN 1', 'signs & wall decor'],
    ['PURPLE BERTIE GLASS BEAD BAG CHARM', 'jewellery & accessories'],
    ['RED RETROSPOT PEG BAG', 'home storage'],
    ['DOG BOWL VINTAGE CREAM', 'gifts & other'],
    // design ranges never decide
    ['REGENCY CAKESTAND 3 TIER', 'tableware'],
    ['VINTAGE HEADS AND TAILS CARD GAME', 'toys & games'],
    ['JUMBO BAG RED RETROSPOT', 'bags'],
    // a motif alone is an ornament
    ['PORCELAIN ROSE SMALL', 'home decor'],
    ['SOMETHING UNHEARD OF', 'gifts & other'],
  ])('%s → %s', (title, category) => {
    expect(categorize(title)).toBe(category);
  });

  it('puts holiday products in their holiday whatever they are', () => {
    expect(categorize('PAPER CHAIN KIT 50S CHRISTMAS')).toBe('christmas');
    expect(categorize('CHRISTMAS LIGHTS 10 VINTAGE BAUBLES')).toBe('christmas');
    expect(categorize('PINK GOOSE FEATHER TREE 60CM')).toBe('christmas');
    expect(categorize('S/4 VALENTINE DECOUPAGE HEART BOX')).toBe('easter & seasonal');
  });

  it('only names categories it lists, each kind in one of them', () => {
    for (const entry of KIND_TABLE) expect(CATEGORIES).toContain(entry.category);
  });
});

describe('themeOf', () => {
  it('reads holiday words, not design ranges', () => {
    expect(themeOf('SET OF 6 HALLOWEEN GHOST T-LIGHTS')).toEqual({
      category: 'easter & seasonal',
      season: 'autumn',
    });
    expect(themeOf('CREAM SWEETHEART LETTER RACK')).toBeUndefined();
    expect(themeOf('CERAMIC BOWL WITH LOVE HEART DESIGN')).toBeUndefined();
  });

  it('lets an Easter motif make a decoration Easter, not a sticker sheet or a hot water bottle', () => {
    expect(themeOf('HANGING CHICK CREAM DECORATION')?.season).toBe('easter');
    expect(themeOf('PANDA AND BUNNIES STICKER SHEET')).toBeUndefined();
    expect(themeOf('CHICK GREY HOT WATER BOTTLE')).toBeUndefined();
  });
});
