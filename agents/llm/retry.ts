/** What kind of failure a model call met, and whether another attempt may succeed. */
export interface ModelFailure {
  readonly kind: 'rate-limit' | 'server' | 'timeout' | 'connection' | 'client' | 'unknown';
  readonly retryable: boolean;
  readonly status?: number;
  /** The server's `retry-after`, in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;
}

/** How the loop retries: attempts after the first, and the delay before each. */
export interface RetryPolicy {
  readonly maxRetries: number;
  /** Delay before retry number `attempt` (1-based). Tests pass `() => 0`. */
  readonly delayMs: (attempt: number, failure: ModelFailure) => number;
}

/**
 * Exponential backoff, `base · 2^(attempt−1)` capped at `max`, never shorter than the server's
 * `retry-after` (also capped). No jitter: one process makes one call at a time per agent.
 *
 * @example
 * ```ts
 * const policy = exponentialBackoff({ maxRetries: 3, baseMs: 500 }); // 500, 1000, 2000 ms
 * ```
 */
export function exponentialBackoff(
  options: { maxRetries?: number; baseMs?: number; maxMs?: number } = {},
): RetryPolicy {
  const { maxRetries = 3, baseMs = 500, maxMs = 8_000 } = options;
  return {
    maxRetries,
    delayMs: (attempt, failure) =>
      Math.min(maxMs, Math.max(baseMs * 2 ** Math.max(0, attempt - 1), failure.retryAfterMs ?? 0)),
  };
}

/**
 * Classifies an error thrown by a chat model call: 429 and 5xx (the OpenAI client's `status`),
 * timeouts (LangChain's `TimeoutError`, the SDK's connection timeout, our own call timeout) and
 * dropped connections are retryable; 4xx and anything else are not.
 *
 * @example
 * ```ts
 * classifyModelError(Object.assign(new Error('slow down'), { status: 429 })); // { kind: 'rate-limit', retryable: true, status: 429 }
 * ```
 */
export function classifyModelError(error: unknown): ModelFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const name = `${typeof e.name === 'string' ? e.name : ''} ${(error as object | null)?.constructor?.name ?? ''}`;
  const code = typeof e.code === 'string' ? e.code : '';
  const retryAfterMs = retryAfter(e.headers);
  const withStatus = {
    ...(status === undefined ? {} : { status }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
  if (status === 429) return { kind: 'rate-limit', retryable: true, ...withStatus };
  if (status !== undefined && status >= 500) return { kind: 'server', retryable: true, ...withStatus };
  if (/timeout/i.test(name) || code === 'ETIMEDOUT' || e.lc_error_code === 'TIMEOUT')
    return { kind: 'timeout', retryable: true, ...withStatus };
  if (
    /APIConnectionError/.test(name) ||
    ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET'].includes(code)
  )
    return { kind: 'connection', retryable: true, ...withStatus };
  if (status !== undefined && status >= 400) return { kind: 'client', retryable: false, ...withStatus };
  return { kind: 'unknown', retryable: false, ...withStatus };
}

function retryAfter(headers: unknown): number | undefined {
  let value: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === 'function') {
    value = (headers as { get(name: string): unknown }).get('retry-after');
  } else if (headers && typeof headers === 'object') {
    value = (headers as Record<string, unknown>)['retry-after'];
  }
  const seconds = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
