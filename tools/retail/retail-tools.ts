import { ToolRegistry } from '../define-tool.js';
import { calculateTool } from './calculate.js';
import { cancelPendingOrderTool } from './cancel-pending-order.js';
import { exchangeDeliveredOrderItemsTool } from './exchange-delivered-order-items.js';
import { findUserIdByEmailTool } from './find-user-id-by-email.js';
import { findUserIdByNameZipTool } from './find-user-id-by-name-zip.js';
import { getItemDetailsTool } from './get-item-details.js';
import { getOrderDetailsTool } from './get-order-details.js';
import { getProductDetailsTool } from './get-product-details.js';
import { getUserDetailsTool } from './get-user-details.js';
import { listAllProductTypesTool } from './list-all-product-types.js';
import { modifyPendingOrderAddressTool } from './modify-pending-order-address.js';
import { modifyPendingOrderItemsTool } from './modify-pending-order-items.js';
import { modifyPendingOrderPaymentTool } from './modify-pending-order-payment.js';
import { modifyUserAddressTool } from './modify-user-address.js';
import type { RetailStore } from './retail-store.js';
import { returnDeliveredOrderItemsTool } from './return-delivered-order-items.js';
import { transferToHumanAgentsTool } from './transfer-to-human-agents.js';

/** Tools that change the database: each needs the buyer's explicit confirmation first. */
export const RETAIL_WRITE_TOOLS = [
  'cancel_pending_order',
  'modify_pending_order_address',
  'modify_pending_order_items',
  'modify_pending_order_payment',
  'modify_user_address',
  'return_delivered_order_items',
  'exchange_delivered_order_items',
] as const;
export type RetailWriteTool = (typeof RETAIL_WRITE_TOOLS)[number];

/** Tools that find the buyer's user id: the authentication step. */
export const RETAIL_AUTH_TOOLS = ['find_user_id_by_email', 'find_user_id_by_name_zip'] as const;

/** True when `name` is a retail tool that writes. */
export function isRetailWriteTool(name: string): name is RetailWriteTool {
  return (RETAIL_WRITE_TOOLS as readonly string[]).includes(name);
}

/**
 * Every τ²-bench retail tool bound to one session's store, each validating its input and output.
 *
 * @example
 * ```ts
 * const tools = createRetailTools(openRetailStore());
 * tools.find_user_id_by_email.call({ email: 'noah.brown7922@example.com' });
 * ```
 */
export function createRetailTools(store: RetailStore) {
  return {
    find_user_id_by_email: findUserIdByEmailTool(store),
    find_user_id_by_name_zip: findUserIdByNameZipTool(store),
    get_user_details: getUserDetailsTool(store),
    get_order_details: getOrderDetailsTool(store),
    get_product_details: getProductDetailsTool(store),
    get_item_details: getItemDetailsTool(store),
    list_all_product_types: listAllProductTypesTool(store),
    calculate: calculateTool(),
    cancel_pending_order: cancelPendingOrderTool(store),
    modify_pending_order_address: modifyPendingOrderAddressTool(store),
    modify_pending_order_items: modifyPendingOrderItemsTool(store),
    modify_pending_order_payment: modifyPendingOrderPaymentTool(store),
    modify_user_address: modifyUserAddressTool(store),
    return_delivered_order_items: returnDeliveredOrderItemsTool(store),
    exchange_delivered_order_items: exchangeDeliveredOrderItemsTool(store),
    transfer_to_human_agents: transferToHumanAgentsTool(),
  };
}
export type RetailTools = ReturnType<typeof createRetailTools>;

/** The same tools in a {@link ToolRegistry} (unknown names fail by listing the known ones). */
export function createRetailToolRegistry(store: RetailStore): ToolRegistry {
  const registry = new ToolRegistry();
  for (const tool of Object.values(createRetailTools(store))) registry.register(tool);
  return registry;
}
