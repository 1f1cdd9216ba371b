import { describe, expect, it } from 'vitest';
import { auctionNetScore, cpaPenalty } from './score.js';

describe('auctionNetScore', () => {
  it('gives 69.4 for 100 conversions at a realised CPA of 1.2 × target', () => {
    const score = auctionNetScore({ conversions: 100, spend: 100 * 1.2 * 50, targetCpa: 50 });
    expect(score).toBeCloseTo(100 / 1.44, 9);
    expect(score.toFixed(1)).toBe('69.4');
  });

  it('keeps every conversion at or under the target CPA', () => {
    expect(auctionNetScore({ conversions: 40, spend: 40 * 90, targetCpa: 90 })).toBe(40);
    expect(auctionNetScore({ conversions: 40, spend: 1000, targetCpa: 90 })).toBe(40);
  });

  it('is 0 without conversions and keeps free conversions whole', () => {
    expect(auctionNetScore({ conversions: 0, spend: 500, targetCpa: 90 })).toBe(0);
    expect(auctionNetScore({ conversions: 3, spend: 0, targetCpa: 90 })).toBe(3);
  });

  it('penalises quadratically: twice the target CPA keeps a quarter', () => {
    expect(cpaPenalty({ conversions: 10, spend: 1000, targetCpa: 50 })).toBeCloseTo(0.25, 12);
  });
});
