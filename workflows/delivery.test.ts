import fc from 'fast-check';
import { createActor, fromPromise, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  auctionNetMarket,
  boundedPolicy,
  dualPacing,
  focalMarket,
  pidPacing,
  runEpisode,
  startSession,
} from '../simulator/index.js';
import {
  deliveryMachine,
  type ConsultInput,
  type DeliveryInput,
  type DeliveryTickReport,
  type StrategistAdvice,
} from './delivery.js';

const PLAN: DeliveryInput = {
  dailyBudget: 4800,
  totalBudget: 14_400,
  targetCpa: 10,
  bounds: { min: 0.5, max: 1.2 },
  pacing: 'dual',
};

function start(
  input: Partial<DeliveryInput> = {},
  advise: (i: ConsultInput) => StrategistAdvice | Promise<StrategistAdvice> = (i) => ({
    bounds: i.bounds,
    note: 'keep',
  }),
) {
  const calls: ConsultInput[] = [];
  const machine = deliveryMachine.provide({
    actors: {
      consultStrategist: fromPromise<StrategistAdvice, ConsultInput>(async ({ input: i }) => {
        calls.push(i);
        return advise(i);
      }),
    },
  });
  const actor = createActor(machine, { input: { ...PLAN, ...input } }).start();
  actor.send({
    type: 'day.started',
    day: 1,
    budget: Math.min(PLAN.dailyBudget, input.dailyBudget ?? Infinity),
  });
  let remaining = actor.getSnapshot().context.dayBudget;
  /** Sends a tick and waits for the strategist, as the driver does. */
  const tick = async (spend: number, conversions: number, more: Partial<DeliveryTickReport> = {}) => {
    remaining = Math.max(0, remaining - spend);
    actor.send({
      type: 'tick.completed',
      report: {
        spend,
        conversions,
        exposures: 50,
        predictedConversions: conversions,
        remainingBudget: remaining,
        ...more,
      },
    });
    await waitFor(actor, (s) => s.status !== 'active' || s.context.consultingFor === null);
  };
  const ctx = () => actor.getSnapshot().context;
  return { actor, calls, tick, ctx };
}

const quiet = { consultEvery: Infinity, anomalyCooldown: Infinity } as const;

