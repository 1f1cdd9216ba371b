import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import { modelIdMessage, parseModelId } from './model-id.js';

/** Where requests go when `OPENAI_BASE_URL` is not set. */
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * The key sent to a local server when `OPENAI_API_KEY` is not set. vLLM, Ollama and the
 * llama.cpp server accept any key unless started with one; the OpenAI client refuses to send
 * none, so a visible placeholder is sent instead.
 */
export const LOCAL_PLACEHOLDER_KEY = 'lodestone-local-no-key';

/** How to reach an OpenAI-compatible endpoint, resolved and checked once at start-up. */
export interface OpenAIModelSettings {
  readonly provider: 'openai';
  readonly model: string;
  readonly baseURL: string;
  readonly apiKey: string;
  /** `placeholder` when the endpoint is local and no key was configured. */
  readonly keySource: 'config' | 'placeholder';
  /** True when the base URL is a loopback or private-network address. */
  readonly local: boolean;
}

export type ModelSettings = { readonly provider: 'offline' } | OpenAIModelSettings;

/**
 * True for base URLs on this machine or the private network: `localhost`, `127.0.0.0/8`, `::1`,
 * `0.0.0.0`, `10/8`, `172.16/12`, `192.168/16`, and `*.local` / `*.internal` / `*.localhost`
 * host names. These may run without a key.
 *
 * @example
 * ```ts
 * isLocalBaseUrl('http://127.0.0.1:8000/v1'); // true
 * isLocalBaseUrl('https://api.openai.com/v1'); // false
 * ```
 */
export function isLocalBaseUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  if (host === 'localhost' || host === '::1' || host === '0.0.0.0') return true;
  if (/\.(local|internal|localhost)$/.test(host)) return true;
  const octets = host.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return false;
  const [a = -1, b = -1] = octets;
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * Resolves and checks the model settings from the config, reporting every problem at once as a
 * {@link ConfigError}: a bad `LODESTONE_MODEL`, a base URL that is not http(s), or a missing
 * `OPENAI_API_KEY` for a remote endpoint. A local endpoint (see {@link isLocalBaseUrl}) needs no
 * key; {@link LOCAL_PLACEHOLDER_KEY} is sent instead.
 *
 * @example
 * ```ts
 * resolveModelSettings({ model: 'openai:qwen2.5:7b', openaiBaseUrl: 'http://localhost:11434/v1' });
 * // { provider: 'openai', model: 'qwen2.5:7b', baseURL: 'http://localhost:11434/v1', keySource: 'placeholder', ... }
 * resolveModelSettings({ model: 'openai:gpt-4o-mini' }); // throws ConfigError: OPENAI_API_KEY: ...
 * ```
 */
export function resolveModelSettings(
  config: Pick<Config, 'model' | 'openaiBaseUrl' | 'openaiApiKey'>,
): ModelSettings {
  const issues: { key: string; message: string }[] = [];
  let model: string | undefined;
  try {
    const id = parseModelId(config.model);
    if (id.provider === 'offline') return { provider: 'offline' };
    model = id.model;
  } catch {
    issues.push({ key: 'LODESTONE_MODEL', message: modelIdMessage(config.model) });
  }
  const baseURL = (config.openaiBaseUrl ?? DEFAULT_OPENAI_BASE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(baseURL)) {
    issues.push({
      key: 'OPENAI_BASE_URL',
      message: `expected an http(s) URL such as http://127.0.0.1:8000/v1; received ${JSON.stringify(baseURL)}`,
    });
  }
  const local = isLocalBaseUrl(baseURL);
  const key = config.openaiApiKey?.trim();
  if (!key && !local) {
    issues.push({
      key: 'OPENAI_API_KEY',
      message: `required for ${baseURL}. Set OPENAI_API_KEY, or point OPENAI_BASE_URL at a local server (e.g. http://127.0.0.1:8000/v1 for vLLM, http://localhost:11434/v1 for Ollama), or set LODESTONE_MODEL=offline`,
    });
  }
  if (issues.length > 0 || model === undefined) throw new ConfigError(issues);
  return {
    provider: 'openai',
    model,
    baseURL,
    apiKey: key || LOCAL_PLACEHOLDER_KEY,
    keySource: key ? 'config' : 'placeholder',
    local,
  };
}
