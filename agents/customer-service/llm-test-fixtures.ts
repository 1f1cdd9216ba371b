/**
 * Shared fixtures of the LLM support policy's tests: decision builders for the strict scripted
 * model, a cancel-an-order thread with its six scripted decisions, and buyer turns built without
 * the trained classifier.
 */
import { script, type ScriptedStep } from '../../src/testing/index.js';
import type { BuyerTurn } from './policy-types.js';
import { confirmationOf, extractSlots } from './slots.js';

/** Scripted model answers, one decision each. */
export const decision = {
  call: (tool: string, args: Record<string, unknown>, confirm?: string): ScriptedStep =>
    script.json({ kind: 'call', tool, args, ...(confirm === undefined ? {} : { confirm }) }),
  reply: (text: string, extra: { citations?: string[]; resolved?: boolean } = {}): ScriptedStep =>
    script.json({ kind: 'reply', text, ...extra }),
  handoff: (summary: string): ScriptedStep => script.json({ kind: 'handoff', summary }),
};

/** The buyer of the cancel thread (τ²-bench retail data) and their pending order. */
export const YUSUF = {
  email: 'yusuf.rossi7301@example.com',
  userId: 'yusuf_rossi_9620',
  order: '#W6247578',
} as const;

/** Authenticate, ask to cancel a pending order, confirm. */
export const CANCEL_THREAD = [
  `Hi, my email is ${YUSUF.email}`,
  `Please cancel order ${YUSUF.order}, I ordered it by mistake`,
  'yes',
] as const;

/** The scripted confirmation of the cancel (no identifier but the buyer's own order). */
export const CONFIRM_TEXT = `I will cancel order ${YUSUF.order} (reason: ordered by mistake); the refund goes to the original payment method. Reply "yes" to confirm.`;
/** The scripted reply after the cancel ran. */
export const DONE_TEXT = `Done: order ${YUSUF.order} is cancelled and will be refunded to the original payment method.`;

/** The six decisions of {@link CANCEL_THREAD}, by key. */
export const cancelDecisions = {
  authenticate: () => decision.call('find_user_id_by_email', { email: YUSUF.email }),
  profile: () => decision.call('get_user_details', { user_id: YUSUF.userId }),
  greet: () => decision.reply('Thank you, you are verified. How can I help?'),
  lookUp: () => decision.call('get_order_details', { order_id: YUSUF.order }),
  propose: () =>
    decision.call(
      'cancel_pending_order',
      { order_id: YUSUF.order, reason: 'ordered by mistake' },
      CONFIRM_TEXT,
    ),
  done: () => decision.reply(DONE_TEXT, { resolved: true }),
};

/** The decision keys of a {@link CANCEL_THREAD} run, in order. */
export const CANCEL_KEYS = [
  'customer-service/t0.s0',
  'customer-service/t0.s1',
  'customer-service/t0.s2',
  'customer-service/t1.s0',
  'customer-service/t1.s1',
  'customer-service/t2.s1',
];

/** Every scripted answer of a {@link CANCEL_THREAD} run. */
export function cancelThreadSteps(): ScriptedStep[] {
  const d = cancelDecisions;
  return [d.authenticate(), d.profile(), d.greet(), d.lookUp(), d.propose(), d.done()];
}

/**
 * A buyer turn read by the slot extractor alone (intent `unknown` unless given), for views built
 * by hand.
 *
 * @example
 * ```ts
 * buyerTurn('my email is amy@example.com').interpretation.slots.emails; // ['amy@example.com']
 * ```
 */
export function buyerTurn(text: string, intent = 'unknown'): BuyerTurn {
  const confirmation = confirmationOf(text);
  return {
    text,
    interpretation: {
      intent,
      source: 'rule',
      confidence: 1,
      slots: extractSlots(text),
      ...(confirmation === undefined ? {} : { confirmation }),
    },
  };
}

/** The quote promise of the sample thread's LLM run. */
export const SAMPLE_QUOTE_REPLY =
  'Thanks! Our sales team will email you a quote for 24 of the white hanging heart t-light holders.';

/**
 * The decisions of the LLM policy on agents/customer-service/samples/thread.jsonl, as JSON
 * objects (wrap each for the scripted model or the loopback server): greet, search, answer with a
 * citation, ask for an email, capture the lead, promise the quote, close.
 */
export const SAMPLE_THREAD_DECISIONS: readonly Record<string, unknown>[] = [
  { kind: 'reply', text: 'Hello! How can I help?' },
  { kind: 'call', tool: 'search_products', args: { query: 'white hanging heart t-light holder', k: 3 } },
  { kind: 'reply', text: 'Yes: the WHITE HANGING HEART T-LIGHT HOLDER is £2.95.', citations: ['85123A'] },
  { kind: 'reply', text: 'Happy to. What email should the quote go to?' },
  {
    kind: 'call',
    tool: 'capture_lead',
    args: { buyer: 'amy.baker@example.com', productId: '85123A', intentScore: 0.9 },
  },
  { kind: 'reply', text: SAMPLE_QUOTE_REPLY, citations: ['85123A'] },
  { kind: 'reply', text: 'Thank you, have a great day!', resolved: true },
];
