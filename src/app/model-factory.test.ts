import type { ChatOpenAICompletions } from '@langchain/openai';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../core/index.js';
import { LOCAL_PLACEHOLDER_KEY } from '../core/model/index.js';
import { chatOpenAIFields, createChatModel, LodestoneChatOpenAI } from './model-factory.js';

/** The Chat Completions model inside ChatOpenAI (protected there; tests read it). */
const inner = (model: LodestoneChatOpenAI) =>
  (model as unknown as { completions: ChatOpenAICompletions }).completions;

describe('createChatModel', () => {
  it('builds ChatOpenAI for openai:<model> against the configured endpoint, retries off, streaming with usage', () => {
    const config = loadConfig({
      LODESTONE_MODEL: 'openai:gpt-4o-mini',
      OPENAI_BASE_URL: 'https://llm.example.com/v1',
      OPENAI_API_KEY: 'sk-test',
    });
    const model = createChatModel(config);
    expect(model).toBeInstanceOf(LodestoneChatOpenAI);
    expect(model.model).toBe('gpt-4o-mini');
    expect(model.apiKey).toBe('sk-test');
    expect(model.streaming).toBe(true);
    expect(model.streamUsage).toBe(true);
    expect(model.invocationParams({})).toMatchObject({
      model: 'gpt-4o-mini',
      stream_options: { include_usage: true },
    });
  });

  it('uses the Chat Completions API and no client retries', () => {
    const fields = chatOpenAIFields({
      provider: 'openai',
      model: 'm',
      baseURL: 'http://127.0.0.1:1/v1',
      apiKey: 'k',
      keySource: 'config',
      local: true,
    });
    expect(fields).toMatchObject({
      maxRetries: 0,
      useResponsesApi: false,
      configuration: { baseURL: 'http://127.0.0.1:1/v1' },
    });
  });

  it('sends a placeholder key to a local server configured without one', () => {
    const model = createChatModel(
      loadConfig({ LODESTONE_MODEL: 'openai:llama3.1:8b', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }),
    );
    expect(model.apiKey).toBe(LOCAL_PLACEHOLDER_KEY);
  });

  it('fails before any call, with the expected format, on a bad id or a missing key', () => {
    expect(() => createChatModel({ model: 'offline' })).toThrow(ConfigError);
    expect(() => createChatModel({ model: 'gpt-4o' })).toThrow(
      /LODESTONE_MODEL: expected offline, or openai:<model>/,
    );
    expect(() => createChatModel({ model: 'openai:gpt-4o' })).toThrow(
      /OPENAI_API_KEY: required for https:\/\/api\.openai\.com\/v1/,
    );
  });

  it('counts tokens without a tokenizer download, also after bindTools', async () => {
    const model = createChatModel({ model: 'openai:gpt-4o', openaiBaseUrl: 'http://127.0.0.1:9/v1' });
    expect(await model.getNumTokens('sixteen chars!!!')).toBe(4);
    expect(await inner(model).getNumTokens('eight ch')).toBe(2);
    expect(model.bindTools([])).toBeInstanceOf(LodestoneChatOpenAI);
  });
});
