/**
 * Record/replay of model calls, as Inspect and promptfoo cache them: a call is keyed on everything
 * that can change its answer — model, parameters, messages, tools — and on the trial index, so
 * that trial 2 of a task is a fresh sample and not a copy of trial 1. A recorded run replays with
 * zero model calls and zero spend.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
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
 * The recorded answer to a request under a policy: looked up under `auto` and `replay` (a miss
 * under `replay` throws {@link CacheMissError}), never under `off` and `record`. Returns the key
 * for {@link recordCall}.
 *
 * @example
 * ```ts
 * const { key, response } = await lookupCall({ cache, policy: 'auto', request });
 * if (!response) await recordCall({ cache, policy: 'auto', key, request, response: await call() });
 * ```
 */
export async function lookupCall(args: {
  cache: ModelCache;
  policy: CachePolicy;
  request: ModelRequest;
}): Promise<{ key: string; response?: ModelResponse }> {
  const { cache, policy, request } = args;
  const key = cacheKey(request);
  if (policy !== 'auto' && policy !== 'replay') return { key };
  const response = await cache.get(key);
  if (response) return { key, response };
  if (policy === 'replay')
    throw new CacheMissError(
      `No recorded model call for ${request.model} (trial ${request.trial}, key ${key.slice(0, 12)}): no recording has this prompt, tools, parameters and trial (a task or trial not recorded yet, or a prompt, tool or parameter changed since). Record it first with --cache auto (or record), then replay.`,
      { context: { key, model: request.model, trial: request.trial } },
    );
  return { key };
}

/**
 * Records a live answer unless the policy is `off`.
 *
 * @example
 * ```ts
 * await recordCall({ cache, policy: 'record', key, request, response });
 * ```
 */
export async function recordCall(args: {
  cache: ModelCache;
  policy: CachePolicy;
  key: string;
  request: ModelRequest;
  response: ModelResponse;
}): Promise<void> {
  if (args.policy !== 'off') await args.cache.put(args.key, args.request, args.response);
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
  const found = await lookupCall(args);
  const response = found.response ?? (await call());
  if (!found.response) await recordCall({ ...args, key: found.key, response });
  args.meter?.record(args.agent ?? 'model', {
    calls: 1,
    cachedCalls: found.response ? 1 : 0,
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
    // Worker threads share the pid: the thread id keeps their temporary files apart.
    const tmp = `${path}.${process.pid}-${threadId}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ key, request, response }, null, 2)}\n`);
    renameSync(tmp, path);
    return Promise.resolve();
  }
}
