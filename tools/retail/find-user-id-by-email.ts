import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { foldForMatch, RetailActionError, type RetailStore } from './retail-store.js';

/** Input of {@link findUserIdByEmailTool}. */
export const FindUserIdByEmailInput = z.object({
  email: z.string().min(3).describe("The user's email, e.g. 'something@example.com'"),
});

/** Output: the user id that authenticates the buyer for the rest of the conversation. */
export const UserIdOutput = z.object({ user_id: z.string().describe("User id, e.g. 'sara_doe_496'") });

/**
 * `find_user_id_by_email`: authenticates a buyer by email (case- and accent-insensitive).
 *
 * @example
 * ```ts
 * findUserIdByEmailTool(store).call({ email: 'noah.brown7922@example.com' }); // { user_id: 'noah_brown_6181' }
 * ```
 */
export function findUserIdByEmailTool(store: RetailStore) {
  return defineTool({
    name: 'find_user_id_by_email',
    description: 'Find user id by email. Fails with "User not found" if no user has that email.',
    input: FindUserIdByEmailInput,
    output: UserIdOutput,
    run: ({ email }) => {
      const wanted = foldForMatch(email);
      const user = Object.values(store.db.users).find((u) => foldForMatch(u.email) === wanted);
      if (!user) throw new RetailActionError('User not found');
      return { user_id: user.user_id };
    },
  });
}
