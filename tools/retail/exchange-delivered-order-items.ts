import { defineTool } from '../define-tool.js';
import { ItemSwapInput } from './modify-pending-order-items.js';
import { assertItemsInOrder, pairNewItems } from './order-rules.js';
import { RetailOrder } from './retail-db.js';
import { RetailActionError, type RetailStore } from './retail-store.js';

/**
 * `exchange_delivered_order_items` (write, once per order): requests the exchange of delivered
 * items for available variants of the same products; the difference is settled later on the given
 * payment method (a gift card must cover it). Status becomes 'exchange requested'.
 *
 * @example
 * ```ts
 * exchangeDeliveredOrderItemsTool(store).call({ order_id: '#W2378156', item_ids: ['1151293680'],
 *   new_item_ids: ['7706410293'], payment_method_id: 'credit_card_9513926' });
 * ```
 */
export function exchangeDeliveredOrderItemsTool(store: RetailStore) {
  return defineTool({
    name: 'exchange_delivered_order_items',
    description:
      'Exchange items of a delivered order for other options of the same product; callable once per order. ' +
      'Remind the user to list every item first, explain the details and get explicit confirmation (yes).',
    input: ItemSwapInput,
    output: RetailOrder,
    run: ({ order_id, item_ids, new_item_ids, payment_method_id }) => {
      const order = store.getOrder(order_id);
      if (order.status !== 'delivered')
        throw new RetailActionError('Non-delivered order cannot be exchanged');
      assertItemsInOrder(order, item_ids, 'Number of {item} not found.');
      const { difference } = pairNewItems(store, order, item_ids, new_item_ids, { forbidSameItem: false });
      const method = store.getPaymentMethod(order.user_id, payment_method_id);
      if (method.source === 'gift_card' && method.balance < difference) {
        throw new RetailActionError('Insufficient gift card balance to pay for the price difference');
      }
      order.status = 'exchange requested';
      order.exchange_items = [...item_ids].sort();
      order.exchange_new_items = [...new_item_ids].sort();
      order.exchange_payment_method_id = payment_method_id;
      order.exchange_price_difference = difference;
      return structuredClone(order);
    },
  });
}
