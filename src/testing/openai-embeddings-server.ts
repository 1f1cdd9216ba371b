import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the embeddings server received. */
export interface EmbeddingsRequest {
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: { model: string; input: string[]; encoding_format?: string; dimensions?: number };
}

/** How the server answers: well, or with vectors one number short, a null in them, or a 400. */
export type EmbeddingsServerMode = 'ok' | 'short' | 'nan' | 'error';

/** A running loopback embeddings server. */
export interface EmbeddingsServer {
  /** `http://127.0.0.1:<port>/v1`, for `OPENAI_BASE_URL` or `baseURL`. */
  readonly baseURL: string;
  readonly received: readonly EmbeddingsRequest[];
  /** Set to make the next answers misbehave. */
  mode: EmbeddingsServerMode;
  close(): Promise<void>;
}

/**
 * A loopback server speaking OpenAI's `/v1/embeddings` on 127.0.0.1: the vector of a text is
 * `[len, len+1, …]` (`dim` numbers), every request is kept, and `mode` makes it misbehave.
 *
 * @example
 * ```ts
 * const server = await startEmbeddingsServer({ dim: 4 });
 * const embedder = new OpenAIEmbedder({ model: 'm', apiKey: 'k', baseURL: server.baseURL, dim: 4 });
 * await embedder.embed(['ab']); // [[2, 3, 4, 5]]
 * await server.close();
 * ```
 */
export async function startEmbeddingsServer(options: { dim?: number } = {}): Promise<EmbeddingsServer> {
  const dim = options.dim ?? 4;
  const received: EmbeddingsRequest[] = [];
  const state = { mode: 'ok' as EmbeddingsServerMode };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as EmbeddingsRequest['body'];
      received.push({ url: req.url, headers: req.headers, body });
      if (req.url !== '/v1/embeddings' || state.mode === 'error') {
        res.writeHead(req.url === '/v1/embeddings' ? 400 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'bad request', type: 'invalid_request_error' } }));
        return;
      }
      const size = state.mode === 'short' ? dim - 1 : dim;
      const data = body.input.map((text, index) => ({
        object: 'embedding',
        index,
        embedding: Array.from({ length: size }, (_, j) =>
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    received,
    get mode() {
      return state.mode;
    },
    set mode(mode: EmbeddingsServerMode) {
      state.mode = mode;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
