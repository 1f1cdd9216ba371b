import { describe, expect, it } from 'vitest';
import { runEpisode } from '../episode.js';
import { auctionNetMarket } from '../market-config.js';
import { WHAT_IF_ALPHAS, WHAT_IF_BINS, type WhatIfCurve } from '../what-if.js';
import {
  INITIAL_DUAL_STATE,
  INITIAL_PID_STATE,
  dualMultiplier,
  dualPacingStep,
  expectedPoissonScore,
  onlineLpMultiplier,
  paceShares,
  pidPacing,
  pidPacingStep,
  policyByName,
} from './index.js';

describe('pidPacingStep', () => {
  it('raises the multiplier when behind the pacing target and lowers it when ahead', () => {
    const behind = pidPacingStep(INITIAL_PID_STATE, { budget: 1000, spend: 80, targetSpend: 100 });
    expect(behind.previousError).toBeCloseTo(0.02, 12);
    expect(behind.multiplier).toBeCloseTo(Math.exp(6 * 0.02 + 1.5 * 0.02), 12);
    const ahead = pidPacingStep(INITIAL_PID_STATE, { budget: 1000, spend: 150, targetSpend: 100 });
    expect(ahead.multiplier).toBeLessThan(1);
    const clamped = pidPacingStep(INITIAL_PID_STATE, { budget: 1, spend: 0, targetSpend: 100 });
    expect(clamped.multiplier).toBe(20);
  });
});

describe('dualPacingStep', () => {
  it('lowers lambda when underspent and raises mu when over the CPA target', () => {
    const next = dualPacingStep(INITIAL_DUAL_STATE, {
      spend: 50,
      budgetTarget: 100,
      predictedConversions: 1,
      targetCpa: 40,
    });
    expect(next.lambda).toBeCloseTo(1 - 0.3 * 0.5, 12);
    expect(next.mu).toBeCloseTo(2 + 0.5 * 0.2, 12);
    expect(next.multiplier).toBeCloseTo((1 + next.mu) / (next.lambda + next.mu), 12);
  });

  it('starts at the value bid and never goes negative', () => {
    expect(dualMultiplier(INITIAL_DUAL_STATE)).toBe(1);
    const next = dualPacingStep(
      { lambda: 0.1, mu: 0.1 },
      { spend: 0, budgetTarget: 100, predictedConversions: 0, targetCpa: 40 },
    );
    expect(next.lambda).toBe(0);
    expect(next.mu).toBe(0);
    expect(next.multiplier).toBe(10);
  });
});

describe('onlineLpMultiplier', () => {
  const curve = (spendAt: (alpha: number) => number, convAt: (alpha: number) => number): WhatIfCurve => ({
    alphas: WHAT_IF_ALPHAS,
    spend: WHAT_IF_ALPHAS.map(spendAt),
    conversions: WHAT_IF_ALPHAS.map(convAt),
    opportunities: 1000,
  });

  it('spends the budget when conversions are cheap', () => {
    // CPA at alpha a is 10a, far under target 100: every alpha is fine on CPA, the budget binds.
    const c = curve(
      (a) => 100 * a,
      (a) => 10 * a,
    );
    const alpha = onlineLpMultiplier({
      curve: c,
      remainingOpportunities: 1000,
      spend: 0,
      remainingBudget: 500,
      conversions: 0,
      targetCpa: 100,
    });
    expect(100 * alpha).toBeLessThanOrEqual(500);
    expect(100 * (WHAT_IF_ALPHAS[WHAT_IF_ALPHAS.indexOf(alpha) + 1] ?? Infinity)).toBeGreaterThan(500);
  });

  it('stops short of the CPA target when more volume would cost the penalty', () => {
    // Conversions grow like sqrt(spend): CPA = 10·sqrt(a)·… rises with alpha; target 60.
    const c = curve(
      (a) => 400 * a * a,
      (a) => 20 * a,
    );
    const alpha = onlineLpMultiplier({
      curve: c,
      remainingOpportunities: 1000,
      spend: 0,
      remainingBudget: 1e9,
      conversions: 0,
      targetCpa: 60,
    });
    const cpa = (400 * alpha * alpha) / (20 * alpha);
    expect(cpa).toBeLessThan(60 * 1.1);
    expect(alpha).toBeGreaterThan(1);
  });

  it('plans for Poisson luck: the expected score is below the mean score near the CPA target', () => {
    const atTarget = expectedPoissonScore({ known: 0, expected: 20, spend: 20 * 90, targetCpa: 90 });
    expect(atTarget).toBeLessThan(20);
    expect(atTarget).toBeGreaterThan(15);
    expect(expectedPoissonScore({ known: 5, expected: 0, spend: 100, targetCpa: 90 })).toBe(5);
  });
});

describe('policies in the market', () => {
  const market = auctionNetMarket({
    opportunities: 60_000,
    campaigns: auctionNetMarket().campaigns.map((c) => ({ ...c, budget: c.budget * 0.12 })),
  });

  it('PID pacing spends its budget along the traffic curve', () => {
    const r = runEpisode(market, { policy: pidPacing(), advertisers: [8] }, 3);
    const a = r.advertisers[8];
    if (!a) throw new Error('missing advertiser');
    expect(a.spend / a.budget).toBeGreaterThan(0.95);
    const half = a.history.spend.slice(0, 24).reduce((s, x) => s + x, 0);
    const expected = paceShares(market.trafficCurve, 24).fromTick;
    expect(half / a.spend).toBeCloseTo(1 - expected, 1);
  });

  it('are all registered by name, and an unknown name lists the known ones', () => {
    expect(policyByName('online-lp').usesWhatIf).toBe(true);
    expect(() => policyByName('oracle')).toThrow(/fixed-multiplier, pid-pacing, online-lp, dual-pacing/);
  });

  it('have the what-if grid the online LP plans on', () => {
    expect(WHAT_IF_ALPHAS).toHaveLength(WHAT_IF_BINS);
  });
});
