import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { UserIdOutput } from './find-user-id-by-email.js';
import { foldForMatch, RetailActionError, type RetailStore } from './retail-store.js';

/** Input of {@link findUserIdByNameZipTool}. */
export const FindUserIdByNameZipInput = z.object({
  first_name: z.string().min(1).describe("First name, e.g. 'John'"),
  last_name: z.string().min(1).describe("Last name, e.g. 'Doe'"),
  zip: z.string().min(1).describe("Zip code of the default address, e.g. '12345'"),
});

/**
 * `find_user_id_by_name_zip`: authenticates a buyer who cannot give their email. Names match case-
 * and accent-insensitively; the zip must match exactly (it is the verification factor).
 *
 * @example
 * ```ts
 * findUserIdByNameZipTool(store).call({ first_name: 'Yusuf', last_name: 'Rossi', zip: '19122' });
 * ```
 */
export function findUserIdByNameZipTool(store: RetailStore) {
  return defineTool({
    name: 'find_user_id_by_name_zip',
    description:
      'Find user id by first name, last name and zip code. Use only when the user cannot give their email.',
    input: FindUserIdByNameZipInput,
    output: UserIdOutput,
    run: ({ first_name, last_name, zip }) => {
      const [first, last] = [foldForMatch(first_name), foldForMatch(last_name)];
      const user = Object.values(store.db.users).find(
        (u) =>
          foldForMatch(u.name.first_name) === first &&
          foldForMatch(u.name.last_name) === last &&
          u.address.zip === zip.trim(),
      );
      if (!user) throw new RetailActionError('User not found');
      return { user_id: user.user_id };
    },
  });
}
