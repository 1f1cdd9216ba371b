import { assign, fromPromise, setup } from 'xstate';
import {
  REPLIES,
  type Interpretation,
  type PolicyStep,
  type PolicyView,
  type ToolCall,
} from '../agents/customer-service/index.js';
import { isRetailWriteTool, TRANSFER_MESSAGE } from '../tools/retail/index.js';
import {
  BLOCK_REPLY,
  currentTurn,
  errorText,
  observe,
  violation,
  type SupportContext,
  type SupportEvent,
  type SupportInput,
} from './support-conversation-guards.js';

export * from './support-conversation-guards.js';

/** The agent's replies so far, each with the buyer turn it answered. */
function agentReplies(context: SupportContext): { turn: number; text: string }[] {
  return context.replies.map((reply, i) => ({
    turn: Math.max(
      0,
      context.turnReplyStarts.findLastIndex((start) => start <= i),
    ),
    text: reply.text,
  }));
}

const stepOf = (event: unknown): PolicyStep => (event as { output: PolicyStep }).output;
const callOf = (event: unknown): ToolCall | undefined => {
  const step = stepOf(event);
  return step.kind === 'call' ? step.call : undefined;
};

/**
 * The per-thread support statechart: interpret each buyer message, let the policy decide one step
 * at a time, run read tools, put writes up for an explicit confirmation, and resolve or hand off.
 * The machine does no I/O and reads no clock: `interpret`, `decide` and `runTool` are injected
 * with `.provide()`, and guards enforce the policy whatever `decide` returns.
 *
 * @example
 * ```ts
 * const machine = supportConversationMachine.provide({ actors: { interpret, decide, runTool } });
 * const actor = createActor(machine, { input: { sourceCampaign: 'xmas' } }).start();
 * actor.send({ type: 'buyer.message', text: 'Hi!' });
 * ```
 */
