import { describe, expect, it } from 'vitest';
import { bootstrapInterval, meanInterval, normalQuantile, tQuantile } from './intervals.js';

describe('quantiles', () => {
  it('match published tables', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.3027, 3);
    expect(tQuantile(0.975, 5)).toBeCloseTo(2.5706, 2);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.2281, 3);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.0423, 3);
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.9623, 3);
  });
});

describe('meanInterval', () => {
  it('is the mean ± t·s/√n', () => {
    const e = meanInterval([0.6, 0.7, 0.8]);
    expect(e.mean).toBeCloseTo(0.7, 12);
    expect(e.high - e.mean).toBeCloseTo(4.3027 * (0.1 / Math.sqrt(3)), 3);
    expect(e.n).toBe(3);
  });
  it('stays within the range it is given', () => {
    expect(meanInterval([1, 1, 1, 1, 1, 1, 1, 1, 1, 0]).high).toBeGreaterThan(1);
    const e = meanInterval([1, 1, 1, 1, 1, 1, 1, 1, 1, 0], [0, 1]);
    expect(e.high).toBe(1);
    expect(e.low).toBeGreaterThan(0.5);
  });
  it('degenerates gracefully', () => {
    expect(meanInterval([0.5])).toEqual({ mean: 0.5, low: 0.5, high: 0.5, n: 1 });
    expect(meanInterval([]).n).toBe(0);
  });
});

describe('bootstrapInterval', () => {
  const sample = Array.from({ length: 200 }, (_, i) => (i % 10) / 10);
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  it('is repeatable for a seed and brackets the point estimate', () => {
    const a = bootstrapInterval(sample, mean, { seed: 1 });
    expect(bootstrapInterval(sample, mean, { seed: 1 })).toEqual(a);
    expect(a.low).toBeLessThan(a.mean);
    expect(a.high).toBeGreaterThan(a.mean);
  });
  it('agrees with the t-interval on a mean', () => {
    const boot = bootstrapInterval(sample, mean, { seed: 2, resamples: 4000 });
    const t = meanInterval(sample);
    expect(boot.high - boot.low).toBeCloseTo(t.high - t.low, 1);
  });
});
