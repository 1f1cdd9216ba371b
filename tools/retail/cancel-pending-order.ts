import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { OrderId } from './get-order-details.js';
import { RetailOrder } from './retail-db.js';
import { RetailActionError, roundCents, type RetailStore } from './retail-store.js';

/** The only reasons the policy accepts for a cancellation. */
export const CANCEL_REASONS = ['no longer needed', 'ordered by mistake'] as const;

/** Input of {@link cancelPendingOrderTool}. */
export const CancelPendingOrderInput = z.object({
  order_id: OrderId,
  reason: z.enum(CANCEL_REASONS).describe("Either 'no longer needed' or 'ordered by mistake'"),
});

/**
 * `cancel_pending_order` (write): cancels a pending order and refunds every payment; gift cards are
 * credited at once, other methods in 5 to 7 business days. Requires the buyer's explicit
 * confirmation of the order id and reason.
 *
 * @example
 * ```ts
 * cancelPendingOrderTool(store).call({ order_id: '#W0000000', reason: 'no longer needed' }).status; // 'cancelled'
 * ```
 */
export function cancelPendingOrderTool(store: RetailStore) {
  return defineTool({
    name: 'cancel_pending_order',
    description:
      'Cancel a pending order (not processed or delivered). Explain the details and get explicit confirmation (yes) first.',
    input: CancelPendingOrderInput,
    output: RetailOrder,
    run: ({ order_id, reason }) => {
      const order = store.getOrder(order_id);
      if (order.status !== 'pending') throw new RetailActionError('Non-pending order cannot be cancelled');
      const refunds = order.payment_history.map((p) => ({
        transaction_type: 'refund' as const,
        amount: p.amount,
        payment_method_id: p.payment_method_id,
      }));
      for (const refund of refunds) {
        const method = store.getPaymentMethod(order.user_id, refund.payment_method_id);
        if (method.source === 'gift_card') method.balance = roundCents(method.balance + refund.amount);
      }
      order.status = 'cancelled';
      order.cancel_reason = reason;
      order.payment_history.push(...refunds);
      return structuredClone(order);
    },
  });
}
