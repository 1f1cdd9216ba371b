import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { RetailUser } from './retail-db.js';
import type { RetailStore } from './retail-store.js';

/** Input of {@link getUserDetailsTool}. */
export const GetUserDetailsInput = z.object({
  user_id: z.string().min(1).describe("The user id, e.g. 'sara_doe_496'"),
});

/**
 * `get_user_details`: profile, default address, payment methods and order ids of a user.
 *
 * @example
 * ```ts
 * getUserDetailsTool(store).call({ user_id: 'noah_brown_6181' }).orders; // ['#W7678072']
 * ```
 */
export function getUserDetailsTool(store: RetailStore) {
  return defineTool({
    name: 'get_user_details',
    description: 'Get the details of a user, including their payment methods and order ids.',
    input: GetUserDetailsInput,
    output: RetailUser,
    run: ({ user_id }) => structuredClone(store.getUser(user_id)),
  });
}
