import type { MessageContent } from '@langchain/core/messages';
import { ChatOpenAI, ChatOpenAICompletions, type ChatOpenAIFields } from '@langchain/openai';
import { ConfigError, type Config } from '../core/index.js';
import { approximateTokens, resolveModelSettings, type OpenAIModelSettings } from '../core/model/index.js';

/** Per-process choices for the chat model; the endpoint comes from the config. */
export interface ChatModelOptions {
  /** Stream tokens (default true): live progress, and usage from the final stream chunk. */
  readonly streaming?: boolean;
  /** Client request timeout in ms (default 60 000); a timeout is retried by the tool loop. */
  readonly timeoutMs?: number;
  readonly temperature?: number;
  /** Cap on completion tokens per call. */
  readonly maxTokens?: number;
}

/** Chat Completions without LangChain's downloaded tokenizer (see {@link LodestoneChatOpenAI}). */
class OfflineTokenCountCompletions extends ChatOpenAICompletions {
  override getNumTokens(content: MessageContent): Promise<number> {
    return Promise.resolve(approximateTokens(textOf(content)));
  }
}

/**
 * `ChatOpenAI` that never downloads a tokenizer. LangChain's `getNumTokens` loads js-tiktoken
 * ranks with `fetch('https://tiktoken.pages.dev/js/<encoding>.json')`
 * (@langchain/core/dist/utils/tiktoken.js, via language_models/base.js `getNumTokens`). ChatOpenAI
 * reaches it when `invoke()` runs a streaming model — `ChatOpenAICompletions._generate`, stream
 * branch, estimates usage with `_getEstimatedTokenCountFromPrompt` and
 * `_getNumTokensFromGenerations` even when the server sent usage — and from
 * `getNumTokensFromMessages`. Both the wrapper and its inner Chat Completions model count with
 * the chars/4 estimate instead; the tool loop also calls `stream()`, which takes none of those
 * paths, and asks for stream usage.
 */
export class LodestoneChatOpenAI extends ChatOpenAI {
  override getNumTokens(content: MessageContent): Promise<number> {
    return Promise.resolve(approximateTokens(textOf(content)));
  }

  /** `ChatOpenAI.withConfig` (used by `bindTools`) builds a plain ChatOpenAI; keep this class. */
  override withConfig(config: Partial<this['ParsedCallOptions']>): ReturnType<ChatOpenAI['withConfig']> {
    const model = new LodestoneChatOpenAI(this.fields ?? {});
    model.defaultOptions = { ...this.defaultOptions, ...config };
    return model;
  }
}

/**
 * Builds the chat model of LLM mode from the config: `@langchain/openai`'s ChatOpenAI against any
 * OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp server), Chat Completions API,
 * streaming with usage, `maxRetries: 0` (retries are states of the tool loop). Reads nothing from
 * `process.env`: model, base URL and key are passed explicitly. A bad model id, a base URL that is
 * not http(s) or a missing key for a remote endpoint throws a {@link ConfigError} here, before any
 * call; a local endpoint without a key gets a placeholder key.
 *
 * @example
 * ```ts
 * const config = loadConfig({ LODESTONE_MODEL: 'openai:qwen2.5:7b', OPENAI_BASE_URL: 'http://localhost:11434/v1' });
 * const model = createChatModel(config); // LodestoneChatOpenAI
 * ```
 */
export function createChatModel(
  config: Pick<Config, 'model' | 'openaiBaseUrl' | 'openaiApiKey'>,
  options: ChatModelOptions = {},
): LodestoneChatOpenAI {
  const settings = resolveModelSettings(config);
  if (settings.provider === 'offline') {
    throw new ConfigError([
      {
        key: 'LODESTONE_MODEL',
        message:
          'is offline, so there is no chat model to build; set LODESTONE_MODEL=openai:<model> for LLM mode',
      },
    ]);
  }
  const fields = chatOpenAIFields(settings, options);
  return new LodestoneChatOpenAI({ ...fields, completions: new OfflineTokenCountCompletions(fields) });
}

/** The ChatOpenAI fields for resolved settings (exported for tests and diagnostics). */
export function chatOpenAIFields(
  settings: OpenAIModelSettings,
  options: ChatModelOptions = {},
): ChatOpenAIFields {
  const streaming = options.streaming ?? true;
  return {
    model: settings.model,
    apiKey: settings.apiKey,
    configuration: { baseURL: settings.baseURL },
    maxRetries: 0,
    timeout: options.timeoutMs ?? 60_000,
    streaming,
    // Ask the server for usage in the last stream chunk, so no token is ever estimated.
    streamUsage: true,
    // Local servers speak Chat Completions, not the Responses API.
    useResponsesApi: false,
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
  };
}

function textOf(content: MessageContent): string {
  if (typeof content === 'string') return content;
  return content
    .map((part) => (typeof part === 'string' ? part : part.type === 'text' ? String(part.text) : ''))
    .join('');
}
