import { describe, expect, it } from 'vitest';
import type { CampaignBrief } from '../../src/core/index.js';
import { compareBrief, type GoldBrief } from './brief-fields.js';

const gold: GoldBrief = {
  objective: 'sales',
  budget: { amount: 50000, currency: 'CNY', period: 'day' },
  targetCpa: { amount: 40, currency: 'CNY' },
  schedule: { days: 31 },
  audience: { gender: 'female', ageMin: 25, regions: ['Shanghai', 'Beijing'] },
  channels: ['douyin', 'xiaohongshu'],
};
const brief: CampaignBrief = {
  goal: 'g',
  language: 'en',
  objective: 'sales',
  budget: { amount: 50000, currency: 'CNY', period: 'day' },
  targetCpa: { amount: 40, currency: 'CNY' },
  schedule: { start: '2026-12-01', days: 31 },
  audience: { gender: 'female', ageMin: 25, regions: ['Beijing', 'Shanghai'] },
  productIds: [],
  channels: ['xiaohongshu', 'douyin'],
};

describe('compareBrief', () => {
  it('accepts a matching brief; lists compare as sets, the start date is not scored', () => {
    const { correct, misses } = compareBrief(gold, brief);
    expect(misses).toEqual([]);
    expect(Object.values(correct).every(Boolean)).toBe(true);
  });
  it('counts an invented field as wrong, and a missing one', () => {
    const { targetCpa: _dropped, ...withoutCpa } = brief;
    const { misses } = compareBrief(gold, { ...withoutCpa, targetRoas: 3 });
    expect(misses.map((m) => m.field)).toEqual(['targetCpa', 'targetRoas']);
    expect(misses[0]).toEqual({
      field: 'targetCpa',
      expected: { amount: 40, currency: 'CNY' },
      received: null,
    });
  });
  it('compares amounts to the cent and ages as a pair', () => {
    const { misses } = compareBrief(gold, {
      ...brief,
      budget: { ...brief.budget, amount: 50000.004 },
      audience: { ...brief.audience, ageMax: 40 },
    });
    expect(misses.map((m) => m.field)).toEqual(['audience.age']);
  });
});
