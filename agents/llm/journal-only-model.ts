import { BaseChatModel, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import type { ChatResult } from '@langchain/core/outputs';

/**
 * The chat model of a replay: it has the journaled model's name (so prices match) and answers
 * nothing. A strict replay cache answers every call from the journal, so this model is never
 * invoked; if it were, it throws instead of reaching any network.
 *
 * @example
 * ```ts
 * const model = new JournalOnlyChatModel('gpt-4o-mini');
 * await runToolLoop({ agent, model, cache: journalCallCache(entries, { strict: true }), ... });
 * ```
 */
export class JournalOnlyChatModel extends BaseChatModel {
  constructor(readonly model: string) {
    super({});
  }

  _llmType(): string {
    return 'journal-only';
  }

  override bindTools(_tools: BindToolsInput[]): this {
    return this;
  }

  _generate(): Promise<ChatResult> {
    return Promise.reject(
      new Error(
        `JournalOnlyChatModel(${this.model}): a replay answers from the journal and never calls a model`,
      ),
    );
  }
}
