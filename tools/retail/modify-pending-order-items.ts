import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { OrderId } from './get-order-details.js';
import { assertItemsInOrder, pairNewItems } from './order-rules.js';
import { RetailOrder } from './retail-db.js';
import { RetailActionError, roundCents, type RetailStore } from './retail-store.js';

/** Item ids to change and, position by position, their new variants of the same product. */
export const ItemSwapInput = z.object({
  order_id: OrderId,
  item_ids: z
    .array(z.string())
    .min(1)
    .describe("Item ids to change, each like '1008292230'; an id may repeat"),
  new_item_ids: z
    .array(z.string())
    .min(1)
    .describe('New item ids, same position = same product, each available'),
  payment_method_id: z
    .string()
    .min(1)
    .describe("Payment method that pays or receives the price difference, e.g. 'gift_card_0000000'"),
});

/**
 * `modify_pending_order_items` (write, once per order): swaps items of a pending order for other
 * available variants of the same products and settles the difference on one payment method. The
 * order becomes 'pending (item modified)' and can no longer be cancelled or item-modified.
 *
 * Unlike the benchmark's Python, each swapped line takes its own new variant's price and options
 * (the original applies the last variant to every line).
 *
 * @example
 * ```ts
 * modifyPendingOrderItemsTool(store).call({ order_id, item_ids: ['1'], new_item_ids: ['2'], payment_method_id });
 * ```
 */
export function modifyPendingOrderItemsTool(store: RetailStore) {
  return defineTool({
    name: 'modify_pending_order_items',
    description:
      'Modify items of a pending order to other options of the same product; callable once per order. ' +
      'Remind the user to list every item first, explain the details and get explicit confirmation (yes).',
    input: ItemSwapInput,
    output: RetailOrder,
    run: ({ order_id, item_ids, new_item_ids, payment_method_id }) => {
      const order = store.getOrder(order_id);
      if (order.status !== 'pending') throw new RetailActionError('Non-pending order cannot be modified');
      assertItemsInOrder(order, item_ids, '{item} not found');
      const { pairs, difference } = pairNewItems(store, order, item_ids, new_item_ids, {
        forbidSameItem: true,
      });
      const method = store.getPaymentMethod(order.user_id, payment_method_id);
      if (method.source === 'gift_card' && method.balance < difference) {
        throw new RetailActionError('Insufficient gift card balance to pay for the new item');
      }
      order.payment_history.push({
        transaction_type: difference > 0 ? 'payment' : 'refund',
        amount: Math.abs(difference),
        payment_method_id,
      });
      if (method.source === 'gift_card') method.balance = roundCents(method.balance - difference);
      for (const { index, newItemId } of pairs) {
        const item = order.items[index];
        if (!item) continue;
        const variant = store.getVariant(item.product_id, newItemId);
        item.item_id = newItemId;
        item.price = variant.price;
        item.options = { ...variant.options };
      }
      order.status = 'pending (item modified)';
      return structuredClone(order);
    },
  });
}
