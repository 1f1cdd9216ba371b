import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CostMeter } from './cost.js';
import { CacheMissError } from './errors.js';
import {
  cacheKey,
  cachedCall,
  FileModelCache,
  MemoryModelCache,
  type ModelRequest,
  type ModelResponse,
} from './model-cache.js';

const request: ModelRequest = {
  model: 'openai:gpt-4o-mini',
  params: { temperature: 0.7, maxTokens: 200 },
  messages: [{ role: 'user', content: 'Sell our mugs, ¥3000 a day' }],
  tools: [{ name: 'catalog_search' }],
  trial: 0,
};
const answer: ModelResponse = { message: { content: 'ok' }, inputTokens: 120, outputTokens: 30, usd: 0.0002 };

describe('cacheKey', () => {
  it('ignores key order and depends on model, parameters, messages, tools and trial', () => {
    const reordered = {
      trial: 0,
      tools: [{ name: 'catalog_search' }],
      messages: request.messages,
      params: { maxTokens: 200, temperature: 0.7 },
      model: request.model,
    };
    expect(cacheKey(reordered)).toBe(cacheKey(request));
    const variants: ModelRequest[] = [
      { ...request, model: 'openai:gpt-4o' },
      { ...request, params: { temperature: 0 } },
      { ...request, messages: [{ role: 'user', content: 'x' }] },
      { ...request, tools: [] },
      { ...request, trial: 1 },
    ];
    for (const v of variants) expect(cacheKey(v)).not.toBe(cacheKey(request));
  });
});

describe('cachedCall', () => {
  it('records on a miss and replays with no call; usage is metered either way', async () => {
    const cache = new MemoryModelCache();
    let calls = 0;
    const call = () => {
      calls++;
      return Promise.resolve(answer);
    };
    const meter = new CostMeter();
    await cachedCall({ cache, policy: 'auto', request, meter, agent: 'brief-parser' }, call);
    await cachedCall({ cache, policy: 'replay', request, meter, agent: 'brief-parser' }, call);
    expect(calls).toBe(1);
    const cost = meter.cost();
    expect(cost.calls).toBe(2);
    expect(cost.cachedCalls).toBe(1);
    expect(cost.byAgent['brief-parser']?.inputTokens).toBe(240);
  });
  it('fails a replay miss without calling the model', async () => {
    let calls = 0;
    await expect(
      cachedCall({ cache: new MemoryModelCache(), policy: 'replay', request }, () => {
        calls++;
        return Promise.resolve(answer);
      }),
    ).rejects.toBeInstanceOf(CacheMissError);
    expect(calls).toBe(0);
  });
  it('does not record under "off"', async () => {
    const cache = new MemoryModelCache();
    await cachedCall({ cache, policy: 'off', request }, () => Promise.resolve(answer));
    expect(cache.entries.size).toBe(0);
  });
});

describe('FileModelCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lodestone-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('persists answers across instances', async () => {
    await cachedCall({ cache: new FileModelCache(dir), policy: 'record', request }, () =>
      Promise.resolve(answer),
    );
    const again = await cachedCall({ cache: new FileModelCache(dir), policy: 'replay', request }, () =>
      Promise.reject(new Error('must not be called')),
    );
    expect(again).toEqual(answer);
  });
});
