import type { RetailOrder } from './retail-db.js';
import { RetailActionError, roundCents, type RetailStore } from './retail-store.js';

/**
 * Every requested item id must be in the order, as many times as it is requested (an order may
 * hold the same item twice).
 */
export function assertItemsInOrder(order: RetailOrder, itemIds: readonly string[], message: string): void {
  const inOrder = order.items.map((i) => i.item_id);
  for (const itemId of itemIds) {
    const wanted = itemIds.filter((x) => x === itemId).length;
    if (wanted > inOrder.filter((x) => x === itemId).length) {
      throw new RetailActionError(message.replace('{item}', itemId), { orderId: order.order_id, itemId });
    }
  }
}

/**
 * Pairs each old item with its new variant (same product, available) and sums the price difference
 * (positive: the buyer pays; negative: the buyer is refunded).
 */
export function pairNewItems(
  store: RetailStore,
  order: RetailOrder,
  itemIds: readonly string[],
  newItemIds: readonly string[],
  options: { forbidSameItem: boolean },
): { pairs: { index: number; newItemId: string }[]; difference: number } {
  if (itemIds.length !== newItemIds.length) {
    throw new RetailActionError('The number of items to be exchanged should match', {
      orderId: order.order_id,
    });
  }
  const used = new Set<number>();
  let difference = 0;
  const pairs = itemIds.map((itemId, k) => {
    const newItemId = newItemIds[k] ?? '';
    if (options.forbidSameItem && itemId === newItemId) {
      throw new RetailActionError('The new item id should be different from the old item id', { itemId });
    }
    // Duplicates in the list take successive matching lines of the order.
    const index = order.items.findIndex((item, i) => item.item_id === itemId && !used.has(i));
    const item = order.items[index];
    if (!item) throw new RetailActionError(`Item ${itemId} not found`, { orderId: order.order_id, itemId });
    used.add(index);
    const variant = store.getVariant(item.product_id, newItemId);
    if (!variant.available) {
      throw new RetailActionError(`New item ${newItemId} not found or available`, { newItemId });
    }
    difference += variant.price - item.price;
    return { index, newItemId };
  });
  return { pairs, difference: roundCents(difference) };
}

/** The order's original payment (the first `payment` in its history). */
export function originalPayment(order: RetailOrder): { payment_method_id: string; amount: number } {
  const first = order.payment_history[0];
  if (!first) throw new RetailActionError('The order has no payment', { orderId: order.order_id });
  return first;
}
