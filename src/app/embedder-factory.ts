import { join } from 'node:path';
import { createOfflineEmbedder, OpenAIEmbedder, type Embedder } from '../../memory/index.js';
import { ConfigError, EMBEDDINGS_FORMAT, type Config, type Logger } from '../core/index.js';
import { resolveModelSettings } from '../core/model/index.js';

/** What `LODESTONE_EMBEDDINGS` resolved to; the endpoint is the chat model's (`OPENAI_BASE_URL`). */
export type EmbedderSettings =
  | { readonly provider: 'offline' }
  | {
      readonly provider: 'openai';
      readonly model: string;
      readonly dim: number;
      readonly baseURL: string;
      readonly apiKey: string;
    };

/**
 * Checks `LODESTONE_EMBEDDINGS` and the endpoint it needs, throwing a {@link ConfigError} that
 * names every bad key — called when Lodestone is created, before any text is embedded.
 *
 * @example
 * ```ts
 * resolveEmbedderSettings(loadConfig({ LODESTONE_EMBEDDINGS: 'openai:nomic-embed-text/768', OPENAI_BASE_URL: 'http://localhost:11434/v1' }));
 * // { provider: 'openai', model: 'nomic-embed-text', dim: 768, baseURL: 'http://localhost:11434/v1', apiKey: … }
 * ```
 */
export function resolveEmbedderSettings(
  config: Pick<Config, 'embeddings' | 'openaiBaseUrl' | 'openaiApiKey'>,
): EmbedderSettings {
  if (config.embeddings === 'offline') return { provider: 'offline' };
  const match = /^openai:(.+)\/(\d+)$/.exec(config.embeddings);
  const dim = Number(match?.[2]);
  if (!match?.[1] || !(Number.isInteger(dim) && dim > 0 && dim <= 8192))
    throw new ConfigError([
      {
        key: 'LODESTONE_EMBEDDINGS',
        message: `expected ${EMBEDDINGS_FORMAT}; received ${JSON.stringify(config.embeddings)}`,
      },
    ]);
  // The same endpoint and key rules as the chat model (a remote endpoint needs a key).
  const endpoint = resolveModelSettings({ ...config, model: `openai:${match[1]}` });
  if (endpoint.provider !== 'openai') throw new TypeError('unreachable: an openai: id resolved offline');
  return { provider: 'openai', model: match[1], dim, baseURL: endpoint.baseURL, apiKey: endpoint.apiKey };
}

/**
 * The vector memory's embedder: the offline one (default), or an OpenAI-compatible
 * `/v1/embeddings` model. Changing it rebuilds the memory on next use (the memory's version
 * includes the embedder id).
 *
 * @example
 * ```ts
 * const embedder = createEmbedder(config, { dataDir: config.dataDir, logger });
 * ```
 */
export function createEmbedder(
  config: Pick<Config, 'embeddings' | 'openaiBaseUrl' | 'openaiApiKey'>,
  options: { dataDir: string; logger?: Logger },
): Embedder {
  const settings = resolveEmbedderSettings(config);
  if (settings.provider === 'offline')
    return createOfflineEmbedder({
      cacheDir: join(options.dataDir, 'cache'),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  return new OpenAIEmbedder({
    model: settings.model,
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    dim: settings.dim,
    // text-embedding-3 models shorten their vectors on request; others return their native size.
    shorten: settings.model.startsWith('text-embedding-3'),
  });
}
