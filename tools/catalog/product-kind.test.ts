import { describe, expect, it } from 'vitest';
import { productKind, singular, titleWords } from './product-kind.js';

const kindOf = (title: string) => productKind(title)?.kind;

describe('titleWords', () => {
  it('reads & and + as AND, BOX/12 as BOX OF 12, and splits numbers glued to words', () => {
    expect(titleWords('200 RED + WHITE BENDY STRAWS')).toEqual([
      '200',
      'RED',
      'AND',
      'WHITE',
      'BENDY',
      'STRAWS',
    ]);
    expect(titleWords('BOX/12 CHICK & EGG')).toEqual(['BOX', 'OF', '12', 'CHICK', 'AND', 'EGG']);
    expect(titleWords('GARLD NECKL36"AMETHYST')).toEqual(['GARLD', 'NECKL', '36', 'AMETHYST']);
    expect(titleWords('AIRLINE LOUNGE,METAL SIGN')).toEqual(['AIRLINE', 'LOUNGE', 'METAL', 'SIGN']);
  });

  it('keeps hyphens and apostrophes inside words', () => {
    expect(titleWords("T-LIGHT P'WEIGHT")).toEqual(['T-LIGHT', "P'WEIGHT"]);
  });
});

describe('singular', () => {
  it.each([
    ['CANDLES', 'CANDLE'],
    ['BOXES', 'BOX'],
    ['DOILIES', 'DOILY'],
    ['MATCHES', 'MATCH'],
    ['GLASS', 'GLASS'],
    ['BUS', 'BUS'],
  ])('%s → %s', (word, one) => {
    expect(singular(word)).toBe(one);
  });
});

describe('productKind', () => {
  it('matches whole words only', () => {
    expect(kindOf('EDWARDIAN PARASOL RED')).toBe('parasol');
    expect(productKind('SOMETHING UNHEARD OF')).toBeUndefined();
    expect(kindOf('CREAM SWEETHEART LETTER RACK')).toBe('rack');
  });

  it('takes the head noun: the last kind named, longest phrase first', () => {
    expect(kindOf('WHITE HANGING HEART T-LIGHT HOLDER')).toBe('candle holder');
    expect(kindOf('CREAM HEART CARD HOLDER')).toBe('holder');
    expect(kindOf('ASSORTED MONKEY SUCTION CUP HOOK')).toBe('hook');
    expect(kindOf('CERAMIC CHERRY CAKE MONEY BANK')).toBe('money bank');
    expect(kindOf('BIRD HOUSE HOT WATER BOTTLE')).toBe('hot water bottle');
  });

  it('reads a kind named first with its design after it', () => {
    expect(kindOf('LUNCH BAG RED RETROSPOT')).toBe('lunch bag');
    expect(kindOf('CAKE STAND VICTORIAN FILIGREE SMALL')).toBe('cake stand');
  });

  it('ends the product clause at WITH, W, IN and a later SET OF', () => {
    expect(kindOf('PIG KEYRING WITH LIGHT & SOUND')).toBe('keyring');
    expect(kindOf('BLACK GLASS BRACELET W HEART CHARMS')).toBe('bracelet');
    expect(kindOf('SMALL WHITE RETROSPOT MUG IN BOX')).toBe('mug');
    expect(kindOf('MAGNETS PACK OF 4 VINTAGE LABELS')).toBe('fridge magnet');
    expect(kindOf('POTTERING IN THE SHED METAL SIGN')).toBe('sign');
  });

  it('reads a container followed by OF as a quantity', () => {
    expect(kindOf('BOX OF 24 COCKTAIL PARASOLS')).toBe('cocktail parasol');
    expect(kindOf('BOX/12 SMALL GLASS CANDLES')).toBe('candle');
  });

  it('reads a kind after AND as a motif unless a kind stands before the AND', () => {
    expect(kindOf('CARD DOG AND BALL')).toBe('card');
    expect(kindOf('JIGSAW RABBIT AND BIRDHOUSE')).toBe('jigsaw');
    expect(kindOf('ROSES REGENCY TEACUP AND SAUCER')).toBe('cup and saucer');
  });

  it('reads a kind followed by DESIGN or PRINT as a motif', () => {
    expect(kindOf('DOG BOWL CHASING BALL DESIGN')).toBe('pet bowl');
    expect(kindOf('DOORSTOP RACING CAR DESIGN')).toBe('doorstop');
  });

  it('keeps a filled kind before the container it comes in', () => {
    expect(kindOf('CITRONELLA CANDLE GARDEN POT')).toBe('citronella candle');
    expect(kindOf('GREEN WIRE STANDING CANDLE HOLDER')).toBe('candle holder');
  });

  it('lets a motif word stand for an ornament only when nothing else is named', () => {
    expect(productKind('PORCELAIN ROSE SMALL')).toMatchObject({ kind: 'rose ornament', weak: true });
    expect(kindOf('HEART DECORATION PAINTED ZINC')).toBe('decoration');
    expect(kindOf('T-LIGHT GLASS FLUTED ANTIQUE')).toBe('candle holder');
  });

  it('tells a plural spelled in the table from the singular', () => {
    expect(kindOf('SET OF 6 T-LIGHTS EASTER CHICKS')).toBe('candle');
    expect(kindOf('VICTORIAN GLASS HANGING T-LIGHT')).toBe('candle holder');
  });

  it('reads colour phrases as no kind', () => {
    expect(kindOf('BISCUITS SMALL BOWL LIGHT BLUE')).toBe('bowl');
  });

  it('carries the season of kinds that sell in one', () => {
    expect(productKind('LARGE RED RETROSPOT WINDMILL')?.season).toBe('summer');
    expect(productKind('HAND WARMER OWL DESIGN')?.season).toBe('winter');
    expect(productKind('JUMBO BAG RED RETROSPOT')?.season).toBeUndefined();
  });
});
