import { afterEach, describe, expect, it } from 'vitest';
import { loopback, startOpenAILoopbackServer, type OpenAILoopbackServer } from './openai-loopback-server.js';

let server: OpenAILoopbackServer;
afterEach(() => server.close());

const post = (body: unknown) =>
  fetch(`${server.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('OpenAI loopback server', () => {
  it('answers a JSON chat completion with tool calls and usage, recording the request', async () => {
    server = await startOpenAILoopbackServer([
      {
        kind: 'completion',
        toolCalls: [{ name: 'lookup', arguments: { id: '1' }, id: 'c1' }],
        usage: { prompt: 9, completion: 4 },
      },
    ]);
    const res = await post({ model: 'm', messages: [{ role: 'user', content: 'hi' }], tools: [] });
    const body = (await res.json()) as {
      choices: { message: unknown; finish_reason: string }[];
      usage: unknown;
    };
    expect(body.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', function: { name: 'lookup', arguments: '{"id":"1"}' } }],
      },
    });
    expect(body.usage).toEqual({ prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 });
    expect(server.requests[0]?.body.model).toBe('m');
    expect(server.requestCount).toBe(1);
    server.assertComplete();
  });

  it('streams SSE chunks: text, tool_calls deltas, finish, a usage chunk when asked, [DONE]', async () => {
    server = await startOpenAILoopbackServer([
      {
        kind: 'completion',
        content: 'hello world',
        toolCalls: [{ name: 'lookup', arguments: { id: '22720' } }],
      },
    ]);
    const text = await (
      await post({ model: 'm', messages: [], stream: true, stream_options: { include_usage: true } })
    ).text();
    const events = text.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    type Chunk = {
      choices: { delta: { content?: string; tool_calls?: { function: { arguments?: string } }[] } }[];
    };
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.slice('data: '.length)) as Chunk);
    const deltas = chunks.flatMap((c) => c.choices);
    expect(deltas.map((d) => d.delta.content ?? '').join('')).toBe('hello world');
    expect(deltas.map((d) => d.delta.tool_calls?.[0]?.function.arguments ?? '').join('')).toBe(
      '{"id":"22720"}',
    );
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { total_tokens: expect.any(Number) as number },
    });
  });

  it('returns scripted HTTP errors, and a 400 when the script is exhausted', async () => {
    server = await startOpenAILoopbackServer([loopback.httpError(429, 'Rate limit', { 'retry-after': '3' })]);
    const limited = await post({ model: 'm', messages: [] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await post({ model: 'm', messages: [] })).status).toBe(400);
    expect(() => server.assertComplete()).toThrow(/request #2 but no scripted response is left/);
  });
});
