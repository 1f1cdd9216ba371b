import { describe, expect, it } from 'vitest';
import { CreativeInsight } from '../../src/core/index.js';
import { testAgentContext } from '../../src/testing/index.js';
import { creativeAnalyst } from './creative-analyst.js';
import { seasonOf, sellingPointsOf, titleCase } from './features.js';

describe('creative analyst (offline)', () => {
  const ctx = testAgentContext();

  it('produces a valid insight per product with price band among products of its kind', async () => {
    const { insights } = await creativeAnalyst.run({ productIds: ['22139', '85123A'] }, ctx);
    expect(insights).toHaveLength(2);
    for (const i of insights) expect(() => CreativeInsight.parse(i)).not.toThrow();
    const teaSet = insights[0]!;
    expect(teaSet.category).toBe('tableware');
    // Tea sets against tea sets: the £4.95 set is the cheapest of them, though dearer than most
    // tableware (mugs and plates).
    const { basis, prices } = ctx.catalog.comparablePrices(ctx.catalog.product('22139'));
    expect(basis).toBe('kind');
    const cheaper = prices.filter((p) => p < 4.95).length;
    expect(teaSet.pricePercentile).toBeCloseTo((cheaper + 0.5) / prices.length, 3);
    expect(teaSet.priceBand).toBe('budget');
    expect(teaSet.risks.join(' ')).toMatch(/fragile/);
    expect(teaSet.sellingPoints).toContain('set of 11');
    expect(teaSet.copies).toHaveLength(3);
    expect(teaSet.copies[0]!.score).toBeGreaterThanOrEqual(teaSet.copies[2]!.score);
  });

  it('writes Chinese copy for a Chinese goal', async () => {
    const { insights } = await creativeAnalyst.run({ productIds: ['22139'], language: 'zh' }, ctx);
    expect(insights[0]!.copies[0]!.text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reads the season from the title', () => {
    expect(seasonOf('PAPER CHAIN KIT 50S CHRISTMAS')).toBe('christmas');
    expect(seasonOf('HAND WARMER OWL DESIGN')).toBe('winter');
    expect(seasonOf('WHITE METAL LANTERN')).toBe('all-year');
    expect(seasonOf('CITRONELLA CANDLE GARDEN POT')).toBe('summer');
    expect(seasonOf('LARGE RED RETROSPOT WINDMILL')).toBe('summer');
    expect(seasonOf('FAUX FUR CHOCOLATE THROW')).toBe('winter');
    expect(seasonOf('PINK GOOSE FEATHER TREE 60CM')).toBe('christmas');
    expect(titleCase('SET/6 RED SPOTTY PAPER PLATES')).toBe('Set/6 Red Spotty Paper Plates');
  });

  it('takes no season from design names: a sweetheart rack, a cottage-garden tile, a seaside jigsaw', () => {
    expect(seasonOf('CREAM SWEETHEART LETTER RACK')).toBe('all-year');
    expect(seasonOf('NUMBER TILE COTTAGE GARDEN 1')).toBe('all-year');
    expect(seasonOf('VINTAGE SEASIDE JIGSAW PUZZLES')).toBe('all-year');
    expect(seasonOf('SUMMER BUTTERFLIES BAG CHARM')).toBe('all-year');
    expect(seasonOf('CERAMIC BOWL WITH LOVE HEART DESIGN')).toBe('all-year');
  });

  it('fails with the unknown id named', async () => {
    await expect(creativeAnalyst.run({ productIds: ['NOPE'] }, ctx)).rejects.toThrow(
      /No product named "NOPE"/,
    );
  });

  it('derives selling points from the title and real sales', () => {
    const p = ctx.catalog.product('22139');
    expect(sellingPointsOf(p, 'premium')).toEqual(
      expect.arrayContaining(['made of ceramic', 'retrospot design']),
    );
  });
});
