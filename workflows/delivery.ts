import { assign, fromPromise, setup } from 'xstate';
import {
  afterTick,
  applyAdvice,
  consultInput,
  deliveryChecks,
  effectiveMultiplier,
  initialDeliveryContext,
  phaseBounds,
  startDay,
  type ConsultInput,
  type DeliveryContext,
  type DeliveryInput,
  type DeliveryPhase,
  type DeliveryTickReport,
  type StrategistAdvice,
} from './delivery-rules.js';

export * from './delivery-rules.js';

/** Events of the delivery machine. Ticks come from the twin or, later, from the ad platform. */
export type DeliveryEvent =
  | { type: 'day.started'; day: number; budget: number }
  | { type: 'tick.completed'; report: DeliveryTickReport }
  | { type: 'day.ended' }
  | { type: 'delivery.paused'; reason?: string }
  | { type: 'delivery.resumed' }
  | { type: 'schedule.completed' };

const ACTIVE = '#delivery.running.phase.active';

/**
 * The delivery workflow: cold start → stable → breakout, with paused and ended. Each
 * `tick.completed` books the tick and lets the plan's pacing tool (dual_pacing_step or
 * pid_pacing_step) set the next multiplier within the working bounds; the driver bids
 * `context.multiplier` in the next tick (0 when paused or ended). The strategist, an invoked actor
 * (`consultStrategist`, provided by the composition root), is consulted every `consultEvery` ticks,
 * at day end, and when a tick shows an anomaly (spend far ahead of plan, CPA above 1.5 × target
 * for several ticks, no delivery); its advice moves the working bounds within the plan's.
 *
 * - cold start: bids no lower than the cold-start floor (the plan's max by default) until K
 *   conversions (→ stable), or pauses after M ticks without any.
 * - stable: bids at most `stableMax` (1, the target-CPA bid) within the plan's bounds.
 * - breakout: today's and the recent CPA well under target, budget left and spend behind plan for
 *   a few ticks (after stable held `stableMinTicks`) lifts the working max to the plan's max; back
 *   to stable when the recent CPA stays over target for `breakoutExitTicks` running, once the
 *   breakout has lasted `breakoutMinTicks` (hysteresis: one noisy window does not flip phases).
 * - paused (`delivery.paused`, or cold start that stalled) until `delivery.resumed`, which returns
 *   to the phase it left; ended when the total budget is spent or `schedule.completed`.
 *
 * Phase changes are kept in `context.transitions` with the tick (from launch) they happened at.
 * No I/O and no clock: the driver waits for the strategist between ticks (in the twin, time stops
 * while it thinks).
 *
 * @example
 * ```ts
 * const actor = createActor(deliveryMachine.provide({ actors: { consultStrategist } }), { input }).start();
 * actor.send({ type: 'day.started', day: 1, budget: 3000 });
 * actor.send({ type: 'tick.completed', report: session.step(actor.getSnapshot().context.multiplier) });
 * ```
 */
