/**
 * Shared fixture of the offline policy's conversation tests: the policy against a real store,
 * driven the way the support workflow drives it. Test support only (not in the package's index).
 */
import { expect } from 'vitest';
import {
  createRetailTools,
  isRetailWriteTool,
  openRetailStore,
  type RetailStore,
} from '../../tools/retail/index.js';
import { createOfflinePolicy } from './offline-policy.js';
import type { BuyerTurn, Observation, PolicyStep, ToolCall } from './policy-types.js';
import { buyerTurn } from './llm-test-fixtures.js';

/**
 * The offline policy against a real store, the way the workflow drives it (reads run at once, a
 * write only after the next message is an explicit yes), with each buyer message's intent given.
 * Records every tool call the policy asked for.
 */
export async function converse(messages: readonly (readonly [intent: string, text: string])[]) {
  const store: RetailStore = openRetailStore();
  const tools = createRetailTools(store) as unknown as Record<string, { call(args: unknown): unknown }>;
  const policy = createOfflinePolicy();
  const turns: BuyerTurn[] = [];
  const observations: Observation[] = [];
  const calls: ToolCall[] = [];
  const replies: string[] = [];
  let userId: string | undefined;
  let pending: ToolCall | undefined;
  const run = (call: ToolCall): void => {
    const turn = turns.length - 1;
    try {
      const result = tools[call.tool]?.call(call.args);
      observations.push({ ...call, turn, ok: true, result });
      const id = (result as { user_id?: unknown } | undefined)?.user_id;
      if (call.tool.startsWith('find_user_id') && typeof id === 'string') userId = id;
    } catch (error) {
      observations.push({ ...call, turn, ok: false, error: String(error) });
    }
  };
  for (const [intent, text] of messages) {
    const turn = buyerTurn(text, intent);
    turns.push(turn);
    if (pending && turn.interpretation.confirmation === 'yes') run(pending);
    pending = undefined;
    for (let steps = 0; steps < 20; steps++) {
      const step: PolicyStep = await policy({
        turns,
        observations,
        ...(userId === undefined ? {} : { userId }),
      });
      if (step.kind !== 'call') {
        replies.push(step.kind === 'reply' ? step.text : `HANDOFF ${step.summary}`);
        break;
      }
      calls.push(step.call);
      if (isRetailWriteTool(step.call.tool)) {
        // Every write is put to the buyer in words first.
        expect(step.confirm).toMatch(/Shall I proceed\? Please reply "yes" to confirm\.$/);
        replies.push(step.confirm ?? '');
        pending = step.call;
        break;
      }
      run(step.call);
    }
  }
  const looked = calls.filter((c) => c.tool === 'get_order_details').map((c) => String(c.args.order_id));
  // Every write the policy put to the buyer, confirmed or not.
  const proposed = calls.filter((c) => isRetailWriteTool(c.tool));
  return { store, calls, proposed, replies, looked, last: replies.at(-1) ?? '' };
}
