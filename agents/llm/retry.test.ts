import { describe, expect, it } from 'vitest';
import { CallTimeoutError, classifyModelError, exponentialBackoff } from './index.js';

const http = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), { status, headers });

describe('retry policy', () => {
  it('classifies 429, 5xx, timeouts and dropped connections as retryable; 4xx and the rest not', () => {
    expect(classifyModelError(http(429, { 'retry-after': '3' }))).toEqual({
      kind: 'rate-limit',
      retryable: true,
      status: 429,
      retryAfterMs: 3000,
    });
    expect(classifyModelError(http(503))).toMatchObject({ kind: 'server', retryable: true });
    expect(
      classifyModelError(Object.assign(new Error('Request timed out.'), { name: 'TimeoutError' })),
    ).toMatchObject({
      kind: 'timeout',
    });
    expect(classifyModelError(new CallTimeoutError(100))).toMatchObject({ kind: 'timeout', retryable: true });
    expect(classifyModelError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toMatchObject({
      kind: 'connection',
      retryable: true,
    });
    expect(classifyModelError(http(401))).toEqual({ kind: 'client', retryable: false, status: 401 });
    expect(classifyModelError(new TypeError('bug'))).toEqual({ kind: 'unknown', retryable: false });
  });

  it('backs off exponentially, capped, never sooner than retry-after', () => {
    const policy = exponentialBackoff({ maxRetries: 5, baseMs: 500, maxMs: 4000 });
    const none = { kind: 'server', retryable: true } as const;
    expect([1, 2, 3, 4, 5].map((n) => policy.delayMs(n, none))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(policy.delayMs(1, { ...none, retryAfterMs: 3000 })).toBe(3000);
    expect(policy.delayMs(1, { ...none, retryAfterMs: 60_000 })).toBe(4000);
  });
});
