import { z } from 'zod';
import { defineTool } from '../define-tool.js';

/** The message the policy requires right after a transfer. */
export const TRANSFER_MESSAGE = 'YOU ARE BEING TRANSFERRED TO A HUMAN AGENT. PLEASE HOLD ON.';

/** Input of {@link transferToHumanAgentsTool}. */
export const TransferToHumanAgentsInput = z.object({
  summary: z.string().min(1).describe("A summary of the user's issue for the human agent"),
});

/**
 * `transfer_to_human_agents`: hands the conversation to a human with a summary. Only when the user
 * asks for a human or the request cannot be handled with the available tools.
 *
 * @example
 * ```ts
 * transferToHumanAgentsTool().call({ summary: 'Wants to delete their account' }); // { status: 'Transfer successful' }
 * ```
 */
export function transferToHumanAgentsTool() {
  return defineTool({
    name: 'transfer_to_human_agents',
    description:
      'Transfer the user to a human agent with a summary. Only if the user asks for one, or the request ' +
      'cannot be handled within the policy and the available tools.',
    input: TransferToHumanAgentsInput,
    output: z.object({ status: z.literal('Transfer successful') }),
    run: () => ({ status: 'Transfer successful' as const }),
  });
}
