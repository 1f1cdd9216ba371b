/**
 * Record/replay of model calls, as Inspect and promptfoo cache them: a call is keyed on everything
 * that can change its answer — model, parameters, messages, tools — and on the trial index, so
 * that trial 2 of a task is a fresh sample and not a copy of trial 1. A recorded run replays with
 * zero model calls and zero spend.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CostMeter } from './cost.js';
import { CacheMissError } from './errors.js';

/** Everything that determines a model call's answer. */
export interface ModelRequest {
  readonly model: string;
  /** Temperature, max tokens, response format… */
  readonly params: Readonly<Record<string, unknown>>;
  readonly messages: readonly unknown[];
  readonly tools?: readonly unknown[];
  /** The trial index: repeats of a task are independent samples. */
  readonly trial: number;
}

/** A model's answer and what it cost. */
export interface ModelResponse {
  readonly message: unknown;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly usd: number;
}

/** Where recorded calls live. */
export interface ModelCache {
  get(key: string): Promise<ModelResponse | undefined>;
  put(key: string, request: ModelRequest, response: ModelResponse): Promise<void>;
}

/**
 * - `off`: always call, record nothing.
 * - `record`: always call, record the answer (overwrites).
 * - `auto`: answer from the cache when recorded, else call and record.
 * - `replay`: answer only from the cache; a miss is an error and no call is made.
 */
export type CachePolicy = 'off' | 'record' | 'auto' | 'replay';

/** JSON with object keys sorted, so equal requests hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/**
 * The cache key of a request: sha256 of its canonical JSON.
 *
 * @example
 * ```ts
 * cacheKey({ model: 'openai:gpt-4o-mini', params: { temperature: 0 }, messages, trial: 0 });
 * ```
 */
export function cacheKey(request: ModelRequest): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        model: request.model,
        params: request.params,
        messages: request.messages,
        tools: request.tools ?? [],
        trial: request.trial,
      }),
    )
    .digest('hex');
}

/**
 * Makes a model call through the cache under a policy, recording its usage on the meter.
 *
 * @example
 * ```ts
 * const response = await cachedCall({ cache, policy: 'auto', request, meter, agent: 'brief-parser' }, () => chat(request));
 * ```
 */
export async function cachedCall(
  args: { cache: ModelCache; policy: CachePolicy; request: ModelRequest; meter?: CostMeter; agent?: string },
  call: () => Promise<ModelResponse>,
): Promise<ModelResponse> {
  const { cache, policy, request } = args;
  const key = cacheKey(request);
  let response: ModelResponse | undefined;
  let cached = false;
  if (policy === 'auto' || policy === 'replay') {
    response = await cache.get(key);
    cached = response !== undefined;
    if (!response && policy === 'replay')
      throw new CacheMissError(
        `No recorded model call for ${request.model} (trial ${request.trial}, key ${key.slice(0, 12)}); record it first with the cache policy "auto" or "record".`,
        { context: { key, model: request.model, trial: request.trial } },
      );
  }
  if (!response) {
    response = await call();
    if (policy !== 'off') await cache.put(key, request, response);
  }
  args.meter?.record(args.agent ?? 'model', {
    calls: 1,
    cachedCalls: cached ? 1 : 0,
    inputTokens: response.inputTokens,
    outputTokens: response.outputTokens,
    usd: response.usd,
  });
  return response;
}

/** A cache in memory, for tests. */
export class MemoryModelCache implements ModelCache {
  readonly entries = new Map<string, ModelResponse>();
  get(key: string): Promise<ModelResponse | undefined> {
    return Promise.resolve(this.entries.get(key));
  }
  put(key: string, _request: ModelRequest, response: ModelResponse): Promise<void> {
    this.entries.set(key, response);
    return Promise.resolve();
  }
}

/**
 * A cache of one JSON file per call under a directory (`<dir>/<key[0..2]>/<key>.json`, request and
 * response together so a recording can be read). Written atomically (temp file, then rename).
 *
 * @example
 * ```ts
 * const cache = new FileModelCache(join(config.dataDir, 'evals', 'cache'));
 * ```
 */
export class FileModelCache implements ModelCache {
  constructor(readonly dir: string) {}

  #path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): Promise<ModelResponse | undefined> {
    let text: string;
    try {
      text = readFileSync(this.#path(key), 'utf8');
    } catch {
      return Promise.resolve(undefined);
    }
    const entry = JSON.parse(text) as { response: ModelResponse };
    return Promise.resolve(entry.response);
  }

  put(key: string, request: ModelRequest, response: ModelResponse): Promise<void> {
    const path = this.#path(key);
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ key, request, response }, null, 2)}\n`);
    renameSync(tmp, path);
    return Promise.resolve();
  }
}
