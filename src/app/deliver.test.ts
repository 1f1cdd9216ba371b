import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../core/index.js';
import { testPlan } from '../testing/index.js';
import {
  coldStartSuccess,
  deliverSimulated,
  offlineDeliveryAdvice,
  type ColdStartCampaign,
} from './deliver.js';

const plan = await testPlan();
const { bidPlan } = plan;

describe('deliverSimulated', () => {
  it('delivers an approved plan day by day within its budgets, the same for the same seed', async () => {
    const progress: number[] = [];
    const a = await deliverSimulated({ plan, days: 3, seed: 2, onProgress: (e) => progress.push(e.day) });
    const b = await deliverSimulated({ plan, days: 3, seed: 2 });
    expect(b).toEqual(a);
    expect(progress).toEqual([1, 2, 3]);
    expect(a.rows.map((r) => r.day)).toEqual([1, 2, 3]);
    for (const r of a.rows) {
      expect(r.spend).toBeGreaterThan(0);
      expect(r.spend).toBeLessThanOrEqual(bidPlan.dailyBudget);
      expect(['coldStart', 'stable', 'breakout', 'paused']).toContain(r.phase);
    }
    expect(a.transitions[0]).toMatchObject({ from: null, to: 'coldStart', tick: 0 });
    expect(a.transitions.at(-1)).toMatchObject({ to: 'ended', reason: 'schedule completed', tick: 144 });
    expect(a.phase).toBe('ended');
    expect(a.totals.conversions).toBe(a.rows.reduce((s, r) => s + r.conversions, 0));
    expect(a.consults.length).toBeGreaterThan(0);
    const other = await deliverSimulated({ plan, days: 3, seed: 3 });
    expect(other.rows).not.toEqual(a.rows);
  });

  it('never spends more than the daily budget in a day, nor the total budget overall', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 20, max: 1e5, noNaN: true }),
        fc.double({ min: 0.3, max: 4, noNaN: true }),
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('dual' as const, 'pid' as const),
        async (daily, ambition, totalShare, seed, policy) => {
          const dailyBudget = Math.floor(daily * 100) / 100;
          const p: Plan = {
            ...plan,
            bidPlan: {
              ...bidPlan,
              dailyBudget,
              totalBudget: Math.floor(dailyBudget * 3 * totalShare * 100) / 100,
              targetCpa: 0.3 * 17.57 * ambition,
              pacing: { ...bidPlan.pacing, policy },
            },
          };
          const d = await deliverSimulated({ plan: p, days: 3, seed, opportunities: 4_800 });
          for (const r of d.rows) expect(r.spend).toBeLessThanOrEqual(dailyBudget);
          expect(d.totals.spend).toBeLessThanOrEqual(p.bidPlan.totalBudget + 1e-9);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('asks the strategist it is given', async () => {
    const reasons: string[] = [];
    await deliverSimulated({
      plan,
      days: 1,
      consultStrategist: (input) => {
        reasons.push(input.reason);
        return Promise.resolve({ bounds: input.bounds, note: 'keep' });
      },
    });
    expect(reasons.filter((r) => r === 'cadence')).toHaveLength(4);
  });

  it('refuses a plan that is not approved, and a bad number of days', async () => {
    await expect(
      deliverSimulated({ plan: { ...plan, status: 'awaiting_approval' }, days: 1 }),
    ).rejects.toThrow(/expected planned \(approved\), received "awaiting_approval"/);
    await expect(deliverSimulated({ plan, days: 0 })).rejects.toThrow(/1 to 90/);
    await expect(deliverSimulated({ plan, days: 91 })).rejects.toThrow(/1 to 90/);
  });
});

describe('offlineDeliveryAdvice', () => {
  const base = {
    phase: 'stable' as const,
    tick: 10,
    day: 1,
    targetCpa: 10,
    planTargetCpa: 10,
    bounds: { min: 0.5, max: 1 },
    planBounds: { min: 0.5, max: 1.2 },
    dayBudget: 1000,
    spendToday: 100,
    plannedSpendToday: 200,
    conversionsToday: 20,
    recentCpa: 5,
  };
  it('moves the ceiling a little, within the plan', () => {
    expect(offlineDeliveryAdvice({ ...base, reason: 'cpa-high' }).bounds.max).toBeCloseTo(0.85, 9);
    expect(offlineDeliveryAdvice({ ...base, reason: 'spend-ahead' }).bounds.max).toBeCloseTo(0.9, 9);
    expect(offlineDeliveryAdvice({ ...base, reason: 'zero-delivery' }).bounds).toEqual({
      min: 0.6,
      max: 1.2,
    });
    expect(offlineDeliveryAdvice({ ...base, reason: 'cadence' }).bounds.max).toBeCloseTo(1.1, 9);
    expect(offlineDeliveryAdvice({ ...base, reason: 'cadence', recentCpa: 12 }).bounds.max).toBeCloseTo(
      0.9,
      9,
    );
    expect(offlineDeliveryAdvice({ ...base, reason: 'day-end', recentCpa: 9 }).bounds).toEqual(base.bounds);
    const top = offlineDeliveryAdvice({ ...base, reason: 'cadence', bounds: { min: 0.5, max: 1.2 } });
    expect(top.bounds.max).toBe(1.2);
  });
});

describe('coldStartSuccess', () => {
  it('compares the delivery machine with a fixed multiplier on the same campaigns', async () => {
    const campaigns: ColdStartCampaign[] = [0, 1, 2].map((i) => ({
      bidPlan: { ...bidPlan, dailyBudget: 200, totalBudget: 200, targetCpa: 6 },
      orderValue: 20,
      slotIndex: i,
      seed: 100 + i,
    }));
    const result = await coldStartSuccess({ campaigns, K: 5, T: 48 });
    expect(result).toMatchObject({ K: 5, T: 48, campaigns: 3, fixed: { multiplier: 1 } });
    for (const arm of [result.delivery, result.fixed]) {
      expect(arm.share).toBe(arm.reached / 3);
      expect(arm.cpaRatio).toBeGreaterThan(0);
    }
    expect(await coldStartSuccess({ campaigns, K: 5, T: 48 })).toEqual(result);
    await expect(coldStartSuccess({ campaigns, K: 5, T: 49 })).rejects.toThrow(/1\.\.48/);
  });
});
