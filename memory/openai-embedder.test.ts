import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddingError, EmptyTextError } from './errors.js';
import { OpenAIEmbedder } from './openai-embedder.js';

interface Received {
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: { model: string; input: string[]; encoding_format?: string; dimensions?: number };
}

/** A loopback server speaking the OpenAI embeddings protocol; `mode` makes it misbehave. */
function startServer() {
  const received: Received[] = [];
  const state = { mode: 'ok' as 'ok' | 'short' | 'nan' | 'error' };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Received['body'];
      received.push({ url: req.url, headers: req.headers, body });
      if (req.url !== '/v1/embeddings' || state.mode === 'error') {
        res.writeHead(req.url === '/v1/embeddings' ? 400 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'bad request', type: 'invalid_request_error' } }));
        return;
      }
      const dim = state.mode === 'short' ? 3 : 4;
      const data = body.input.map((text, index) => ({
        object: 'embedding',
        index,
        embedding: Array.from({ length: dim }, (_, j) =>
          state.mode === 'nan' && j === 0 ? null : text.length + j,
        ),
      }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          data,
          model: body.model,
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
  });
  return { server, received, state };
}

describe('OpenAIEmbedder against a loopback /v1/embeddings server', () => {
  const { server, received, state } = startServer();
  let baseURL = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))));

  const make = (extra: Partial<ConstructorParameters<typeof OpenAIEmbedder>[0]> = {}) =>
    new OpenAIEmbedder({ model: 'test-embed', apiKey: 'sk-test', baseURL, dim: 4, maxRetries: 0, ...extra });

  it('embeds texts in order with the given model and key', async () => {
    state.mode = 'ok';
    const vectors = await make().embed(['ab', 'abcd']);
    expect(vectors.map((v) => Array.from(v))).toEqual([
      [2, 3, 4, 5],
      [4, 5, 6, 7],
    ]);
    const last = received.at(-1)!;
    expect(last.url).toBe('/v1/embeddings');
    expect(last.headers.authorization).toBe('Bearer sk-test');
    expect(last.body).toMatchObject({ model: 'test-embed', input: ['ab', 'abcd'], encoding_format: 'float' });
    expect(last.body.dimensions).toBeUndefined();
  });

  it('splits large inputs into batches and asks for shortened vectors when told to', async () => {
    state.mode = 'ok';
    const before = received.length;
    const vectors = await make({ batchSize: 2, shorten: true }).embed(['a', 'b', 'c', 'd', 'e']);
    expect(vectors).toHaveLength(5);
    expect(received.length - before).toBe(3);
    expect(received.at(-1)!.body.dimensions).toBe(4);
  });

  it('rejects blank texts before calling the server', async () => {
    const before = received.length;
    await expect(make().embed(['ok', ' '])).rejects.toThrow(EmptyTextError);
    expect(received.length).toBe(before);
  });

  it('turns a vector of the wrong size or with non-numbers into an EmbeddingError', async () => {
    state.mode = 'short';
    await expect(make().embed(['x'])).rejects.toThrow(EmbeddingError);
    await expect(make().embed(['x'])).rejects.toThrow(/expected 4 finite numbers, received 3 numbers/);
    state.mode = 'nan';
    await expect(make().embed(['x'])).rejects.toThrow(EmbeddingError);
  });

  it('surfaces an HTTP error from the server', async () => {
    state.mode = 'error';
    await expect(make().embed(['x'])).rejects.toThrow(/400|bad request/);
  });
});
