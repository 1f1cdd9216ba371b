import { isRetailWriteTool } from '../../tools/retail/index.js';
import { accountStep } from './policy-account.js';
import { doneText, REPLIES } from './policy-replies.js';
import type { PolicyStep, PolicyView, SupportPolicy } from './policy-types.js';
import { salesStep } from './policy-sales.js';
import { foldThread, misreadOrderRequest, taskKindOf, type ThreadMemory } from './thread-memory.js';

/** Tuning of the offline policy. */
export interface OfflinePolicyOptions {
  /** Product hits below this search score are not cited (default 0.2). */
  readonly productMinScore?: number;
  /** How many products to ask the search for (default 5). */
  readonly searchK?: number;
}

/** Requests no tool can serve: the policy says transfer to a human, with a summary. */
export const HANDOFF_INTENTS: ReadonlySet<string> = new Set([
  'contact_human_agent',
  'contact_customer_service',
  'complaint',
  'create_account',
  'delete_account',
  'edit_account',
  'recover_password',
  'registration_problems',
  'switch_account',
  'newsletter_subscription',
  'check_invoice',
  'get_invoice',
  'payment_issue',
  'delivery_options',
]);

const INFO_REPLIES: Readonly<Record<string, string>> = {
  check_refund_policy: REPLIES.refundPolicy,
  check_cancellation_fee: REPLIES.cancellationPolicy,
  check_payment_methods: REPLIES.paymentMethods,
  review: REPLIES.review,
};

/** Messages that carry a task forward rather than start one. */
const CONTINUING = new Set(['provide_info', 'affirm', 'unknown']);

/**
 * The deterministic customer-service policy: small talk and policy facts, handoff when out of
 * scope, pre-sales answers with citations, leads and coupons, and order and account tasks with
 * authentication and an exact confirmation before any write. It never calls a tool for data the
 * buyer may not see; the workflow's guards enforce the same rules whatever policy runs.
 *
 * @example
 * ```ts
 * const policy = createOfflinePolicy();
 * const step = await policy({ turns: [{ text: 'hi', interpretation }], observations: [] });
 * ```
 */
export function createOfflinePolicy(options: OfflinePolicyOptions = {}): SupportPolicy {
  const productMinScore = options.productMinScore ?? 0.2;
  const searchK = options.searchK ?? 5;
  return (view) => decide(view, { productMinScore, searchK });
}

function decide(view: PolicyView, options: { productMinScore: number; searchK: number }): PolicyStep {
  const current = view.turns.length - 1;
  const turn = view.turns[current];
  if (!turn) return { kind: 'reply', text: REPLIES.greeting };
  const now = view.observations.filter((o) => o.turn === current);
  const memory = foldThread(view, options);
  const intent = turn.interpretation.intent;

  const write = now.find((o) => isRetailWriteTool(o.tool));
  if (write) {
    return {
      kind: 'reply',
      text: write.ok
        ? `${doneText(write.tool, write.result, memory.user)} Is there anything else I can help with?`
        : `I could not complete that: ${write.error ?? 'the store refused the change'}. Nothing was changed.`,
    };
  }
  if (intent === 'disclosure_request') return { kind: 'reply', text: REPLIES.disclosure };
  // "No, leave that order as it is" answers the agent's question; it asks for no human.
  const declines =
    turn.interpretation.confirmation === 'no' &&
    !/\b(?:human|person|agent|representative|manager)\b/i.test(turn.text);
  if (HANDOFF_INTENTS.has(intent) && declines) return { kind: 'reply', text: REPLIES.declined };
  if (HANDOFF_INTENTS.has(intent) && !misreadOrderRequest(intent, turn.text))
    return { kind: 'handoff', summary: handoffSummary(view, memory, intent) };
  if (intent === 'greeting') return { kind: 'reply', text: REPLIES.greeting };
  if (intent === 'thanks') return { kind: 'reply', text: REPLIES.resolved, resolved: true };
  if (intent === 'deny') return { kind: 'reply', text: REPLIES.declined };
  const info = INFO_REPLIES[intent];
  if (info) return { kind: 'reply', text: info };

  const sales = intent === 'product_question' || intent === 'purchase_intent' || intent === 'coupon_request';
  const continuing = CONTINUING.has(intent);
  if (sales || (continuing && (memory.focus === 'sales' || memory.focus === 'coupon'))) {
    return salesStep(view, memory, now, options);
  }
  if (
    taskKindOf(intent, turn.text) ||
    (continuing && memory.focus === 'account' && memory.task && !memory.task.done)
  ) {
    return accountStep(view, memory, now);
  }
  // A buyer who opens by identifying themselves is verified first, then asked what they need.
  const slots = turn.interpretation.slots;
  if (
    continuing &&
    memory.focus === undefined &&
    (slots.emails.length > 0 || slots.name !== undefined || slots.zip)
  ) {
    return accountStep(view, memory, now);
  }
  return { kind: 'reply', text: REPLIES.clarify };
}

/** What the human agent needs: who (if verified), what they asked, and the last messages. */
export function handoffSummary(view: PolicyView, memory: ThreadMemory, intent: string): string {
  const who = view.userId
    ? `verified user ${view.userId}`
    : memory.contactEmail
      ? `unverified buyer (${memory.contactEmail})`
      : 'unverified buyer';
  const last = view.turns
    .slice(-3)
    .map((t) => `"${t.text.length > 160 ? `${t.text.slice(0, 157)}...` : t.text}"`)
    .join(' / ');
  const orders = memory.user ? ` Orders: ${memory.user.orders.join(', ')}.` : '';
  return `${who} needs help with ${intent.replace(/_/g, ' ')}.${orders} Last messages: ${last}`;
}
