import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { RetailOrder } from './retail-db.js';
import type { RetailStore } from './retail-store.js';

/** An order id such as '#W0000000'; the leading '#' is added when missing. */
export const OrderId = z
  .string()
  .regex(/^#?W\d{7}$/i, "expected an order id like '#W0000000'")
  .transform((id) => `#W${id.replace(/^#?W/i, '')}`)
  .describe("The order id, such as '#W0000000' (with the '#')");

/** Input of {@link getOrderDetailsTool}. */
export const GetOrderDetailsInput = z.object({ order_id: OrderId });

/**
 * `get_order_details`: status, items, fulfilments and payments of an order.
 *
 * @example
 * ```ts
 * getOrderDetailsTool(store).call({ order_id: '#W2378156' }).status; // 'delivered'
 * ```
 */
export function getOrderDetailsTool(store: RetailStore) {
  return defineTool({
    name: 'get_order_details',
    description: 'Get the status and details of an order.',
    input: GetOrderDetailsInput,
    output: RetailOrder,
    run: ({ order_id }) => structuredClone(store.getOrder(order_id)),
  });
}
