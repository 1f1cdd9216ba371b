import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { OrderId } from './get-order-details.js';
import { RetailOrder } from './retail-db.js';
import { RetailActionError, roundCents, type RetailStore } from './retail-store.js';

/** Input of {@link modifyPendingOrderPaymentTool}. */
export const ModifyPendingOrderPaymentInput = z.object({
  order_id: OrderId,
  payment_method_id: z
    .string()
    .min(1)
    .describe("The new payment method id, different from the current one, e.g. 'paypal_0000000'"),
});

/**
 * `modify_pending_order_payment` (write): pays a pending order with another of the user's payment
 * methods; the old one is refunded (gift cards at once). A gift card must cover the whole total.
 *
 * @example
 * ```ts
 * modifyPendingOrderPaymentTool(store).call({ order_id: '#W0000000', payment_method_id: 'paypal_0000000' });
 * ```
 */
export function modifyPendingOrderPaymentTool(store: RetailStore) {
  return defineTool({
    name: 'modify_pending_order_payment',
    description:
      'Modify the payment method of a pending order. Explain the details and get explicit confirmation (yes) first.',
    input: ModifyPendingOrderPaymentInput,
    output: RetailOrder,
    run: ({ order_id, payment_method_id }) => {
      const order = store.getOrder(order_id);
      if (!order.status.includes('pending'))
        throw new RetailActionError('Non-pending order cannot be modified');
      const method = store.getPaymentMethod(order.user_id, payment_method_id);
      const [first, ...rest] = order.payment_history;
      if (!first || rest.length > 0 || first.transaction_type !== 'payment') {
        throw new RetailActionError('There should be exactly one payment for a pending order');
      }
      if (first.payment_method_id === payment_method_id) {
        throw new RetailActionError('The new payment method should be different from the current one');
      }
      const amount = first.amount;
      if (method.source === 'gift_card' && method.balance < amount) {
        throw new RetailActionError('Insufficient gift card balance to pay for the order');
      }
      order.payment_history.push(
        { transaction_type: 'payment', amount, payment_method_id },
        { transaction_type: 'refund', amount, payment_method_id: first.payment_method_id },
      );
      if (method.source === 'gift_card') method.balance = roundCents(method.balance - amount);
      const old = store.getPaymentMethod(order.user_id, first.payment_method_id);
      if (old.source === 'gift_card') old.balance = roundCents(old.balance + amount);
      return structuredClone(order);
    },
  });
}
