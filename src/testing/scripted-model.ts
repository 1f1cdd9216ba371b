import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { BaseChatModel, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import {
  AIMessage,
  AIMessageChunk,
  type BaseMessage,
  type InvalidToolCall,
  type ToolCall,
  type UsageMetadata,
} from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';

/** A tool call the script makes; string `args` that are not JSON make an invalid tool call. */
export interface ScriptedToolCall {
  readonly name: string;
  readonly args: Record<string, unknown> | string;
  readonly id?: string;
}

/** One scripted model turn: a message (text and/or tool calls) or a thrown error. */
export type ScriptedStep =
  | {
      readonly kind: 'message';
      readonly content: string;
      readonly toolCalls: readonly ScriptedToolCall[];
      /** Reported usage; `null` reports none (as some servers do). Default: chars/4 of prompt and reply. */
      readonly usage?: { input: number; output: number } | null;
    }
  | { readonly kind: 'error'; readonly error: unknown };

/** A tool as the scripted model was offered it (OpenAI function format). */
export interface ScriptedToolSpec {
  readonly name: string;
  readonly description: string;
  readonly parameters: Record<string, unknown>;
}

/** One call the model received. */
export interface ScriptedCall {
  readonly index: number;
  readonly messages: readonly BaseMessage[];
  readonly tools: readonly ScriptedToolSpec[];
}

/** Builders of scripted steps. */
export const script = {
  /** A text reply. */
  reply: (content: string, usage?: { input: number; output: number } | null): ScriptedStep => ({
    kind: 'message',
    content,
    toolCalls: [],
    ...(usage === undefined ? {} : { usage }),
  }),
  /** A reply whose text is `value` as JSON (a final answer). */
  json: (value: unknown, usage?: { input: number; output: number }): ScriptedStep =>
    script.reply(JSON.stringify(value), usage),
  /** One turn that calls tools. */
  toolCalls: (...toolCalls: ScriptedToolCall[]): ScriptedStep => ({
    kind: 'message',
    content: '',
    toolCalls,
  }),
  /** One turn that calls one tool. */
  toolCall: (name: string, args: Record<string, unknown> | string, id?: string): ScriptedStep =>
    script.toolCalls({ name, args, ...(id === undefined ? {} : { id }) }),
  /** The same message step, reporting the given token usage. */
  withUsage: (step: ScriptedStep, usage: { input: number; output: number }): ScriptedStep =>
    step.kind === 'message' ? { ...step, usage } : step,
  /** A thrown error. */
  error: (error: unknown): ScriptedStep => ({ kind: 'error', error }),
  /** An HTTP error shaped like the OpenAI client's (`status`, `headers`): 429, 500, 503 ... */
  httpError: (
    status: number,
    message = `HTTP ${status}`,
    headers: Record<string, string> = {},
  ): ScriptedStep => script.error(Object.assign(new Error(message), { name: 'APIError', status, headers })),
  /** A timeout shaped like LangChain's wrapped OpenAI timeout. */
  timeout: (message = 'Request timed out.'): ScriptedStep =>
    script.error(Object.assign(new Error(message), { name: 'TimeoutError' })),
};

/** Thrown when the model is called with nothing queued. */
export class ScriptExhaustedError extends Error {
  override readonly name = 'ScriptExhaustedError';
}

interface ScriptState {
  readonly queue: ScriptedStep[];
  readonly calls: ScriptedCall[];
}

/**
 * A strict scripted chat model: a FIFO of steps (messages, tool calls, errors), every call
 * recorded with the messages and the tools it was offered, an error on a call with nothing
 * queued, and `assertComplete()`. It is a real `BaseChatModel`: `bindTools`, `invoke` and
 * `stream` work (the stream yields the text word by word, then the tool calls and the usage).
 *
 * @example
 * ```ts
 * const model = new ScriptedChatModel([script.toolCall('price_band', { productId: '22720' }), script.json({ band: 'mid' })]);
 * await runToolLoop({ agent: 'a', model, tools: [priceBand], output, messages });
 * model.assertComplete();
 * model.calls[1]?.messages.at(-1); // the tool result the model saw
 * ```
 */
export class ScriptedChatModel extends BaseChatModel {
  /** The model name reported for pricing (`gpt-4o-mini`, say). */
  readonly model: string;
  readonly tools: readonly ScriptedToolSpec[];
  readonly #state: ScriptState;

  constructor(
    steps: readonly ScriptedStep[] = [],
    options: { model?: string; tools?: readonly ScriptedToolSpec[]; state?: ScriptState } = {},
  ) {
    super({});
    this.model = options.model ?? 'scripted';
    this.tools = options.tools ?? [];
    this.#state = options.state ?? { queue: [...steps], calls: [] };
  }

  _llmType(): string {
    return 'scripted';
  }

  /** Queues more steps. */
  push(...steps: ScriptedStep[]): this {
    this.#state.queue.push(...steps);
    return this;
  }

  /** Every call received so far, in order (shared with models made by `bindTools`). */
  get calls(): readonly ScriptedCall[] {
    return this.#state.calls;
  }

  /** Steps not yet consumed. */
  get pending(): number {
    return this.#state.queue.length;
  }

  /** Throws unless every scripted step was consumed. */
  assertComplete(): void {
    if (this.#state.queue.length > 0) {
      throw new Error(
        `ScriptedChatModel: ${this.#state.queue.length} scripted step(s) were never used (after ${this.#state.calls.length} call(s)); next: ${describeStep(this.#state.queue[0])}`,
      );
    }
  }

  override bindTools(tools: BindToolsInput[]): ScriptedChatModel {
    const specs = tools.map((t) => {
      const { function: fn } = convertToOpenAITool(t) as {
        function: { name: string; description?: string; parameters?: Record<string, unknown> };
      };
      return { name: fn.name, description: fn.description ?? '', parameters: fn.parameters ?? {} };
    });
    return new ScriptedChatModel([], { model: this.model, tools: specs, state: this.#state });
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.#next(messages);
    return Promise.resolve({
      generations: [{ text: typeof message.content === 'string' ? message.content : '', message }],
    });
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    _options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const message = this.#next(messages);
    const text = typeof message.content === 'string' ? message.content : '';
    for (const piece of text.match(/\S+\s*|\s+/g) ?? []) {
      yield new ChatGenerationChunk({ text: piece, message: new AIMessageChunk({ content: piece }) });
      await runManager?.handleLLMNewToken(piece);
    }
    const calls = [...(message.tool_calls ?? []), ...(message.invalid_tool_calls ?? [])];
    const last = new AIMessageChunk({
      content: '',
      tool_call_chunks: calls.map((call, index) => ({
        type: 'tool_call_chunk' as const,
        index,
        ...(call.id === undefined ? {} : { id: call.id }),
        ...(call.name === undefined ? {} : { name: call.name }),
        args: typeof call.args === 'string' ? call.args : JSON.stringify(call.args),
      })),
    });
    const usage = usageOf(message);
    if (usage) Object.assign(last, { usage_metadata: usage });
    yield new ChatGenerationChunk({ text: '', message: last });
  }

  #next(messages: BaseMessage[]): AIMessage {
    const index = this.#state.calls.length;
    this.#state.calls.push({ index, messages: [...messages], tools: this.tools });
    const step = this.#state.queue.shift();
    if (!step) {
      const last = messages.at(-1);
      throw new ScriptExhaustedError(
        `ScriptedChatModel: call #${index} but nothing is queued. Last message (${last?.getType() ?? 'none'}): ${JSON.stringify((typeof last?.content === 'string' ? last.content : JSON.stringify(last?.content ?? '')).slice(0, 200))}`,
      );
    }
    if (step.kind === 'error') throw step.error;
    return toMessage(step, index, messages);
  }
}

function toMessage(
  step: Extract<ScriptedStep, { kind: 'message' }>,
  index: number,
  messages: BaseMessage[],
): AIMessage {
  const toolCalls: ToolCall[] = [];
  const invalid: InvalidToolCall[] = [];
  step.toolCalls.forEach((call, i) => {
    const id = call.id ?? `call_${index}_${i}`;
    if (typeof call.args !== 'string')
      return toolCalls.push({ id, name: call.name, args: call.args, type: 'tool_call' });
    try {
      return toolCalls.push({
        id,
        name: call.name,
        args: JSON.parse(call.args) as Record<string, unknown>,
        type: 'tool_call',
      });
    } catch (error) {
      return invalid.push({
        id,
        name: call.name,
        args: call.args,
        error: String(error),
        type: 'invalid_tool_call',
      });
    }
  });
  const promptChars = messages.reduce((n, m) => n + JSON.stringify(m.content).length, 0);
  const usage =
    step.usage === null
      ? undefined
      : (step.usage ?? {
          input: Math.ceil(promptChars / 4),
          output: Math.ceil((step.content.length + JSON.stringify(step.toolCalls).length) / 4),
        });
  const message = new AIMessage({
    content: step.content,
    tool_calls: toolCalls,
    invalid_tool_calls: invalid,
  });
  // @langchain/core 1.4 types AIMessageFields.usage_metadata as `undefined` under
  // exactOptionalPropertyTypes, so the usage is set through the base type.
  if (usage) {
    Object.assign(message, {
      usage_metadata: {
        input_tokens: usage.input,
        output_tokens: usage.output,
        total_tokens: usage.input + usage.output,
      },
    });
  }
  return message;
}

function describeStep(step: ScriptedStep | undefined): string {
  if (!step) return 'none';
  if (step.kind === 'error')
    return `error ${String((step.error as Error | undefined)?.message ?? step.error)}`;
  return step.toolCalls.length > 0
    ? `tool calls ${step.toolCalls.map((c) => c.name).join(', ')}`
    : `reply ${JSON.stringify(step.content.slice(0, 60))}`;
}

function usageOf(message: AIMessage): UsageMetadata | undefined {
  return (message as unknown as { usage_metadata?: UsageMetadata }).usage_metadata;
}
