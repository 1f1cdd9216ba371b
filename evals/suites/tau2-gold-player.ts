/**
 * Test support: a chat model that plays the customer-service agent's LLM by following a τ² task's
 * reference trajectory, the way an instructed model would — authenticate, list the verified
 * user's orders with get_user_details (the shop's rule), then each gold action not yet run, writes
 * proposed with an exact confirmation — reading only the transcript the LLM policy sends. It lets
 * the `support-tau2` suite's LLM entry be tested end to end with no network.
 */
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import type {
  SupportTranscript,
  TranscriptMessage,
  TranscriptToolOutcome,
} from '../../agents/customer-service/index.js';
import { contentText } from '../../agents/llm/index.js';
import { isRetailWriteTool } from '../../tools/retail/index.js';
import type { Tau2Action, Tau2Task } from '../datasets/tau2-retail.js';
import { canonicalJson } from '../harness/index.js';

interface Details {
  emails?: string[];
  name?: { first: string; last: string };
  zip?: string;
}

/** The look-up the buyer's own words allow: the last email they wrote, else their name and zip. */
function identify(t: SupportTranscript): Tau2Action | undefined {
  const said = t.conversation
    .filter((e): e is TranscriptMessage => 'buyer' in e)
    .map((m) => (m.hint.details ?? {}) as Details);
  const email = said.flatMap((d) => d.emails ?? []).at(-1);
  if (email) return { name: 'find_user_id_by_email', arguments: { email } };
  const name = said.map((d) => d.name).findLast((n) => n !== undefined);
  const zip = said.map((d) => d.zip).findLast((z) => z !== undefined);
  if (name && zip)
    return {
      name: 'find_user_id_by_name_zip',
      arguments: { first_name: name.first, last_name: name.last, zip },
    };
  return undefined;
}

const keyOf = (tool: string, args: unknown): string => canonicalJson({ tool, args });

/**
 * The gold player of one task.
 *
 * @example
 * ```ts
 * const model = new GoldPlayerModel(task);
 * await supportTau2.llm!(SCRIPTED_MODEL).run(task, scriptedLlmContext('support-tau2', env, model));
 * ```
 */
export class GoldPlayerModel extends BaseChatModel {
  readonly model = 'gold-player';
  calls = 0;

  constructor(private readonly task: Tau2Task) {
    super({});
  }

  _llmType(): string {
    return 'gold-player';
  }

  _generate(messages: BaseMessage[]): Promise<ChatResult> {
    this.calls++;
    const input = contentText(messages[1]?.content ?? '').replace(/^Input:\n/, '');
    const text = JSON.stringify(this.#decide(JSON.parse(input) as SupportTranscript));
    return Promise.resolve({ generations: [{ text, message: new AIMessage(text) }] });
  }

  #decide(t: SupportTranscript): unknown {
    const outcomes = t.conversation.filter((e): e is TranscriptToolOutcome => 'tool' in e);
    const turn = Math.max(0, ...t.conversation.map((e) => e.turn));
    // A read that failed is done too: the gold trajectory has reads of products the store lacks.
    const done = new Set(
      outcomes.filter((o) => o.ok || !isRetailWriteTool(o.tool)).map((o) => keyOf(o.tool, o.args)),
    );
    const failedThisTurn = new Set(
      outcomes.filter((o) => !o.ok && o.turn === turn).map((o) => keyOf(o.tool, o.args)),
    );
    const plan: Tau2Action[] = [...this.task.actions];
    if (t.verifiedUserId !== null && !outcomes.some((o) => o.ok && o.tool === 'get_user_details'))
      plan.unshift({ name: 'get_user_details', arguments: { user_id: t.verifiedUserId } });
    // Authentication first, with what the buyer wrote; once verified, the gold actions in order.
    const todo =
      t.verifiedUserId === null
        ? identify(t)
        : plan.find((a) => !a.name.startsWith('find_user') && !done.has(keyOf(a.name, a.arguments)));
    if (todo === undefined)
      return t.verifiedUserId === null
        ? { kind: 'reply', text: 'Could you share the email on your account, or your name and zip code?' }
        : { kind: 'reply', text: 'Everything you asked for is done. Is there anything else?' };
    if (failedThisTurn.has(keyOf(todo.name, todo.arguments)))
      return { kind: 'reply', text: 'I could not do that yet. Could you tell me more?' };
    return {
      kind: 'call',
      tool: todo.name,
      args: todo.arguments,
      ...(isRetailWriteTool(todo.name)
        ? {
            confirm: `I will run ${todo.name} with ${JSON.stringify(todo.arguments)}. Please reply "yes" to confirm.`,
          }
        : {}),
    };
  }
}
