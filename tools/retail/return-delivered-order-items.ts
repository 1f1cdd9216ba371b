import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { OrderId } from './get-order-details.js';
import { assertItemsInOrder, originalPayment } from './order-rules.js';
import { RetailOrder } from './retail-db.js';
import { RetailActionError, type RetailStore } from './retail-store.js';

/** Input of {@link returnDeliveredOrderItemsTool}. */
export const ReturnDeliveredOrderItemsInput = z.object({
  order_id: OrderId,
  item_ids: z
    .array(z.string())
    .min(1)
    .describe("Item ids to return, each like '1008292230'; an id may repeat"),
  payment_method_id: z
    .string()
    .min(1)
    .describe('Where the refund goes: the original payment method or one of the user’s gift cards'),
});

/**
 * `return_delivered_order_items` (write): requests the return of items of a delivered order; the
 * refund goes to the original payment method or a gift card. Status becomes 'return requested'.
 *
 * @example
 * ```ts
 * returnDeliveredOrderItemsTool(store).call({ order_id, item_ids: ['2323972008'], payment_method_id: 'paypal_5727330' });
 * ```
 */
export function returnDeliveredOrderItemsTool(store: RetailStore) {
  return defineTool({
    name: 'return_delivered_order_items',
    description:
      'Return some items of a delivered order. Explain the details and get explicit confirmation (yes) first; ' +
      'the user then receives an email on how to return the items.',
    input: ReturnDeliveredOrderItemsInput,
    output: RetailOrder,
    run: ({ order_id, item_ids, payment_method_id }) => {
      const order = store.getOrder(order_id);
      if (order.status !== 'delivered') throw new RetailActionError('Non-delivered order cannot be returned');
      const method = store.getPaymentMethod(order.user_id, payment_method_id);
      if (method.source !== 'gift_card' && payment_method_id !== originalPayment(order).payment_method_id) {
        throw new RetailActionError('Payment method should be the original payment method');
      }
      assertItemsInOrder(order, item_ids, 'Some item not found');
      order.status = 'return requested';
      order.return_items = [...item_ids].sort();
      order.return_payment_method_id = payment_method_id;
      return structuredClone(order);
    },
  });
}
