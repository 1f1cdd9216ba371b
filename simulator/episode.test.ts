import { describe, expect, it } from 'vitest';
import { runEpisode, type EpisodeResult } from './episode.js';
import { auctionNetMarket, smallMarket } from './market-config.js';
import { dualPacing, fixedMultiplier, onlineLp, pidPacing, policyByName } from './policies/index.js';
import { runReplay } from './replay.js';
import { streamHindsight } from './stream.js';

const market = auctionNetMarket({ opportunities: 40_000 });

function summary(r: EpisodeResult) {
  return r.advertisers.map((a) => [
    a.policy,
    a.spend,
    a.conversions,
    a.expectedConversions,
    a.wins,
    a.sales.total,
  ]);
}

describe('runEpisode', () => {
  it('gives the same episode for the same seed, and another for another seed', () => {
    const a = runEpisode(market, { policy: dualPacing(), advertisers: [3] }, 7);
    const b = runEpisode(market, { policy: dualPacing(), advertisers: [3] }, 7);
    const c = runEpisode(market, { policy: dualPacing(), advertisers: [3] }, 8);
    expect(summary(b)).toEqual(summary(a));
    expect(Array.from(b.streams.get(3)?.prices ?? [])).toEqual(Array.from(a.streams.get(3)?.prices ?? []));
    expect(summary(c)).not.toEqual(summary(a));
  });

  it('the object-per-bid baseline engine produces exactly the same episode', () => {
    const typed = runEpisode(market, { policy: onlineLp(), advertisers: [0, 20] }, 3);
    const naive = runEpisode(market, { policy: onlineLp(), advertisers: [0, 20] }, 3, { engine: 'naive' });
    expect(summary(naive)).toEqual(summary(typed));
    expect(Array.from(naive.advertisers[0]?.history.multiplier ?? [])).toEqual(
      Array.from(typed.advertisers[0]?.history.multiplier ?? []),
    );
  });

  it('never lets an advertiser spend more than its budget', () => {
    const r = runEpisode(
      market,
      { policy: fixedMultiplier({ multiplier: 1e6 }), advertisers: [0, 1, 2, 3] },
      5,
    );
    for (const a of r.advertisers) {
      expect(a.spend).toBeLessThanOrEqual(a.budget);
      expect(a.chargedSpend).toBeLessThanOrEqual(a.budget * (1 + 1e-12));
      expect(a.overspend).toBe(0);
    }
    expect(r.advertisers[0]?.spend).toBeGreaterThan(0.99 * (r.advertisers[0]?.budget ?? 0));
  });

  it('splits the day along the traffic curve and keeps the opportunity total', () => {
    const r = runEpisode(market, { policy: fixedMultiplier(), advertisers: [] }, 2);
    expect(r.opportunities).toBe(40_000);
    expect(r.opportunitiesPerTick.reduce((a, b) => a + b, 0)).toBe(40_000);
    expect(Math.max(...r.opportunitiesPerTick)).toBeGreaterThan(5 * Math.min(...r.opportunitiesPerTick));
  });

  it('shows two policies the same market (common random numbers)', () => {
    const a = runEpisode(market, { policy: fixedMultiplier(), advertisers: [5] }, 11);
    const b = runEpisode(market, { policy: pidPacing(), advertisers: [5] }, 11);
    expect(Array.from(b.opportunitiesPerTick)).toEqual(Array.from(a.opportunitiesPerTick));
    expect(b.streams.get(5)?.predicted).toEqual(a.streams.get(5)?.predicted);
    expect(b.advertisers.map((x) => x.policy)).toEqual(
      a.advertisers.map((x, i) => (i === 5 ? 'pid-pacing' : x.policy)),
    );
    expect(b.advertisers[5]?.sales.baseline).toBe(a.advertisers[5]?.sales.baseline);
  });

  it('keeps the sales accounting consistent: total = paid + organic, incremental = total − baseline', () => {
    const r = runEpisode(market, { policy: dualPacing(), advertisers: [9] }, 4);
    for (const a of r.advertisers) {
      const s = a.sales;
      expect(s.total).toBe(s.paid + s.organic);
      expect(s.organic).toBe(s.baseline - s.displaced + s.halo);
      expect(s.incremental).toBe(s.total - s.baseline);
      expect(s.displaced).toBeLessThanOrEqual(Math.min(s.paid, s.baseline));
    }
    const totals = r.advertisers.reduce((t, a) => [t[0]! + a.sales.halo, t[1]! + a.sales.baseline], [0, 0]);
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals[1]).toBeGreaterThan(0);
  });

  it('runs in game mode with a policy per advertiser', () => {
    const small = smallMarket({ advertisers: 4, opportunities: 4_000, ticks: 8 });
    const r = runEpisode(small, [fixedMultiplier(), pidPacing(), onlineLp(), dualPacing()], 1);
    expect(r.advertisers.map((a) => a.policy)).toEqual([
      'fixed-multiplier',
      'pid-pacing',
      'online-lp',
      'dual-pacing',
    ]);
    expect(() => runEpisode(small, [fixedMultiplier()], 1)).toThrow(/one per advertiser/);
  });
});

describe('runReplay', () => {
  it('replaying the policy that made a stream reproduces its game outcome exactly', () => {
    for (const name of ['fixed-multiplier', 'pid-pacing', 'online-lp', 'dual-pacing']) {
      const game = runEpisode(market, { policy: policyByName(name), advertisers: [4, 30] }, 6);
      for (const a of [4, 30]) {
        const stream = game.streams.get(a);
        if (!stream) throw new Error('stream missing');
        const replay = runReplay(stream, policyByName(name));
        const original = game.advertisers[a];
        expect({ ...replay, history: undefined }).toEqual({ ...original, history: undefined });
      }
    }
  });

  it('lets another policy bid against the recorded prices, within budget and under the hindsight bound', () => {
    const game = runEpisode(market, { policy: fixedMultiplier(), advertisers: [12] }, 9);
    const stream = game.streams.get(12);
    if (!stream) throw new Error('stream missing');
    const bound = streamHindsight(stream);
    for (const policy of [dualPacing(), onlineLp(), pidPacing(), fixedMultiplier({ multiplier: 3 })]) {
      const outcome = runReplay(stream, policy);
      expect(outcome.spend).toBeLessThanOrEqual(outcome.budget);
      expect(outcome.expectedScore).toBeLessThanOrEqual(bound.clairvoyant.score * (1 + 1e-9));
      if (outcome.decisionSpend <= outcome.budget) {
        expect(outcome.decisionScore).toBeLessThanOrEqual(bound.planned.score * (1 + 1e-9));
      }
    }
  });
});
