import { describe, expect, it } from 'vitest';
import { evaluatePolicies, rotatingFocal } from './evaluate.js';
import { auctionNetMarket } from './market-config.js';
import { dualPacing, fixedMultiplier } from './policies/index.js';
import { summarise, t975 } from './stats.js';

describe('summarise', () => {
  it('gives the mean with a Student-t 95 % interval', () => {
    const s = summarise([1, 2, 3, 4, 5]);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(s.halfWidth).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 12);
    expect(t975(19)).toBe(2.093);
    expect(t975(200)).toBeCloseTo(1.972, 3);
    expect(summarise([]).n).toBe(0);
  });
});

describe('evaluatePolicies', () => {
  it('rotates the focal advertisers through every campaign of each category', () => {
    const market = auctionNetMarket();
    const seen = new Set(Array.from({ length: 8 }, (_, s) => rotatingFocal(market, s + 1)).flat());
    expect(seen.size).toBe(48);
    expect(rotatingFocal(market, 1).map((a) => market.campaigns[a]?.category)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('returns per-seed rows and per-policy means with intervals, on common seeds', () => {
    const market = auctionNetMarket({ opportunities: 20_000 });
    const rows: string[] = [];
    const evaluation = evaluatePolicies({
      seeds: [1, 2, 3],
      policies: [fixedMultiplier(), dualPacing()],
      market,
      onRow: (row) => rows.push(`${row.policy}/${row.seed}`),
    });
    expect(rows).toEqual([
      'fixed-multiplier/1',
      'fixed-multiplier/2',
      'fixed-multiplier/3',
      'dual-pacing/1',
      'dual-pacing/2',
      'dual-pacing/3',
    ]);
    for (const p of evaluation.policies) {
      expect(p.rows).toHaveLength(3);
      expect(p.metrics.overspendCount.mean).toBe(0);
      expect(p.metrics.score.low).toBeLessThanOrEqual(p.metrics.score.mean);
      expect(p.metrics.competitiveRatio.mean).toBeGreaterThan(0);
      expect(p.metrics.competitiveRatio.mean).toBeLessThanOrEqual(1.05);
    }
    expect(() => evaluatePolicies({ seeds: [], policies: [dualPacing()], market })).toThrow(
      /at least one seed/,
    );
  });
});
