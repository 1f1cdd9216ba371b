/**
 * End to end through the real ChatOpenAI client (@langchain/openai → openai SDK → fetch) against a
 * real HTTP server on 127.0.0.1 that speaks the Chat Completions protocol. No other network.
 */
import net from 'node:net';
import { ChatOpenAI } from '@langchain/openai';
import { HumanMessage } from '@langchain/core/messages';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AudienceReasonerOutput } from '../../agents/audience-reasoner/index.js';
import { ModelCallError, runToolLoop, type LoopEvent, type ToolLoopResult } from '../../agents/llm/index.js';
import { audienceLoop, FINAL } from '../../agents/llm/test-fixtures.js';
import { loadConfig } from '../core/index.js';
import {
  loopback,
  startOpenAILoopbackServer,
  type LoopbackStep,
  type OpenAILoopbackServer,
} from '../testing/index.js';
import { createChatModel, type ChatModelOptions } from './model-factory.js';

let server: OpenAILoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(steps: LoopbackStep[], options: ChatModelOptions = {}) {
  server = await startOpenAILoopbackServer(steps);
  const config = loadConfig({ LODESTONE_MODEL: 'openai:test-model', OPENAI_BASE_URL: server.baseURL });
  return { server, model: createChatModel(config, options) };
}

async function runAgent(
  model: ReturnType<typeof createChatModel>,
  events: LoopEvent[] = [],
  maxRetries = 2,
): Promise<ToolLoopResult<unknown>> {
  return runToolLoop({
    ...audienceLoop({ productIds: ['22722'] }),
    model,
    retry: { maxRetries, delayMs: () => 0 },
    onEvent: (e) => events.push(e),
  });
}

const script = () => [
  loopback.toolCalls({
    name: 'association_rules',
    arguments: { productId: '22720', limit: 2 },
    id: 'call_rules',
  }),
  { ...loopback.json(FINAL), usage: { prompt: 321, completion: 54 } } as LoopbackStep,
];

describe.each([
  ['non-streaming', false],
  ['streaming', true],
])('tool loop through ChatOpenAI (%s)', (_label, streaming) => {
  it('sends the model name, the agent’s tools and the whole conversation; reads tool calls and usage', async () => {
    const { server, model } = await setup(script(), { streaming });
    const events: LoopEvent[] = [];
    const result = await runAgent(model, events);
    server.assertComplete();
    expect(result.output).toEqual(AudienceReasonerOutput.parse(FINAL));

    expect(server.requestCount).toBe(2);
    const [first, second] = server.requests;
    expect(first?.path).toBe('/v1/chat/completions');
    expect(first?.headers.authorization).toBe('Bearer lodestone-local-no-key');
    expect(first?.body.model).toBe('test-model');
    expect(Boolean(first?.body.stream)).toBe(streaming);
    expect(first?.body.stream_options).toEqual(streaming ? { include_usage: true } : undefined);
    expect(first?.body.tools?.map((t) => t.function.name)).toEqual(['association_rules', 'user_history']);
    expect(first?.body.tools?.[0]?.function.parameters).toMatchObject({
      type: 'object',
      properties: { productId: { type: 'string' }, limit: { maximum: 10 } },
    });
    expect(first?.body.messages?.map((m) => m.role)).toEqual(['system', 'user']);
    expect(second?.body.messages?.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(second?.body.messages?.[2]?.tool_calls).toEqual([
      {
        id: 'call_rules',
        type: 'function',
        function: { name: 'association_rules', arguments: '{"productId":"22720","limit":2}' },
      },
    ]);
    expect(second?.body.messages?.[3]).toMatchObject({ tool_call_id: 'call_rules' });
    expect(JSON.stringify(second?.body.messages?.[3]?.content)).toContain('22722');

    const responded = events.filter((e) => e.type === 'model.responded');
    expect(responded[1]?.response.usage).toEqual({ inputTokens: 321, outputTokens: 54, totalTokens: 375 });
    expect(responded.every((e) => !e.response.usage.estimated)).toBe(true);
    if (streaming) expect(events.filter((e) => e.type === 'model.token').length).toBeGreaterThan(3);
  });
});

describe('retries through ChatOpenAI', () => {
  it('retries a 429 as a state of the loop; the client itself never retries', async () => {
    const { server, model } = await setup([
      loopback.httpError(429, 'Rate limit', { 'retry-after': '0' }),
      ...script(),
    ]);
    const events: LoopEvent[] = [];
    await runAgent(model, events);
    expect(server.requestCount).toBe(3);
    expect(events.find((e) => e.type === 'model.retry')).toMatchObject({ kind: 'rate-limit', attempt: 1 });

    const once = await setup([loopback.httpError(503)]);
    const error = await runAgent(once.model, [], 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error).toMatchObject({ kind: 'server', attempts: 1 });
    expect(once.server.requestCount).toBe(1);
  });

  it('retries a client timeout, then succeeds', async () => {
    const { server, model } = await setup([loopback.slow(2_000), ...script()], { timeoutMs: 150 });
    const events: LoopEvent[] = [];
    await runAgent(model, events);
    expect(events.find((e) => e.type === 'model.retry')).toMatchObject({ kind: 'timeout' });
    expect(server.requestCount).toBe(3);
  });

  it('the loop’s own per-call timeout aborts a hung stream, and the call is retried', async () => {
    const { server, model } = await setup([loopback.slow(5_000), ...script()], {
      streaming: true,
      timeoutMs: 60_000,
    });
    const events: LoopEvent[] = [];
    await runToolLoop({
      ...audienceLoop(),
      model,
      retry: { maxRetries: 1, delayMs: () => 0 },
      callTimeoutMs: 150,
      onEvent: (e) => events.push(e),
    });
    expect(events.find((e) => e.type === 'model.retry')).toMatchObject({
      kind: 'timeout',
      message: 'The model did not answer within 150 ms',
    });
    expect(server.requestCount).toBe(3);
  });

  it('a missing key for a remote endpoint fails before any request', async () => {
    server = await startOpenAILoopbackServer([]);
    expect(() =>
      createChatModel({ model: 'openai:gpt-4o', openaiBaseUrl: 'https://api.example.com/v1' }),
    ).toThrow(/OPENAI_API_KEY/);
    expect(server.requestCount).toBe(0);
  });
});

/**
 * Records every socket connection and fetch. A fetch off the allowed origin is refused with an
 * AbortError, which LangChain's AsyncCaller does not retry (a 403 it retries with backoff).
 */
function interceptNetwork(allowedOrigin: string) {
  const sockets: string[] = [];
  const fetches: string[] = [];
  // Kept to be called with the socket as `this` (Reflect.apply) and put back afterwards.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const connect = net.Socket.prototype.connect;
  const fetch = globalThis.fetch;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first: unknown = Array.isArray(args[0]) ? args[0][0] : args[0];
    const target =
      typeof first === 'object' && first !== null
        ? (first as { path?: string; host?: string; port?: number | string })
        : { port: first as number, host: args[1] as string };
    sockets.push(target.path ?? `${target.host ?? 'localhost'}:${target.port}`);
    return Reflect.apply(connect, this, args) as net.Socket;
  };
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    fetches.push(url);
    if (!url.startsWith(allowedOrigin))
      return Promise.reject(
        Object.assign(new Error(`AbortError: ${url} blocked by the test`), { name: 'AbortError' }),
      );
    return fetch(input, init);
  };
  return {
    sockets,
    fetches,
    restore() {
      net.Socket.prototype.connect = connect;
      globalThis.fetch = fetch;
    },
  };
}