export const deliveryMachine = setup({
  types: {
    context: {} as DeliveryContext,
    events: {} as DeliveryEvent,
    input: {} as DeliveryInput,
  },
  actors: {
    consultStrategist: fromPromise<StrategistAdvice, ConsultInput>(() =>
      Promise.reject(new Error('delivery: actor "consultStrategist" was not provided')),
    ),
  },
  guards: {
    coldStartDone: ({ context }) => deliveryChecks.coldStartDone(context),
    coldStartStalled: ({ context }) => deliveryChecks.coldStartStalled(context),
    breakoutReady: ({ context }) => deliveryChecks.breakoutReady(context),
    breakoutOver: ({ context }) => deliveryChecks.breakoutOver(context),
    budgetExhausted: ({ context }) => deliveryChecks.budgetExhausted(context),
    consultDue: ({ context }) => context.consultDue !== null,
  },
  actions: {
    bookTick: assign(({ context, event }) => {
      if (event.type !== 'tick.completed') return {};
      const active = context.phase !== 'paused' && context.phase !== 'ended';
      const next = afterTick(context, event.report, active);
      return { ...next, multiplier: effectiveMultiplier(next, next.phase ?? 'coldStart') };
    }),
    startDay: assign(({ context, event }) => {
      if (event.type !== 'day.started') return {};
      const next = { ...context, ...startDay(context, event.day, event.budget) };
      return { ...next, multiplier: effectiveMultiplier(next, next.phase ?? 'coldStart') };
    }),
    endDay: assign(({ context }) => ({
      // A day's end consults the strategist unless it is busy or was consulted at this very tick.
      consultDue:
        context.phase !== 'paused' &&
        context.consultingFor === null &&
        context.lastConsultTick !== context.tick
          ? ('day-end' as const)
          : null,
    })),
    because: assign((_, params: { reason: string }) => ({ reason: params.reason })),
    enterPhase: assign(({ context }, params: { phase: DeliveryPhase }) => {
      const bounds =
        params.phase === 'paused' || params.phase === 'ended'
          ? context.bounds
          : phaseBounds(context, params.phase);
      const next = { ...context, bounds, phase: params.phase, phaseTicks: 0, breakoutStreak: 0 };
      return {
        ...next,
        multiplier: effectiveMultiplier(next, params.phase),
        transitions: [
          ...context.transitions,
          {
            from: context.phase,
            to: params.phase,
            tick: context.tick,
            day: context.day,
            reason: context.reason,
          },
        ],
      };
    }),
    startConsult: assign(({ context }) => ({
      consultingFor: context.consultDue,
      consultDue: null,
      lastConsultTick: context.tick,
    })),
  },
}).createMachine({
  id: 'delivery',
  context: ({ input }) => initialDeliveryContext(input),
  initial: 'running',
  states: {
    running: {
      type: 'parallel',
      on: {
        'tick.completed': { actions: 'bookTick' },
        'day.started': { actions: 'startDay' },
        'day.ended': { actions: 'endDay' },
        'schedule.completed': {
          target: 'ended',
          actions: { type: 'because', params: { reason: 'schedule completed' } },
        },
      },
      always: {
        guard: 'budgetExhausted',
        target: 'ended',
        actions: { type: 'because', params: { reason: 'total budget spent' } },
      },
      states: {
        phase: {
          initial: 'active',
          states: {
            active: {
              initial: 'coldStart',
              on: {
                'delivery.paused': {
                  target: 'paused',
                  actions: assign(({ event }) => ({ reason: event.reason ?? 'paused by request' })),
                },
              },
              states: {
                coldStart: {
                  entry: { type: 'enterPhase', params: { phase: 'coldStart' } },
                  always: [
                    {
                      guard: 'coldStartDone',
                      target: 'stable',
                      actions: {
                        type: 'because',
                        params: { reason: 'cold-start threshold of conversions reached' },
                      },
                    },
                    {
                      guard: 'coldStartStalled',
                      target: '#delivery.running.phase.paused',
                      actions: { type: 'because', params: { reason: 'no conversion during cold start' } },
                    },
                  ],
                },
                stable: {
                  entry: { type: 'enterPhase', params: { phase: 'stable' } },
                  always: {
                    guard: 'breakoutReady',
                    target: 'breakout',
                    actions: {
                      type: 'because',
                      params: { reason: 'CPA well under target with spend behind plan' },
                    },
                  },
                },
                breakout: {
                  entry: { type: 'enterPhase', params: { phase: 'breakout' } },
                  always: {
                    guard: 'breakoutOver',
                    target: 'stable',
                    actions: { type: 'because', params: { reason: 'recent CPA above target' } },
                  },
                },
                history: { type: 'history' },
              },
            },
            paused: {
              entry: { type: 'enterPhase', params: { phase: 'paused' } },
              on: {
                'delivery.resumed': {
                  target: `${ACTIVE}.history`,
                  actions: { type: 'because', params: { reason: 'resumed' } },
                },
              },
            },
          },
        },
        strategist: {
          initial: 'idle',
          states: {
            idle: {
              always: { guard: 'consultDue', target: 'consulting', actions: 'startConsult' },
            },
            consulting: {
              invoke: {
                src: 'consultStrategist',
                input: ({ context }) => consultInput(context, context.consultingFor ?? 'cadence'),
                onDone: {
                  target: 'idle',
                  actions: assign(({ context, event }) => {
                    const next = { ...context, ...applyAdvice(context, event.output), consultingFor: null };
                    return {
                      ...next,
                      multiplier: effectiveMultiplier(next, next.phase ?? 'coldStart'),
                      consults: [
                        ...context.consults,
                        {
                          tick: context.tick,
                          reason: context.consultingFor ?? 'cadence',
                          note: event.output.note,
                        },
                      ],
                    };
                  }),
                },
                onError: {
                  target: 'idle',
                  actions: assign(({ context, event }) => ({
                    consultingFor: null,
                    consults: [
                      ...context.consults,
                      {
                        tick: context.tick,
                        reason: context.consultingFor ?? ('cadence' as const),
                        note: `failed: ${event.error instanceof Error ? event.error.message : String(event.error)}`,
                      },
                    ],
                  })),
                },
              },
            },
          },
        },
      },
    },
    ended: {
      type: 'final',
      entry: { type: 'enterPhase', params: { phase: 'ended' } },
    },
  },
});

export type DeliveryMachine = typeof deliveryMachine;
