import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAuctionNetConfig, loadAvitoTrafficCurve } from './data.js';
import { RandomStream, componentSeeds, hashUniform, lognormalTable, normalQuantile } from './random.js';
import { opportunitiesPerTick, remainingShare } from './traffic.js';

describe('shipped data', () => {
  it('reads the 48 AuctionNet campaigns and their 48-tick traffic curve', () => {
    const { campaigns, trafficCurve } = loadAuctionNetConfig();
    expect(campaigns).toHaveLength(48);
    expect(campaigns[4]).toEqual({ index: 4, category: 0, budget: 4800, targetCpa: 60 });
    expect(trafficCurve.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(trafficCurve.indexOf(Math.max(...trafficCurve))).toBe(18);
  });

  it('turns Avito hourly × weekday shares into a 48-tick day', () => {
    const curve = loadAvitoTrafficCurve({ dow: 6 });
    expect(curve).toHaveLength(48);
    expect(curve.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(curve[8]).toBeLessThan(curve[26] ?? 0); // 4 am is quieter than 1 pm
    expect(() => loadAvitoTrafficCurve({ region: 1 })).toThrow(/region/);
  });
});

describe('opportunitiesPerTick', () => {
  it('adds up to the total, follows the curve, and stays within the perturbation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer(),
        (curve, total, seed) => {
          const counts = opportunitiesPerTick(curve, total, new RandomStream(seed), {
            window: 4,
            low: 0.6,
            high: 1.4,
          });
          expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = curve.reduce((a, b) => a + b, 0);
          counts.forEach((c, t) => {
            const base = ((curve[t] ?? 0) / sum) * total;
            expect(c).toBeLessThanOrEqual((base * 1.4) / 0.6 + 1);
            expect(c).toBeGreaterThanOrEqual((base * 0.6) / 1.4 - 1);
          });
        },
      ),
    );
  });

  it('is exact without perturbation', () => {
    expect(Array.from(opportunitiesPerTick([0.25, 0.25, 0.5], 1000, new RandomStream(1), null))).toEqual([
      250, 250, 500,
    ]);
    expect(Array.from(remainingShare([0.25, 0.25, 0.5]))).toEqual([0.75, 0.5, 0]);
  });
});

describe('random streams', () => {
  it('are reproducible, independent per component, and uniform', () => {
    const a = new RandomStream(5);
    const b = new RandomStream(5);
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(Array.from({ length: 10_000 }, () => b.next())).toEqual(xs);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    const seeds = componentSeeds(5);
    expect(new Set(Object.values(seeds)).size).toBe(4);
    expect(hashUniform(1, 2, 3)).toBe(hashUniform(1, 2, 3));
    expect(hashUniform(1, 2, 3)).not.toBe(hashUniform(1, 3, 2));
  });

  it('draw lognormals with mean 1 from a quantile table', () => {
    const table = lognormalTable(1.2, 4096);
    expect(table.reduce((s, x) => s + x, 0) / table.length).toBeCloseTo(1, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });
});