describe('no network call but to the configured endpoint', () => {
  it('connects only to the loopback server: loop runs, invoke() on a streaming model, token counts', async () => {
    server = await startOpenAILoopbackServer([
      ...script(),
      ...script(),
      loopback.reply('hi', { usage: { prompt: 3, completion: 1 } }),
    ]);
    const config = loadConfig({ LODESTONE_MODEL: 'openai:gpt-4o', OPENAI_BASE_URL: server.baseURL });
    const origin = `http://${server.host}:${server.port}`;
    const network = interceptNetwork(origin);
    try {
      await runAgent(createChatModel(config, { streaming: true }));
      await runAgent(createChatModel(config, { streaming: false }));
      // The path that downloads a tokenizer in stock ChatOpenAI: invoke() on a streaming model.
      const streamingModel = createChatModel(config, { streaming: true });
      await streamingModel.invoke([new HumanMessage('hello')]);
      await streamingModel.getNumTokensFromMessages([new HumanMessage('count me')]);
    } finally {
      network.restore();
    }
    server.assertComplete();
    expect(server.requestCount).toBe(5);
    expect(network.sockets.length).toBeGreaterThan(0);
    expect(new Set(network.sockets)).toEqual(new Set([`${server.host}:${server.port}`]));
    expect(network.fetches.length).toBe(5);
    expect(network.fetches.every((url) => url.startsWith(`${origin}/v1/chat/completions`))).toBe(true);
  });

  it('control: stock ChatOpenAI reaches for tiktoken.pages.dev on that path (blocked here)', async () => {
    server = await startOpenAILoopbackServer([loopback.reply('hi')]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const network = interceptNetwork(`http://${server.host}:${server.port}`);
    try {
      const stock = new ChatOpenAI({
        model: 'gpt-4o',
        apiKey: 'k',
        configuration: { baseURL: server.baseURL },
        streaming: true,
        maxRetries: 0,
      });
      await stock.invoke([new HumanMessage('hello')]);
    } finally {
      network.restore();
      warn.mockRestore();
    }
    expect(network.fetches.some((url) => url.startsWith('https://tiktoken.pages.dev/js/'))).toBe(true);
  });
});
