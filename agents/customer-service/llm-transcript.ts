import type { BaseMessage } from '@langchain/core/messages';
import { initialMessages } from '../llm/index.js';
import { LlmDecision } from './llm-decision.js';
import type { BlockedAttempt, BuyerTurn, Observation, PolicyView } from './policy-types.js';

/** A buyer message in the transcript, with the deterministic reading as a hint. */
export interface TranscriptMessage {
  readonly turn: number;
  readonly buyer: string;
  readonly hint: { intent: string; confirmation?: 'yes' | 'no'; details?: Record<string, unknown> };
}

/** A tool outcome in the transcript. */
export interface TranscriptToolOutcome {
  readonly turn: number;
  readonly tool: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: string;
}

/** Something the agent said to the buyer, so that the model knows what its questions were. */
export interface TranscriptAgentMessage {
  readonly turn: number;
  readonly agent: string;
}

/** What the model reads: only this thread's data. */
export interface SupportTranscript {
  /** The authenticated buyer, or null before authentication. */
  readonly verifiedUserId: string | null;
  readonly sourceCampaign?: string;
  /** Buyer messages and tool outcomes in order. */
  readonly conversation: readonly (TranscriptMessage | TranscriptToolOutcome | TranscriptAgentMessage)[];
}

/**
 * Renders a policy view: each buyer message followed by the tool outcomes of its turn, in order.
 * Slot values that are empty are left out, to keep the prompt short.
 *
 * @example
 * ```ts
 * supportTranscript({ turns: [{ text: 'hi', interpretation }], observations: [] });
 * // { verifiedUserId: null, conversation: [{ turn: 0, buyer: 'hi', hint: { intent: 'greeting' } }] }
 * ```
 */
export function supportTranscript(view: PolicyView): SupportTranscript {
  const conversation: (TranscriptMessage | TranscriptToolOutcome | TranscriptAgentMessage)[] = [];
  view.turns.forEach((turn, index) => {
    conversation.push(message(turn, index));
    for (const o of view.observations) if (o.turn === index) conversation.push(outcome(o));
    for (const b of view.blocked ?? []) if (b.turn === index) conversation.push(refused(b));
    for (const r of view.agentReplies ?? [])
      if (r.turn === index) conversation.push({ turn: r.turn, agent: r.text });
  });
  return {
    verifiedUserId: view.userId ?? null,
    ...(view.sourceCampaign === undefined ? {} : { sourceCampaign: view.sourceCampaign }),
    conversation,
  };
}

/**
 * The messages of one decision: the instructions and the decision schema (system), then the
 * transcript as JSON (user), through the shared {@link initialMessages}.
 *
 * @example
 * ```ts
 * const messages = supportMessages(view, supportInstructions(supportToolCatalog()));
 * ```
 */
export function supportMessages(view: PolicyView, instructions: string): BaseMessage[] {
  return initialMessages({ instructions, output: LlmDecision, input: supportTranscript(view) });
}

function message(turn: BuyerTurn, index: number): TranscriptMessage {
  const { intent, confirmation, slots } = turn.interpretation;
  const details = Object.fromEntries(
    Object.entries(slots).filter(
      ([, v]) => v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0),
    ),
  );
  return {
    turn: index,
    buyer: turn.text,
    hint: {
      intent,
      ...(confirmation === undefined ? {} : { confirmation }),
      ...(Object.keys(details).length > 0 ? { details } : {}),
    },
  };
}

/** What the model is told about a call the workflow refused, so that it can take the allowed path. */
const WHY_BLOCKED: Readonly<Record<BlockedAttempt['reason'], string>> = {
  not_authenticated: 'the buyer is not verified yet: authenticate them first',
  other_buyer:
    "that user or order is not the verified buyer's: use only the verified user id and the orders get_user_details lists for it",
  one_user_only: 'a buyer is already verified in this conversation; no second identity',
  unknown_contact: 'use only an email the buyer wrote in this conversation',
  identity_not_given: 'the buyer has not written that email, or that name and zip, in this conversation',
};

function refused(b: BlockedAttempt): TranscriptToolOutcome {
  return {
    turn: b.turn,
    tool: b.tool,
    args: b.args,
    ok: false,
    error: `blocked by the shop's rules (${b.reason}): ${WHY_BLOCKED[b.reason]}. The buyer was told it cannot be done.`,
  };
}

function outcome(o: Observation): TranscriptToolOutcome {
  return {
    turn: o.turn,
    tool: o.tool,
    args: o.args,
    ok: o.ok,
    ...(o.ok ? { result: o.result ?? null } : { error: o.error ?? 'failed' }),
  };
}
