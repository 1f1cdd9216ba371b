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
