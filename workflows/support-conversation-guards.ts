import {
  REPLIES,
  type BlockedAttempt,
  type BuyerTurn,
  type Observation,
  type ToolCall,
} from '../agents/customer-service/index.js';
import { RETAIL_AUTH_TOOLS } from '../tools/retail/index.js';

/*
 * The support conversation's context and the policy it enforces as guards: who is verified, which
 * orders are theirs, which contacts they gave. Pure functions of the context; no I/O.
 */

/** A reply to the buyer with the product ids it relies on. */
export interface SupportReply {
  readonly text: string;
  readonly citations: readonly string[];
}

/** A tool call that ran, and whether it succeeded. */
export interface SupportAction {
  readonly tool: string;
  readonly args: unknown;
  readonly ok: boolean;
}

/** A call the policy asked for and a guard refused: it never ran. */
export type BlockedCall = BlockedAttempt;

/** The conversation's state: everything came from the buyer, the policy or a tool. */
export interface SupportContext {
  turns: BuyerTurn[];
  observations: Observation[];
  userId?: string;
  userEmail?: string;
  /** Order ids of the authenticated buyer, from their profile: the only orders they may touch. */
  ownedOrderIds: string[];
  /** A write stated to the buyer and awaiting their explicit yes in the very next message. */
  pending?: { call: ToolCall; turn: number } | undefined;
  call?: ToolCall;
  /** The message being interpreted. */
  inbox?: string;
  stepsThisTurn: number;
  replies: SupportReply[];
  /** For each buyer turn, how many replies came before it: reply i belongs to the last turn whose start is ≤ i. */
  turnReplyStarts: number[];
  actions: SupportAction[];
  blocked: BlockedCall[];
  /** Why the thread went to a human; `fault` is the error when a step threw (not in the result). */
  handoff?: { summary: string; fault?: unknown };
  sourceCampaign?: string;
  maxStepsPerTurn: number;
}

/** The one event: a buyer message. */
export type SupportEvent = { type: 'buyer.message'; text: string };

/** Input of the machine. */
export interface SupportInput {
  sourceCampaign?: string;
  maxStepsPerTurn?: number;
}

/** Tools that read or change a buyer's account: only after authentication, only on their data. */
const AUTH_TOOLS: readonly string[] = RETAIL_AUTH_TOOLS;
const OPEN_TOOLS = new Set([
  'search_products',
  'capture_lead',
  'issue_coupon',
  'transfer_to_human_agents',
  'calculate',
]);

const normalizeOrderId = (id: unknown): string => `#W${String(id).replace(/^#?W/i, '')}`;

/** Emails the buyer gave in this thread, plus their verified account email. */
function knownContacts(context: SupportContext): Set<string> {
  const emails = context.turns.flatMap((t) =>
    t.interpretation.slots.emails.map((e) => e.trim().toLowerCase()),
  );
  if (context.userEmail) emails.push(context.userEmail.toLowerCase());
  return new Set(emails);
}

/** Authentication may only use an email, or a name and zip, that the buyer wrote in this thread. */
function identityGiven(context: SupportContext, args: Readonly<Record<string, unknown>>): boolean {
  const said = context.turns.map((t) => t.text.toLowerCase()).join('\n');
  if (typeof args.email === 'string') return knownContacts(context).has(args.email.trim().toLowerCase());
  const parts = [args.first_name, args.last_name, args.zip];
  return parts.every(
    (p) => typeof p === 'string' && p.trim() !== '' && said.includes(p.trim().toLowerCase()),
  );
}

/**
 * Policy as guards: why a call may not run, or undefined when it may. Checked for every call the
 * policy asks for, and again for a confirmed write just before it runs.
 */
export function violation(context: SupportContext, call: ToolCall): BlockedCall['reason'] | undefined {
  const { tool, args } = call;
  if (AUTH_TOOLS.includes(tool)) {
    if (context.userId) return 'one_user_only';
    return identityGiven(context, args) ? undefined : 'identity_not_given';
  }
  if (tool === 'capture_lead' || tool === 'issue_coupon') {
    const buyer = typeof args.buyer === 'string' ? args.buyer.trim().toLowerCase() : '';
    const firstCoupon = context.observations.find((o) => o.tool === 'issue_coupon' && o.ok);
    if (!knownContacts(context).has(buyer)) return 'unknown_contact';
    if (tool === 'issue_coupon' && firstCoupon && String(firstCoupon.args.buyer).toLowerCase() !== buyer) {
      return 'unknown_contact';
    }
    return undefined;
  }
  if (OPEN_TOOLS.has(tool)) return undefined;
  if (!context.userId) return 'not_authenticated';
  if ('user_id' in args && args.user_id !== context.userId) return 'other_buyer';
  if ('order_id' in args && !context.ownedOrderIds.includes(normalizeOrderId(args.order_id)))
    return 'other_buyer';
  return undefined;
}

/** What the buyer is told when a guard refuses a call. */
export const BLOCK_REPLY: Readonly<Record<BlockedCall['reason'], string>> = {
  not_authenticated: REPLIES.askIdentity,
  other_buyer: REPLIES.notYourOrder,
  one_user_only: REPLIES.oneUserOnly,
  unknown_contact: 'I can only send offers to the email you gave me in this conversation.',
  identity_not_given: REPLIES.askIdentity,
};

/** Index of the buyer turn being handled. */
export const currentTurn = (context: SupportContext): number => context.turns.length - 1;

/** Records a tool outcome; a successful authentication or profile look-up scopes the thread. */
export function observe(
  context: SupportContext,
  call: ToolCall,
  outcome: { ok: boolean; result?: unknown; error?: string },
) {
  const observation: Observation = { ...call, turn: currentTurn(context), ...outcome };
  const update: Partial<SupportContext> = {
    observations: [...context.observations, observation],
    actions: [...context.actions, { tool: call.tool, args: call.args, ok: outcome.ok }],
  };
  const result = outcome.result as Record<string, unknown> | undefined;
  if (
    outcome.ok &&
    AUTH_TOOLS.includes(call.tool) &&
    !context.userId &&
    typeof result?.user_id === 'string'
  ) {
    update.userId = result.user_id;
  }
  const userId = update.userId ?? context.userId;
  if (
    outcome.ok &&
    call.tool === 'get_user_details' &&
    result &&
    userId !== undefined &&
    result.user_id === userId
  ) {
    update.ownedOrderIds = (result.orders as string[]).map(normalizeOrderId);
    update.userEmail = String(result.email);
  }
  return update;
}

/** The message of an error, for observations and summaries. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
