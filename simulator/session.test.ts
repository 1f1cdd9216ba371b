import { describe, expect, it } from 'vitest';
import { runEpisode, type EpisodeResult } from './episode.js';
import { boundedPolicy, focalMarket, focalSlot, poissonSample, toOutsideUnits } from './focal-market.js';
import { auctionNetMarket } from './market-config.js';
import { dualPacing, fixedMultiplier, pidPacing, type PolicyFactory } from './policies/index.js';
import { RandomStream } from './random.js';
import { startSession, type TickReport } from './session.js';

const market = auctionNetMarket({ opportunities: 20_000 });
const small = focalMarket(auctionNetMarket(), {
  slot: 9,
  budget: 150,
  targetCpa: 100,
  opportunities: 20_000,
});

/** Drives a session with a policy's own decisions, as an outside controller would. */
function drive(policy: PolicyFactory, focal: number, seed: number, on = market) {
  const session = startSession(on, focal, seed, { policyName: policy.name });
  const bidder = policy.create({
    campaign: on.campaigns[focal]!,
    ticks: on.ticks,
    trafficCurve: on.trafficCurve,
    exposure: on.exposure,
  });
  const reports: TickReport[] = [];
  while (!session.done) reports.push(session.step(bidder.multiplier(session.observe())));
  return { session, reports, result: session.result() };
}

const outcomes = (r: EpisodeResult) =>
  r.advertisers.map((a) => [a.policy, a.spend, a.conversions, a.expectedConversions, a.wins, a.sales.total]);

describe('startSession', () => {
  it('driven by a policy, gives exactly the episode runEpisode gives with that policy', () => {
    for (const [policy, focal, seed] of [
      [dualPacing(), 3, 7],
      [pidPacing(), 17, 2],
      [boundedPolicy(dualPacing(), { min: 0.5, max: 1.2 }), 40, 5],
    ] as const) {
      const { result } = drive(policy, focal, seed);
      const episode = runEpisode(market, { policy, advertisers: [focal] }, seed, { record: [] });
      expect(outcomes(result)).toEqual(outcomes(episode));
      expect(Array.from(result.advertisers[focal]!.history.multiplier)).toEqual(
        Array.from(episode.advertisers[focal]!.history.multiplier),
      );
    }
  });

  it('reports each tick so that the reports add up to the episode, and counts its ticks', () => {
    const { session, reports, result } = drive(dualPacing(), 12, 3);
    const a = result.advertisers[12]!;
    const sum = (f: (r: TickReport) => number) => reports.reduce((s, r) => s + f(r), 0);
    expect(reports).toHaveLength(market.ticks);
    expect(session.tick).toBe(market.ticks);
    expect(reports.map((r) => r.tick)).toEqual(Array.from({ length: market.ticks }, (_, t) => t));
    expect(sum((r) => r.spend)).toBeCloseTo(a.chargedSpend, 6);
    expect(sum((r) => r.conversions)).toBe(a.conversions);
    expect(sum((r) => r.expectedConversions)).toBeCloseTo(a.expectedConversions, 9);
    expect(sum((r) => r.opportunities)).toBe(result.opportunities);
    expect(reports.at(-1)?.remainingBudget).toBeCloseTo(a.budget - a.spend, 6);
  });

  it('keeps the hard budget cap whatever the controller bids', () => {
    const session = startSession(small, 9, 1);
    let last: TickReport | undefined;
    while (!session.done) last = session.step(1e9);
    const a = session.result().advertisers[9]!;
    expect(a.spend).toBeLessThanOrEqual(150);
    expect(a.spend).toBeGreaterThan(149);
    expect(a.overspend).toBe(0);
    expect(last?.remainingBudget).toBeGreaterThanOrEqual(0);
  });

  it('treats NaN and negative multipliers as no bid, and refuses to step past the end', () => {
    const session = startSession(small, 9, 2);
    expect(session.step(Number.NaN)).toMatchObject({ spend: 0, wins: 0, multiplier: 0 });
    expect(session.step(-1).spend).toBe(0);
    expect(() => session.result()).toThrow(/all 48 ticks/);
    while (!session.done) session.step(1);
    expect(() => session.step(1)).toThrow(/at most 48 ticks/);
    expect(session.result()).toBe(session.result());
    expect(() => startSession(small, 48, 1)).toThrow(/0\.\.47/);
  });
});

describe('focal markets', () => {
  it('walks over the categories first when choosing slots', () => {
    const base = auctionNetMarket();
    const slots = Array.from({ length: 6 }, (_, i) => focalSlot(base, i));
    expect(new Set(slots.map((s) => base.campaigns[s]!.category)).size).toBe(6);
    expect(new Set(Array.from({ length: 48 }, (_, i) => focalSlot(base, i))).size).toBe(48);
    expect(focalSlot(base, 48)).toBe(focalSlot(base, 0));
  });

  it('scales competitors with the sampled traffic and keeps the focal campaign as given', () => {
    const base = auctionNetMarket();
    expect(small.campaigns[9]).toMatchObject({ budget: 150, targetCpa: 100 });
    expect(small.campaigns[0]!.budget).toBeCloseTo(base.campaigns[0]!.budget * 0.04, 9);
    expect(small.campaigns[0]!.targetCpa).toBe(base.campaigns[0]!.targetCpa);
    expect(() => focalMarket(base, { slot: 0, budget: 0, targetCpa: 1 })).toThrow(/positive/);
  });

  it('clamps a policy to its bounds', () => {
    const bidder = boundedPolicy(fixedMultiplier({ multiplier: 5 }), { min: 0.5, max: 1.2 }).create({
      campaign: market.campaigns[0]!,
      ticks: 48,
      trafficCurve: market.trafficCurve,
      exposure: market.exposure,
    });
    expect(bidder.multiplier({} as never)).toBe(1.2);
    expect(() => boundedPolicy(fixedMultiplier(), { min: 2, max: 1 })).toThrow(/min ≤ max/);
  });

  it('draws Poisson counts with the right mean and variance, small and large', () => {
    for (const mean of [0.7, 12, 180]) {
      const rng = new RandomStream(11);
      const xs = Array.from({ length: 20_000 }, () => poissonSample(rng, mean));
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
      expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(mean / xs.length));
      expect(v / mean).toBeGreaterThan(0.95);
      expect(v / mean).toBeLessThan(1.05);
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    }
    expect(poissonSample(new RandomStream(1), 0)).toBe(0);
  });

  it('turns a tick into outside units: money × money × volume, counts × volume, Poisson conversions', () => {
    const session = startSession(small, 9, 4);
    const report = session.step(1.2);
    const out = toOutsideUnits(report, { money: 0.1, volume: 50 }, new RandomStream(3));
    expect(out.spend).toBeCloseTo(report.spend * 5, 9);
    expect(out.remainingBudget).toBeCloseTo(report.remainingBudget * 5, 9);
    expect(out.expectedConversions).toBeCloseTo(report.expectedConversions * 50, 9);
    expect(Number.isInteger(out.conversions)).toBe(true);
    expect(toOutsideUnits(report, { money: 2, volume: 1 }, new RandomStream(3)).conversions).toBe(
      report.conversions,
    );
  });
});
