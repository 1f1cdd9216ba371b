import { z } from 'zod';
import type { PolicyStep } from './policy-types.js';

/**
 * One decision of the LLM support policy, as the model writes it: the JSON mirror of
 * {@link PolicyStep}. `args` is only checked to be an object here; the output check validates it
 * against the named tool's own input schema, so the model is re-asked with that tool's issues.
 *
 * @example
 * ```ts
 * LlmDecision.parse({ kind: 'call', tool: 'find_user_id_by_email', args: { email: 'amy@example.com' } });
 * LlmDecision.parse({ kind: 'reply', text: 'It costs £2.95.', citations: ['85123A'] });
 * ```
 */
export const LlmDecision = z.discriminatedUnion('kind', [
  z.object({
    kind: z
      .literal('call')
      .describe('Propose one tool call; the workflow checks it against the rules and runs it'),
    tool: z.string().min(1).describe('The name of one tool from the catalogue'),
    args: z.record(z.string(), z.unknown()).describe("The tool's arguments, matching its input JSON Schema"),
    confirm: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Required for a write tool: the exact action in words (order id, items, reason, payment method, address), asking the buyer to reply "yes"',
      ),
  }),
  z.object({
    kind: z.literal('reply').describe('Answer the buyer and wait for their next message'),
    text: z.string().min(1).describe('The message to the buyer'),
    citations: z
      .array(z.string())
      .optional()
      .describe('Product ids the reply relies on: only ids a tool returned in this conversation'),
    resolved: z
      .boolean()
      .optional()
      .describe("True when the buyer's request is complete and the conversation can close"),
  }),
  z.object({
    kind: z.literal('handoff').describe('Transfer the buyer to a human agent (out of scope of the tools)'),
    summary: z
      .string()
      .min(1)
      .describe('For the human agent: who the buyer is (if verified), what they need, what was done'),
  }),
]);
export type LlmDecision = z.infer<typeof LlmDecision>;

/**
 * The workflow's step for a validated decision.
 *
 * @example
 * ```ts
 * toPolicyStep({ kind: 'call', tool: 'get_order_details', args: { order_id: '#W6247578' } });
 * // { kind: 'call', call: { tool: 'get_order_details', args: { order_id: '#W6247578' } } }
 * ```
 */
export function toPolicyStep(decision: LlmDecision): PolicyStep {
  switch (decision.kind) {
    case 'call':
      return {
        kind: 'call',
        call: { tool: decision.tool, args: decision.args },
        ...(decision.confirm === undefined ? {} : { confirm: decision.confirm }),
      };
    case 'reply':
      return {
        kind: 'reply',
        text: decision.text,
        ...(decision.citations === undefined ? {} : { citations: decision.citations }),
        ...(decision.resolved === undefined ? {} : { resolved: decision.resolved }),
      };
    case 'handoff':
      return { kind: 'handoff', summary: decision.summary };
  }
}
