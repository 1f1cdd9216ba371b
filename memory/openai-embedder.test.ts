import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddingsServer, type EmbeddingsServer } from '../src/testing/openai-embeddings-server.js';
import { EmbeddingError, EmptyTextError } from './errors.js';
import { OpenAIEmbedder } from './openai-embedder.js';

describe('OpenAIEmbedder against a loopback /v1/embeddings server', () => {
  let server: EmbeddingsServer;
  let received: EmbeddingsServer['received'] = [];
  beforeAll(async () => {
    server = await startEmbeddingsServer({ dim: 4 });
    received = server.received;
  });
  afterAll(() => server.close());

  const make = (extra: Partial<ConstructorParameters<typeof OpenAIEmbedder>[0]> = {}) =>
    new OpenAIEmbedder({
      model: 'test-embed',
      apiKey: 'sk-test',
      baseURL: server.baseURL,
      dim: 4,
      maxRetries: 0,
      ...extra,
    });

  it('embeds texts in order with the given model and key', async () => {
    server.mode = 'ok';
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
    server.mode = 'ok';
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
    server.mode = 'short';
    await expect(make().embed(['x'])).rejects.toThrow(EmbeddingError);
    await expect(make().embed(['x'])).rejects.toThrow(/expected 4 finite numbers, received 3 numbers/);
    server.mode = 'nan';
    await expect(make().embed(['x'])).rejects.toThrow(EmbeddingError);
  });

  it('surfaces an HTTP error from the server', async () => {
    server.mode = 'error';
    await expect(make().embed(['x'])).rejects.toThrow(/400|bad request/);
  });
});
