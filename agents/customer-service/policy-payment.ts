import type { RetailOrder, RetailPaymentMethod, RetailUser } from '../../tools/retail/index.js';
import { describePayment, usd } from './policy-replies.js';
import type { PolicyStep } from './policy-types.js';
import type { Task } from './thread-memory.js';

/** The payment method a write settles with, or the question to ask the buyer first. */
export type SettlementLookup = { readonly id: string } | { readonly step: PolicyStep };

/** What the money is for: a refund (return) or a price difference (item change or exchange). */
export type Settlement = 'refund' | 'difference';

const PURPOSE: Readonly<Record<Settlement, string>> = {
  refund: 'receive the refund',
  difference: 'pay or receive the price difference',
};

/** "refund it to …", "the refund on my original method": where the buyer wants the money. */
const REFUND_TO =
  /\brefund(?:ed|s)?\b(?:\s+(?:it|them|this|that|each order|each one|the money|the amount|everything))?\s+(?:back\s+)?(?:to|into|onto|on)\s+([^.;,!?\n]+)/gi;
const ORIGINAL =
  /\b(?:original|same|usual)\s+(?:payment\s+)?(?:method|card|account)\b|\boriginal payment\b|\bwhere it came from\b/i;

/**
 * What the buyer's latest words say about where a refund goes: the original method, a method the
 * slots name (`kind`: a payment kind or id), somewhere else, or nothing.
 */
function refundWish(task: Task): 'original' | 'kind' | 'other' | undefined {
  if (task.paymentMethodId) return 'kind';
  const to = [...task.text.matchAll(REFUND_TO)].at(-1);
  const original = [...task.text.matchAll(new RegExp(ORIGINAL.source, 'gi'))].at(-1);
  const destination = to?.[1];
  if (destination === undefined || (original && original.index > (to?.index ?? 0) + (to?.[0].length ?? 0)))
    return original ? 'original' : undefined;
  if (ORIGINAL.test(destination)) return 'original';
  if (/\b(?:gift ?card|gc|pay ?pal|credit card|card ending|visa|mastercard|amex)\b/i.test(destination))
    return 'kind';
  return 'other';
}

/**
 * The method that receives a refund or settles a price difference, as the policy wants it: the
 * buyer chooses (a refund may go only to the original method or a gift card; a gift card must
 * cover what it pays). Their words decide ("to my visa card", "with my gift card"); a single
 * eligible method needs no question; otherwise the buyer is asked, the original one marked.
 *
 * @example
 * ```ts
 * const found = settlementMethod(task, order, user, 'difference', 12.5);
 * if ('step' in found) return found.step; // which method?
 * ```
 */
export function settlementMethod(
  task: Task,
  order: RetailOrder,
  user: RetailUser,
  purpose: Settlement,
  amount: number,
): SettlementLookup {
  const original = order.payment_history[0]?.payment_method_id;
  const methods = Object.values(user.payment_methods);
  const eligible = methods.filter(
    (m) => purpose === 'difference' || m.id === original || m.source === 'gift_card',
  );
  const covers = (m: RetailPaymentMethod): boolean =>
    m.source !== 'gift_card' || purpose === 'refund' || m.balance >= amount;
  const ask = (lead: string, options: readonly RetailPaymentMethod[]): SettlementLookup => ({
    step: {
      kind: 'reply',
      text: `${lead}Which payment method should ${PURPOSE[purpose]} for order ${order.order_id}? Your methods: ${options
        .map((m) => `${describePayment(m, m.id)}${m.id === original ? ', the original payment method' : ''}`)
        .join('; ')}.`,
    },
  });
  const wish = purpose === 'refund' ? refundWish(task) : undefined;
  if (wish === 'original' && original !== undefined && !task.paymentMethodId) return { id: original };
  if (wish === 'other') {
    // A destination the buyer named that no rule allows ("to the other order's card"): never
    // swapped silently for an allowed one; they hear the rule and choose.
    return ask(
      `A refund for order ${order.order_id} can go only to its original payment method or to an existing gift card, not where you asked. `,
      eligible,
    );
  }
  const named = task.paymentMethodId ? eligible.filter((m) => m.id === task.paymentMethodId) : [];
  let chosen = named.length > 0 ? named : eligible.filter((m) => m.source === task.paymentKind);
  if (chosen.length > 1) {
    // "my visa card", "the card ending 6791".
    const byCard = chosen.filter(
      (m) =>
        m.source === 'credit_card' &&
        (task.text.includes(m.brand.toLowerCase()) || task.text.includes(m.last_four)),
    );
    if (byCard.length > 0) chosen = byCard;
  }
  const [only] = chosen;
  if (chosen.length === 1 && only) {
    if (covers(only)) return { id: only.id };
    const balance = only.source === 'gift_card' ? usd(only.balance) : '';
    return ask(
      `Gift card ${only.id} has ${balance}, which does not cover the ${usd(amount)} to pay. `,
      eligible.filter((m) => m.id !== only.id && covers(m)),
    );
  }
  const fitting = eligible.filter(covers);
  const [single] = fitting;
  if (fitting.length === 1 && single && task.paymentKind === undefined && !task.paymentMethodId) {
    return { id: single.id };
  }
  if (fitting.length === 0) {
    return { step: { kind: 'reply', text: 'None of your payment methods can settle this change.' } };
  }
  const unmet =
    task.paymentMethodId || task.paymentKind
      ? `That payment method cannot ${PURPOSE[purpose]} for order ${order.order_id}. `
      : '';
  return ask(unmet, fitting);
}
