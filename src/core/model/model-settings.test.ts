import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import {
  LOCAL_PLACEHOLDER_KEY,
  costOf,
  isLocalBaseUrl,
  parseModelId,
  priceOf,
  resolveModelSettings,
} from './index.js';

describe('parseModelId', () => {
  it('reads offline and openai:<model>, including Ollama and Hugging Face names', () => {
    expect(parseModelId('offline')).toEqual({ provider: 'offline' });
    expect(parseModelId('openai:gpt-4o-mini')).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(parseModelId('openai:qwen2.5:7b-instruct')).toMatchObject({ model: 'qwen2.5:7b-instruct' });
    expect(parseModelId('openai:meta-llama/Llama-3.1-8B-Instruct')).toMatchObject({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
    });
  });

  it('fails with a ConfigError that shows the expected format', () => {
    for (const bad of ['gpt-4o', 'openai:', 'anthropic:claude', 'openai:has space']) {
      let error: unknown;
      try {
        parseModelId(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/LODESTONE_MODEL: expected offline, or openai:<model>/);
      expect((error as ConfigError).message).toContain(JSON.stringify(bad));
    }
  });
});

describe('resolveModelSettings', () => {
  it('is offline by default', () => {
    expect(resolveModelSettings({ model: 'offline' })).toEqual({ provider: 'offline' });
  });

  it('requires a key for a remote endpoint, naming the variable and the ways out', () => {
    expect(() => resolveModelSettings({ model: 'openai:gpt-4o-mini' })).toThrow(
      /OPENAI_API_KEY: required for https:\/\/api\.openai\.com\/v1.*OPENAI_BASE_URL.*LODESTONE_MODEL=offline/,
    );
  });

  it('sends a placeholder key to a local server that has none', () => {
    const settings = resolveModelSettings({
      model: 'openai:qwen2.5:7b',
      openaiBaseUrl: 'http://localhost:11434/v1/',
    });
    expect(settings).toEqual({
      provider: 'openai',
      model: 'qwen2.5:7b',
      baseURL: 'http://localhost:11434/v1',
      apiKey: LOCAL_PLACEHOLDER_KEY,
      keySource: 'placeholder',
      local: true,
    });
  });

  it('reports every bad key at once', () => {
    try {
      resolveModelSettings({ model: 'gpt4', openaiBaseUrl: 'ftp://models.example.com' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).issues.map((i) => i.key)).toEqual([
        'LODESTONE_MODEL',
        'OPENAI_BASE_URL',
        'OPENAI_API_KEY',
      ]);
    }
  });

  it('knows which hosts are local', () => {
    for (const url of [
      'http://127.0.0.1:8000/v1',
      'http://[::1]:8080',
      'http://192.168.1.20:11434',
      'http://gpu.local',
    ])
      expect(isLocalBaseUrl(url)).toBe(true);
    for (const url of ['https://api.openai.com/v1', 'http://172.32.0.1', 'http://8.8.8.8', 'not a url'])
      expect(isLocalBaseUrl(url)).toBe(false);
  });
});

describe('price table', () => {
  it('prices dated snapshots as their family and unknown models conservatively', () => {
    expect(priceOf('gpt-4o-mini-2024-07-18')).toMatchObject({
      input: 0.15,
      output: 0.6,
      matched: 'gpt-4o-mini',
    });
    expect(priceOf('gpt-4o-2024-08-06')).toMatchObject({ matched: 'gpt-4o' });
    expect(priceOf('qwen2.5:7b')).toMatchObject({ known: false, input: 10, output: 30 });
    expect(costOf('gpt-4o', { inputTokens: 1000, outputTokens: 500 })).toBeCloseTo(0.0075, 10);
  });
});