export const supportConversationMachine = setup({
  types: {
    context: {} as SupportContext,
    events: {} as SupportEvent,
    // The value is a type carrier for XState; `{}` fits SupportInput already, the cast names the type.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    input: {} as SupportInput,
  },
  actors: {
    interpret: fromPromise<Interpretation, { text: string }>(() =>
      Promise.reject(new Error('support-conversation: provide an `interpret` actor')),
    ),
    decide: fromPromise<PolicyStep, PolicyView>(() =>
      Promise.reject(new Error('support-conversation: provide a `decide` actor')),
    ),
    runTool: fromPromise<unknown, ToolCall>(() =>
      Promise.reject(new Error('support-conversation: provide a `runTool` actor')),
    ),
  },
  guards: {
    confirmsPending: ({ context, event }) =>
      context.pending !== undefined &&
      context.pending.turn === currentTurn(context) &&
      (event as unknown as { output: Interpretation }).output.confirmation === 'yes',
    declinesPending: ({ context, event }) =>
      context.pending !== undefined &&
      (event as unknown as { output: Interpretation }).output.confirmation === 'no',
    pendingAllowed: ({ context }) =>
      context.pending !== undefined && violation(context, context.pending.call) === undefined,
    overBudget: ({ context }) => context.stepsThisTurn >= context.maxStepsPerTurn,
    isHandoff: ({ event }) => stepOf(event).kind === 'handoff',
    isResolvingReply: ({ event }) => {
      const step = stepOf(event);
      return step.kind === 'reply' && step.resolved === true;
    },
    isReply: ({ event }) => stepOf(event).kind === 'reply',
    isBlocked: ({ context, event }) => {
      const call = callOf(event);
      return call !== undefined && violation(context, call) !== undefined;
    },
    isWrite: ({ event }) => isRetailWriteTool(callOf(event)?.tool ?? ''),
  },
  actions: {
    receive: assign(({ event }) => ({ inbox: event.text })),
    addTurn: assign(({ context, event }) => ({
      turns: [
        ...context.turns,
        {
          text: context.inbox ?? '',
          interpretation: (event as unknown as { output: Interpretation }).output,
        },
      ],
      stepsThisTurn: 0,
      turnReplyStarts: [...context.turnReplyStarts, context.replies.length],
    })),
    clearPending: assign({ pending: undefined }),
    replyDeclined: assign(({ context }) => ({
      replies: [...context.replies, { text: REPLIES.declined, citations: [] }],
    })),
    countStep: assign(({ context }) => ({ stepsThisTurn: context.stepsThisTurn + 1 })),
    addReply: assign(({ context, event }) => {
      const step = stepOf(event);
      if (step.kind !== 'reply') return {};
      return { replies: [...context.replies, { text: step.text, citations: [...(step.citations ?? [])] }] };
    }),
    block: assign(({ context, event }) => {
      const call = callOf(event);
      if (!call) return {};
      const reason = violation(context, call) ?? 'other_buyer';
      return {
        blocked: [...context.blocked, { ...call, reason, turn: currentTurn(context) }],
        replies: [...context.replies, { text: BLOCK_REPLY[reason], citations: [] }],
      };
    }),
    blockPending: assign(({ context }) => {
      const pending = context.pending;
      if (!pending) return {};
      const reason = violation(context, pending.call) ?? 'other_buyer';
      return {
        pending: undefined,
        blocked: [...context.blocked, { ...pending.call, reason, turn: currentTurn(context) }],
        replies: [...context.replies, { text: BLOCK_REPLY[reason], citations: [] }],
      };
    }),
    propose: assign(({ context, event }) => {
      const step = stepOf(event);
      if (step.kind !== 'call') return {};
      // A write whose policy gave no wording is still stated in full before anything runs.
      const text =
        step.confirm ??
        `I am about to run ${step.call.tool} with ${JSON.stringify(step.call.args)}. Please reply "yes" to confirm.`;
      return {
        pending: { call: step.call, turn: currentTurn(context) },
        replies: [...context.replies, { text, citations: [] }],
      };
    }),
    setCall: assign(({ event }) => {
      const call = callOf(event);
      return call ? { call } : {};
    }),
    setHandoff: assign(({ event }) => {
      const step = stepOf(event);
      return {
        handoff: { summary: step.kind === 'handoff' ? step.summary : 'The agent could not continue.' },
      };
    }),
    setBudgetHandoff: assign(({ context }) => ({
      handoff: {
        summary: `${REPLIES.budgetExhausted} Step budget (${context.maxStepsPerTurn}) used up on: "${context.turns.at(-1)?.text ?? ''}"`,
      },
    })),
    setFaultHandoff: assign(({ event }) => {
      const fault = (event as unknown as { error: unknown }).error;
      return { handoff: { summary: `The agent failed: ${errorText(fault)}`, fault } };
    }),
    replyTransfer: assign(({ context }) => ({
      replies: [...context.replies, { text: TRANSFER_MESSAGE, citations: [] }],
    })),
  },
}).createMachine({
  id: 'support-conversation',
  context: ({ input }) => ({
    turns: [],
    observations: [],
    ownedOrderIds: [],
    stepsThisTurn: 0,
    replies: [],
    turnReplyStarts: [],
    actions: [],
    blocked: [],
    maxStepsPerTurn: input.maxStepsPerTurn ?? 12,
    ...(input.sourceCampaign === undefined ? {} : { sourceCampaign: input.sourceCampaign }),
  }),
  initial: 'awaitingMessage',
  states: {
    awaitingMessage: { on: { 'buyer.message': { target: 'interpreting', actions: 'receive' } } },
    resolved: { on: { 'buyer.message': { target: 'interpreting', actions: 'receive' } } },
    interpreting: {
      invoke: {
        src: 'interpret',
        input: ({ context }) => ({ text: context.inbox ?? '' }),
        onDone: [
          { guard: 'confirmsPending', target: 'executing', actions: 'addTurn' },
          {
            guard: 'declinesPending',
            target: 'awaitingMessage',
            actions: ['addTurn', 'clearPending', 'replyDeclined'],
          },
          // Anything but an explicit yes or no drops the proposal: a later "yes" cannot confirm it.
          { target: 'deciding', actions: ['addTurn', 'clearPending'] },
        ],
        onError: { target: 'handingOff', actions: 'setFaultHandoff' },
      },
    },
    deciding: {
      entry: 'countStep',
      invoke: {
        src: 'decide',
        input: ({ context }) => ({
          turns: context.turns,
          observations: context.observations,
          ...(context.userId === undefined ? {} : { userId: context.userId }),
          ...(context.sourceCampaign === undefined ? {} : { sourceCampaign: context.sourceCampaign }),
          ...(context.blocked.length === 0 ? {} : { blocked: context.blocked }),
          ...(context.replies.length === 0 ? {} : { agentReplies: agentReplies(context) }),
        }),
        onDone: [
          { guard: 'overBudget', target: 'handingOff', actions: 'setBudgetHandoff' },
          { guard: 'isHandoff', target: 'handingOff', actions: 'setHandoff' },
          { guard: 'isResolvingReply', target: 'resolved', actions: 'addReply' },
          { guard: 'isReply', target: 'awaitingMessage', actions: 'addReply' },
          { guard: 'isBlocked', target: 'awaitingMessage', actions: 'block' },
          { guard: 'isWrite', target: 'awaitingMessage', actions: 'propose' },
          { target: 'callingTool', actions: 'setCall' },
        ],
        onError: { target: 'handingOff', actions: 'setFaultHandoff' },
      },
    },
    callingTool: {
      invoke: {
        src: 'runTool',
        input: ({ context }) => context.call ?? { tool: 'unknown', args: {} },
        onDone: {
          target: 'deciding',
          actions: assign(({ context, event }) =>
            context.call ? observe(context, context.call, { ok: true, result: event.output }) : {},
          ),
        },
        onError: {
          target: 'deciding',
          actions: assign(({ context, event }) =>
            context.call ? observe(context, context.call, { ok: false, error: errorText(event.error) }) : {},
          ),
        },
      },
    },
    executing: {
      always: [
        { guard: 'pendingAllowed', target: 'runningWrite' },
        { target: 'awaitingMessage', actions: 'blockPending' },
      ],
    },
    runningWrite: {
      invoke: {
        src: 'runTool',
        input: ({ context }) => context.pending?.call ?? { tool: 'unknown', args: {} },
        onDone: {
          target: 'deciding',
          actions: assign(({ context, event }) => ({
            ...(context.pending
              ? observe(context, context.pending.call, { ok: true, result: event.output })
              : {}),
            pending: undefined,
          })),
        },
        onError: {
          target: 'deciding',
          actions: assign(({ context, event }) => ({
            ...(context.pending
              ? observe(context, context.pending.call, { ok: false, error: errorText(event.error) })
              : {}),
            pending: undefined,
          })),
        },
      },
    },
    handingOff: {
      invoke: {
        src: 'runTool',
        input: ({ context }) => ({
          tool: 'transfer_to_human_agents',
          args: { summary: context.handoff?.summary ?? 'Buyer needs a human agent.' },
        }),
        onDone: {
          target: 'handedOff',
          actions: [
            assign(({ context }) =>
              observe(
                context,
                { tool: 'transfer_to_human_agents', args: { summary: context.handoff?.summary ?? '' } },
                { ok: true },
              ),
            ),
            'replyTransfer',
          ],
        },
        onError: {
          target: 'handedOff',
          actions: [
            assign(({ context, event }) =>
              observe(
                context,
                { tool: 'transfer_to_human_agents', args: { summary: context.handoff?.summary ?? '' } },
                { ok: false, error: errorText(event.error) },
              ),
            ),
            'replyTransfer',
          ],
        },
      },
    },
    handedOff: { type: 'final' },
  },
});
