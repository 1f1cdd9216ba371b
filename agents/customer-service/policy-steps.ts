import type { RetailOrder, RetailOrderItem, RetailUser } from '../../tools/retail/index.js';
import { confirmText } from './policy-replies.js';
import type { PolicyStep, ToolCall } from './policy-types.js';
import type { ThreadMemory } from './thread-memory.js';

/*
 * The steps the account flows end in: a reply, a read, or a write put to the buyer in words.
 */

/** A reply to the buyer. */
export const reply = (text: string): PolicyStep => ({ kind: 'reply', text });

/** A read tool call. */
export const call = (tool: string, args: Record<string, unknown>): PolicyStep => ({
  kind: 'call',
  call: { tool, args },
});

/**
 * A write, stated in full for the buyer's explicit yes; with `memory`, new items are named with
 * every option they have, so the buyer sees what changes.
 *
 * @example
 * ```ts
 * return propose({ tool: 'cancel_pending_order', args: { order_id, reason } }, order, user);
 * ```
 */
export function propose(
  c: ToolCall,
  order: RetailOrder | undefined,
  user: RetailUser,
  memory?: ThreadMemory,
): PolicyStep {
  const newItems = memory && newItemsOf(c, memory);
  return { kind: 'call', call: c, confirm: confirmText(c, order, user, newItems ? { newItems } : {}) };
}

/** The new variants an item change names, from the products loaded, to state them in full. */
export function newItemsOf(
  c: ToolCall,
  memory: ThreadMemory,
): Map<string, Pick<RetailOrderItem, 'name' | 'options'>> {
  const ids = Array.isArray(c.args.new_item_ids) ? (c.args.new_item_ids as string[]) : [];
  const found = new Map<string, Pick<RetailOrderItem, 'name' | 'options'>>();
  for (const product of memory.products.values()) {
    for (const id of ids) {
      const variant = product.variants[id];
      if (variant) found.set(id, { name: product.name, options: variant.options });
    }
  }
  return found;
}

/** "Order #W1 is delivered, so it cannot be cancelled. Only pending orders can be cancelled." */
export function cannot(order: RetailOrder, verb: string, rule: string): string {
  return `Order ${order.order_id} is ${order.status}, so it cannot be ${verb}. ${rule}`;
}
