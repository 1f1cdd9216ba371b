import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { RetailAddress, RetailUser } from './retail-db.js';
import type { RetailStore } from './retail-store.js';

/** Input of {@link modifyUserAddressTool}: the user id and the full new default address. */
export const ModifyUserAddressInput = RetailAddress.extend({
  user_id: z.string().min(1).describe("The user id, e.g. 'sara_doe_496'"),
});

/**
 * `modify_user_address` (write): changes a user's default address. Requires explicit confirmation.
 *
 * @example
 * ```ts
 * modifyUserAddressTool(store).call({ user_id: 'noah_brown_6181', address1: '1 Main St', address2: '',
 *   city: 'Denver', state: 'CO', country: 'USA', zip: '80279' });
 * ```
 */
export function modifyUserAddressTool(store: RetailStore) {
  return defineTool({
    name: 'modify_user_address',
    description:
      "Modify a user's default address. Explain the details and get explicit confirmation (yes) first.",
    input: ModifyUserAddressInput,
    output: RetailUser,
    run: ({ user_id, ...address }) => {
      const user = store.getUser(user_id);
      user.address = {
        address1: address.address1,
        address2: address.address2,
        city: address.city,
        state: address.state,
        country: address.country,
        zip: address.zip,
      };
      return structuredClone(user);
    },
  });
}
