import { ConfigError } from '../errors.js';

/** Which policy the agents run: the deterministic offline one, or an OpenAI-compatible chat model. */
export type ModelId =
  { readonly provider: 'offline' } | { readonly provider: 'openai'; readonly model: string };

/** The accepted spellings of `LODESTONE_MODEL`, for messages. */
export const MODEL_ID_FORMAT =
  'offline, or openai:<model> (e.g. openai:gpt-4o-mini, openai:qwen2.5:7b-instruct, openai:meta-llama/Llama-3.1-8B-Instruct)';

const OPENAI_ID = /^openai:([\w.:/@-]+)$/;

/**
 * Parses a model id (`LODESTONE_MODEL`). Throws a {@link ConfigError} that shows the expected
 * format, so a typo fails at start-up and never at the first model call.
 *
 * @example
 * ```ts
 * parseModelId('openai:gpt-4o-mini'); // { provider: 'openai', model: 'gpt-4o-mini' }
 * parseModelId('offline');            // { provider: 'offline' }
 * parseModelId('gpt4');               // throws ConfigError: LODESTONE_MODEL: expected offline, or openai:<model> ...
 * ```
 */
export function parseModelId(value: string): ModelId {
  const trimmed = value.trim();
  if (trimmed === 'offline') return { provider: 'offline' };
  const match = OPENAI_ID.exec(trimmed);
  if (match?.[1]) return { provider: 'openai', model: match[1] };
  throw new ConfigError([{ key: 'LODESTONE_MODEL', message: modelIdMessage(value) }]);
}

/** The message for a model id that does not parse: expected, received, what to do. */
export function modelIdMessage(received: string): string {
  return `expected ${MODEL_ID_FORMAT}; received ${JSON.stringify(received)}. Set LODESTONE_MODEL=offline to run without a model.`;
}