describe('delivery machine (fake strategist)', () => {
  it('starts in cold start, bidding the top of the plan’s bounds, and records it at tick 0', () => {
    const { ctx } = start();
    expect(ctx().phase).toBe('coldStart');
    expect(ctx().multiplier).toBe(1.2);
    expect(ctx().transitions).toEqual([{ from: null, to: 'coldStart', tick: 0, day: 1, reason: 'launch' }]);
  });

  it('leaves cold start after K conversions for stable, at most the target-CPA bid', async () => {
    const { tick, ctx } = start({ settings: { ...quiet, coldStartConversions: 5 } });
    for (let t = 0; t < 4; t++) await tick(100, 1);
    expect(ctx().phase).toBe('coldStart');
    await tick(100, 1);
    expect(ctx().phase).toBe('stable');
    expect(ctx().transitions.at(-1)).toMatchObject({ from: 'coldStart', to: 'stable', tick: 5 });
    expect(ctx().multiplier).toBeLessThanOrEqual(1);
    expect(ctx().bounds).toEqual({ min: 0.5, max: 1 });
  });

  it('pauses a cold start without any conversion after M ticks; resuming returns to cold start', async () => {
    const { actor, tick, ctx } = start({ settings: { ...quiet, coldStartPatience: 6 } });
    for (let t = 0; t < 6; t++) await tick(50, 0);
    expect(ctx().phase).toBe('paused');
    expect(ctx().multiplier).toBe(0);
    expect(ctx().transitions.at(-1)).toMatchObject({ from: 'coldStart', to: 'paused', tick: 6 });
    await tick(0, 0);
    expect(ctx().phase).toBe('paused');
    actor.send({ type: 'delivery.resumed' });
    expect(ctx().phase).toBe('coldStart');
    expect(ctx().multiplier).toBeGreaterThan(0);
    expect(ctx().transitions.at(-1)).toMatchObject({
      from: 'paused',
      to: 'coldStart',
      tick: 7,
      reason: 'resumed',
    });
  });

  it('pauses and resumes on request, back to the phase it left', async () => {
    const { actor, tick, ctx } = start({ settings: { ...quiet, coldStartConversions: 2 } });
    await tick(100, 2);
    expect(ctx().phase).toBe('stable');
    actor.send({ type: 'delivery.paused', reason: 'marketer paused' });
    expect(ctx()).toMatchObject({ phase: 'paused', multiplier: 0 });
    actor.send({ type: 'delivery.resumed' });
    expect(ctx().phase).toBe('stable');
    expect(ctx().transitions.map((x) => `${x.from}>${x.to}:${x.reason}`)).toEqual([
      'null>coldStart:launch',
      'coldStart>stable:cold-start threshold of conversions reached',
      'stable>paused:marketer paused',
      'paused>stable:resumed',
    ]);
  });

  it('breaks out when CPA stays well under target with spend behind plan, and falls back when CPA passes target', async () => {
    const { tick, ctx } = start({
      settings: {
        ...quiet,
        coldStartConversions: 2,
        stableMinTicks: 0,
        breakoutMinTicks: 0,
        breakoutExitTicks: 1,
      },
    });
    await tick(20, 3);
    for (let t = 0; t < 3; t++) await tick(20, 3);
    expect(ctx().phase).toBe('breakout');
    expect(ctx().bounds.max).toBe(1.2);
    expect(ctx().transitions.at(-1)).toMatchObject({ from: 'stable', to: 'breakout', tick: 4 });
    for (let t = 0; t < 6; t++) await tick(100, 5);
    expect(ctx().phase).toBe('stable');
    expect(ctx().bounds.max).toBe(1);
  });

  it('has hysteresis: a breakout outlasts one bad window, and stable holds before breaking out again', async () => {
    const { tick, ctx } = start({ settings: { ...quiet, coldStartConversions: 2 } });
    await tick(20, 3); // cold start ends: stable at tick 1
    for (let t = 0; t < 3; t++) await tick(20, 3);
    // CPA well under target, but stable has not held stableMinTicks (12) yet.
    expect(ctx().phase).toBe('stable');
    for (let t = 0; t < 8; t++) await tick(20, 3);
    expect(ctx().phase).toBe('stable');
    await tick(20, 3);
    expect(ctx().phase).toBe('breakout');
    const entered = ctx().tick;
    // Six ticks (breakoutMinTicks) of breakout, then a window over target for two ticks: not enough.
    for (let t = 0; t < 6; t++) await tick(20, 3);
    for (let t = 0; t < 2; t++) await tick(300, 1);
    expect(ctx().phase).toBe('breakout');
    // A third tick running over target ends it.
    await tick(300, 1);
    expect(ctx().phase).toBe('stable');
    expect(ctx().transitions.at(-1)).toMatchObject({ from: 'breakout', to: 'stable', tick: entered + 9 });
  });

  it('consults the strategist on high CPA and keeps its advice within the plan', async () => {
    const { tick, ctx, calls } = start({ settings: { anomalyCooldown: 1, consultEvery: Infinity } }, (i) => ({
      bounds: { min: 0.1, max: i.bounds.max * 0.5 },
      targetCpa: 99,
      note: 'tighten',
    }));
    for (let t = 0; t < 3; t++) await tick(100, 1);
    expect(calls.map((c) => c.reason)).toEqual(['cpa-high']);
    expect(calls[0]).toMatchObject({ planBounds: PLAN.bounds, targetCpa: 10 });
    expect(ctx().bounds).toEqual({ min: 0.5, max: 0.6 });
    expect(ctx().targetCpa).toBe(10);
    expect(ctx().consults).toEqual([{ tick: 3, reason: 'cpa-high', note: 'tighten' }]);
  });

  it('consults on spend far ahead of plan, on no delivery, at its cadence and at day end', async () => {
    const ahead = start({ settings: { anomalyCooldown: 1, consultEvery: Infinity } });
    await ahead.tick(1000, 200);
    expect(ahead.calls.map((c) => c.reason)).toEqual(['spend-ahead']);
    const dry = start({ settings: { anomalyCooldown: 1, consultEvery: Infinity } });
    for (let t = 0; t < 4; t++) await dry.tick(0, 0, { exposures: 0 });
    expect(dry.calls.map((c) => c.reason)).toEqual(['zero-delivery']);
    const regular = start({ settings: { consultEvery: 3, coldStartConversions: 1 } });
    for (let t = 0; t < 7; t++) await regular.tick(10, 1);
    regular.actor.send({ type: 'day.ended' });
    await waitFor(regular.actor, (s) => s.context.consultingFor === null);
    expect(regular.calls.map((c) => `${c.reason}@${c.tick}`)).toEqual([
      'cadence@3',
      'cadence@6',
      'day-end@7',
    ]);
  });

  it('goes on with its bounds when the strategist fails', async () => {
    const { tick, ctx } = start({ settings: { consultEvery: 1 } }, () =>
      Promise.reject(new Error('model down')),
    );
    await tick(10, 1);
    expect(ctx().consults).toEqual([{ tick: 1, reason: 'cadence', note: 'failed: model down' }]);
    expect(ctx().bounds).toEqual(PLAN.bounds);
    expect(ctx().consultingFor).toBeNull();
  });

  it('ends when the total budget is spent, or when the schedule completes', async () => {
    const spent = start({ totalBudget: 300, dailyBudget: 300, settings: quiet });
    await spent.tick(200, 1);
    await spent.tick(100, 1);
    expect(spent.actor.getSnapshot().status).toBe('done');
    expect(spent.ctx()).toMatchObject({ phase: 'ended', multiplier: 0 });
    expect(spent.ctx().transitions.at(-1)).toMatchObject({
      to: 'ended',
      tick: 2,
      reason: 'total budget spent',
    });
    const scheduled = start();
    scheduled.actor.send({ type: 'schedule.completed' });
    expect(scheduled.ctx().transitions.at(-1)).toMatchObject({ from: 'coldStart', to: 'ended' });
  });

  it('never bids outside the plan’s bounds, whatever the ticks and the strategist say', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({
              spend: fc.double({ min: 0, max: 800, noNaN: true }),
              conversions: fc.nat(30),
              exposures: fc.nat(100),
            }),
            fc.constantFrom('pause' as const, 'resume' as const, 'day' as const),
          ),
          { maxLength: 60 },
        ),
        fc.record({
          min: fc.double({ min: 0, max: 3, noNaN: true }),
          max: fc.double({ min: 0, max: 3, noNaN: true }),
        }),
        fc.constantFrom('dual' as const, 'pid' as const),
        async (steps, advised, pacing) => {
          const m = start({ pacing, settings: { consultEvery: 5, anomalyCooldown: 2 } }, () => ({
            bounds: advised,
            note: 'random',
          }));
          let day = 1;
          for (const step of steps) {
            if (step === 'pause') m.actor.send({ type: 'delivery.paused' });
            else if (step === 'resume') m.actor.send({ type: 'delivery.resumed' });
            else if (step === 'day')
              m.actor.send({ type: 'day.started', day: ++day, budget: PLAN.dailyBudget });
            else await m.tick(step.spend, step.conversions, { exposures: step.exposures });
            const { multiplier, phase } = m.ctx();
            if (phase === 'paused' || phase === 'ended') expect(multiplier).toBe(0);
            else {
              expect(multiplier).toBeGreaterThanOrEqual(PLAN.bounds.min);
              expect(multiplier).toBeLessThanOrEqual(PLAN.bounds.max);
            }
          }
          m.actor.stop();
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('delivery machine (real twin)', () => {
  const market = focalMarket(auctionNetMarket(), {
    slot: 14,
    budget: 120,
    targetCpa: 110,
    opportunities: 16_000,
  });
  const neutral = {
    coldStartFloor: 0,
    coldStartPatience: Infinity,
    stableMax: Infinity,
    breakoutTicks: Infinity,
    consultEvery: Infinity,
    anomalyCooldown: Infinity,
  };

  it('with no phase effects, plays exactly the twin’s own pacing policy (dual and PID)', () => {
    const bounds = { min: 0.5, max: 1.2 };
    for (const pacing of ['dual', 'pid'] as const) {
      const actor = createActor(deliveryMachine, {
        input: {
          dailyBudget: 120,
          totalBudget: 1e6,
          targetCpa: 110,
          bounds,
          pacing,
          trafficCurve: market.trafficCurve,
          settings: neutral,
        },
      }).start();
      actor.send({ type: 'day.started', day: 1, budget: 120 });
      const session = startSession(market, 14, 3);
      while (!session.done)
        actor.send({ type: 'tick.completed', report: session.step(actor.getSnapshot().context.multiplier) });
      const inner =
        pacing === 'dual' ? dualPacing({ steps: { maxMultiplier: 1.2 } }) : pidPacing({ gains: bounds });
      const episode = runEpisode(market, { policy: boundedPolicy(inner, bounds), advertisers: [14] }, 3);
      const mine = session.result().advertisers[14]!;
      const theirs = episode.advertisers[14]!;
      expect(Array.from(mine.history.multiplier)).toEqual(Array.from(theirs.history.multiplier));
      expect([mine.spend, mine.conversions]).toEqual([theirs.spend, theirs.conversions]);
      expect(actor.getSnapshot().context.spend).toBeCloseTo(theirs.chargedSpend, 9);
      actor.stop();
    }
  });
});
