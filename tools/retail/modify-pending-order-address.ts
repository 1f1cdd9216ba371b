import { defineTool } from '../define-tool.js';
import { OrderId } from './get-order-details.js';
import { RetailAddress, RetailOrder } from './retail-db.js';
import { RetailActionError, type RetailStore } from './retail-store.js';

/** Input of {@link modifyPendingOrderAddressTool}: the order id and the full new address. */
export const ModifyPendingOrderAddressInput = RetailAddress.extend({ order_id: OrderId });

/**
 * `modify_pending_order_address` (write): changes the shipping address of a pending order (also
 * after its items were modified). Requires explicit confirmation.
 *
 * @example
 * ```ts
 * modifyPendingOrderAddressTool(store).call({ order_id: '#W0000000', address1: '1 Main St', address2: '',
 *   city: 'Austin', state: 'TX', country: 'USA', zip: '78701' });
 * ```
 */
export function modifyPendingOrderAddressTool(store: RetailStore) {
  return defineTool({
    name: 'modify_pending_order_address',
    description:
      'Modify the shipping address of a pending order. Explain the details and get explicit confirmation (yes) first.',
    input: ModifyPendingOrderAddressInput,
    output: RetailOrder,
    run: ({ order_id, ...address }) => {
      const order = store.getOrder(order_id);
      if (!order.status.includes('pending'))
        throw new RetailActionError('Non-pending order cannot be modified');
      order.address = {
        address1: address.address1,
        address2: address.address2,
        city: address.city,
        state: address.state,
        country: address.country,
        zip: address.zip,
      };
      return structuredClone(order);
    },
  });
}
