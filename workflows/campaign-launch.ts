import { and, assign, fromPromise, setup } from 'xstate';
import type {
  AudienceSegment,
  BidPlan,
  CampaignBrief,
  CreativeInsight,
  Forecast,
  ReviewCheck,
} from '../src/core/index.js';
import { reviewPlan } from './review.js';

export interface CampaignLaunchInput {
  goal: string;
}

export interface CampaignLaunchContext {
  goal: string;
  brief?: CampaignBrief;
  insights?: CreativeInsight[];
  segments?: AudienceSegment[];
  bidPlan?: BidPlan;
  forecast?: Forecast;
  review: ReviewCheck[];
  approval?: { decision: 'approved' | 'rejected'; by: string; at: string; reason?: string };
  error?: unknown;
}

export type CampaignLaunchEvent =
  | { type: 'plan.approved'; by: string; at: string }
  | { type: 'plan.rejected'; by: string; at: string; reason?: string }
  | { type: 'approval.expired'; at: string };

/** A placeholder that fails loudly until the composition root provides the real actor. */
function notProvided<O, I>(name: string) {
  return fromPromise<O, I>(() =>
    Promise.reject(new Error(`campaign-launch: actor "${name}" was not provided`)),
  );
}

/**
 * The campaign-launch workflow: parse → (creative ‖ audience) → strategy → forecast → review
 * (guards: within budget, a target where the objective needs one) → awaiting approval → planned.
 * Rejection and failure are states too. It names its agents; the composition root provides them
 * with `.provide({ actors })`, and tests swap them the same way. It does no I/O and reads no clock.
 *
 * @example
 * ```ts
 * const machine = campaignLaunchMachine.provide({ actors: { parseBrief, analyseCreative, ... } });
 * const actor = createActor(machine, { input: { goal } }).start();
 * ```
 */
export const campaignLaunchMachine = setup({
  types: {
    context: {} as CampaignLaunchContext,
    events: {} as CampaignLaunchEvent,
    input: {} as CampaignLaunchInput,
  },
  actors: {
    parseBrief: notProvided<CampaignBrief, { goal: string }>('parseBrief'),
    analyseCreative: notProvided<CreativeInsight[], { brief: CampaignBrief }>('analyseCreative'),
    reasonAudience: notProvided<AudienceSegment[], { brief: CampaignBrief }>('reasonAudience'),
    planBids: notProvided<BidPlan, { brief: CampaignBrief; segments: AudienceSegment[] }>('planBids'),
    forecastPlan: notProvided<Forecast, { brief: CampaignBrief; bidPlan: BidPlan }>('forecastPlan'),
  },
  guards: {
    withinBudget: ({ context }) => context.review.some((c) => c.name === 'within-budget' && c.ok),
    targetPresent: ({ context }) => context.review.some((c) => c.name === 'target-present' && c.ok),
  },
  delays: {
    /** How long a plan waits for a decision before it lapses. */
    approvalTimeout: 7 * 24 * 3600 * 1000,
  },
}).createMachine({
  id: 'campaign-launch',
  context: ({ input }) => ({ goal: input.goal, review: [] }),
  initial: 'parsing',
  states: {
    parsing: {
      invoke: {
        src: 'parseBrief',
        input: ({ context }) => ({ goal: context.goal }),
        onDone: { target: 'analysing', actions: assign({ brief: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: assign({ error: ({ event }) => event.error }) },
      },
    },
    analysing: {
      type: 'parallel',
      states: {
        creative: {
          initial: 'running',
          states: {
            running: {
              invoke: {
                src: 'analyseCreative',
                input: ({ context }) => ({ brief: context.brief! }),
                onDone: { target: 'done', actions: assign({ insights: ({ event }) => event.output }) },
                onError: {
                  target: '#campaign-launch.failed',
                  actions: assign({ error: ({ event }) => event.error }),
                },
              },
            },
            done: { type: 'final' },
          },
        },
        audience: {
          initial: 'running',
          states: {
            running: {
              invoke: {
                src: 'reasonAudience',
                input: ({ context }) => ({ brief: context.brief! }),
                onDone: { target: 'done', actions: assign({ segments: ({ event }) => event.output }) },
                onError: {
                  target: '#campaign-launch.failed',
                  actions: assign({ error: ({ event }) => event.error }),
                },
              },
            },
            done: { type: 'final' },
          },
        },
      },
      onDone: { target: 'strategising' },
    },
    strategising: {
      invoke: {
        src: 'planBids',
        input: ({ context }) => ({ brief: context.brief!, segments: context.segments! }),
        onDone: { target: 'forecasting', actions: assign({ bidPlan: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: assign({ error: ({ event }) => event.error }) },
      },
    },
    forecasting: {
      invoke: {
        src: 'forecastPlan',
        input: ({ context }) => ({ brief: context.brief!, bidPlan: context.bidPlan! }),
        onDone: { target: 'reviewing', actions: assign({ forecast: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: assign({ error: ({ event }) => event.error }) },
      },
    },
    reviewing: {
      entry: assign({
        review: ({ context }) => reviewPlan(context.brief!, context.bidPlan!, context.forecast!),
      }),
      always: [
        { guard: and(['withinBudget', 'targetPresent']), target: 'awaitingApproval' },
        {
          target: 'rejected',
          actions: assign({
            approval: ({ context }) => ({
              decision: 'rejected' as const,
              by: 'review',
              at: '',
              reason: context.review
                .filter((c) => !c.ok && c.name !== 'cpa-sane')
                .map((c) => c.message)
                .join(' '),
            }),
          }),
        },
      ],
    },
    awaitingApproval: {
      on: {
        'plan.approved': {
          target: 'planned',
          actions: assign({
            approval: ({ event }) => ({ decision: 'approved' as const, by: event.by, at: event.at }),
          }),
        },
        'plan.rejected': {
          target: 'rejected',
          actions: assign({
            approval: ({ event }) => ({
              decision: 'rejected' as const,
              by: event.by,
              at: event.at,
              ...(event.reason === undefined ? {} : { reason: event.reason }),
            }),
          }),
        },
        'approval.expired': {
          target: 'rejected',
          actions: assign({
            approval: ({ event }) => ({
              decision: 'rejected' as const,
              by: 'timeout',
              at: event.at,
              reason: 'approval timed out',
            }),
          }),
        },
      },
      after: {
        approvalTimeout: {
          target: 'rejected',
          actions: assign({
            approval: () => ({
              decision: 'rejected' as const,
              by: 'timeout',
              at: '',
              reason: 'approval timed out',
            }),
          }),
        },
      },
    },
    planned: { type: 'final' },
    rejected: { type: 'final' },
    failed: { type: 'final' },
  },
});

export type CampaignLaunchMachine = typeof campaignLaunchMachine;
