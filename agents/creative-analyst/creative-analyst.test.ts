import { describe, expect, it } from 'vitest';
import { CreativeInsight } from '../../src/core/index.js';
import { testAgentContext } from '../../src/testing/index.js';
import { creativeAnalyst } from './creative-analyst.js';
import { seasonOf, sellingPointsOf, titleCase } from './features.js';

describe('creative analyst (offline)', () => {
  const ctx = testAgentContext();

  it('produces a valid insight per product with price band from the category distribution', async () => {
    const { insights } = await creativeAnalyst.run({ productIds: ['22139', '85123A'] }, ctx);
    expect(insights).toHaveLength(2);
    for (const i of insights) expect(() => CreativeInsight.parse(i)).not.toThrow();
    const teaSet = insights[0]!;
    expect(teaSet.category).toBe('tableware');
    const cheaper = ctx.catalog.categoryPrices('tableware').filter((p) => p < 4.95).length;
    expect(teaSet.pricePercentile).toBeGreaterThanOrEqual(
      cheaper / ctx.catalog.categoryPrices('tableware').length - 0.01,
    );
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
    expect(titleCase('SET/6 RED SPOTTY PAPER PLATES')).toBe('Set/6 Red Spotty Paper Plates');
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
