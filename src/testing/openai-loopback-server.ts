import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One scripted reply of the loopback server. */
export type LoopbackStep =
  | {
      readonly kind: 'completion';
      readonly content?: string;
      readonly toolCalls?: readonly {
        name: string;
        arguments: Record<string, unknown> | string;
        id?: string;
      }[];
      readonly usage?: { prompt: number; completion: number };
      /** Milliseconds to wait before answering (longer than the client timeout = a timeout). */
      readonly delayMs?: number;
    }
  | {
      readonly kind: 'http-error';
      readonly status: number;
      readonly message?: string;
      readonly headers?: Record<string, string>;
    };

/** Builders of loopback steps. */
export const loopback = {
  reply: (
    content: string,
    extra: { usage?: { prompt: number; completion: number }; delayMs?: number } = {},
  ): LoopbackStep => ({
    kind: 'completion',
    content,
    ...extra,
  }),
  json: (value: unknown): LoopbackStep => loopback.reply(JSON.stringify(value)),
  toolCalls: (
    ...toolCalls: { name: string; arguments: Record<string, unknown> | string; id?: string }[]
  ): LoopbackStep => ({
    kind: 'completion',
    toolCalls,
  }),
  httpError: (
    status: number,
    message = `HTTP ${status}`,
    headers: Record<string, string> = {},
  ): LoopbackStep => ({
    kind: 'http-error',
    status,
    message,
    headers,
  }),
  /** Answers only after `delayMs`: with a shorter client timeout, the client times out. */
  slow: (delayMs: number, content = '{}'): LoopbackStep => ({ kind: 'completion', content, delayMs }),
};

/** A request the server received. */
export interface LoopbackRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: {
    model?: string;
    messages?: { role: string; content?: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
    tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
    stream?: boolean;
    stream_options?: { include_usage?: boolean };
    [key: string]: unknown;
  };
}

/** A running loopback server. */
export interface OpenAILoopbackServer {
  /** `http://127.0.0.1:<port>/v1`: the value for `OPENAI_BASE_URL`. */
  readonly baseURL: string;
  readonly host: string;
  readonly port: number;
  /** Every request, in order. */
  readonly requests: readonly LoopbackRequest[];
  readonly requestCount: number;
  push(...steps: LoopbackStep[]): void;
  /** Throws unless every step was used and no request found the script empty. */
  assertComplete(): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) that speaks the OpenAI Chat Completions protocol from a
 * script: JSON completions, or SSE streams (`stream: true`) with text deltas, `tool_calls` deltas
 * and — when `stream_options.include_usage` — a final usage chunk; scripted HTTP errors (429 with
 * `retry-after`, 5xx) and slow answers for timeouts. A request with nothing queued gets a 400 (so
 * clients do not retry it) and fails `assertComplete()`.
 *
 * @example
 * ```ts
 * const server = await startOpenAILoopbackServer([loopback.json({ ok: true })]);
 * const model = createChatModel({ ...config, model: 'openai:test-model', openaiBaseUrl: server.baseURL });
 * // ... run, then:
 * server.requests[0]?.body.model; // 'test-model'
 * await server.close();
 * ```
 */
export async function startOpenAILoopbackServer(
  steps: readonly LoopbackStep[] = [],
): Promise<OpenAILoopbackServer> {
  const queue = [...steps];
  const requests: LoopbackRequest[] = [];
  const unexpected: string[] = [];
  const sockets = new Set<Socket>();
  let created = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(error), type: 'loopback_error' } }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = (text ? JSON.parse(text) : {}) as LoopbackRequest['body'];
    const request: LoopbackRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
    };
    requests.push(request);
    if (req.method !== 'POST' || !request.path.endsWith('/chat/completions')) {
      return sendJson(res, 404, {
        error: { message: `No route ${req.method} ${request.path}`, type: 'invalid_request_error' },
      });
    }
    const step = queue.shift();
    if (!step) {
      const message = `OpenAI loopback server: request #${requests.length} but no scripted response is left`;
      unexpected.push(message);
      return sendJson(res, 400, { error: { message, type: 'script_exhausted' } });
    }
    if (step.kind === 'http-error') {
      return sendJson(
        res,
        step.status,
        { error: { message: step.message ?? `HTTP ${step.status}`, type: 'scripted' } },
        step.headers,
      );
    }
    if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    // The client gave up (a timeout): nothing to answer. (`req` is destroyed once its body is read.)
    if (res.destroyed || res.socket?.destroyed !== false) return;
    const id = `chatcmpl-loopback-${++created}`;
    const model = body.model ?? 'unknown';
    const toolCalls = (step.toolCalls ?? []).map((call, i) => ({
      id: call.id ?? `call_loopback_${created}_${i}`,
      type: 'function' as const,
      function: {
        name: call.name,
        arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
      },
    }));
    const content = step.content ?? (toolCalls.length > 0 ? null : '');
    const promptChars = JSON.stringify(body.messages ?? []).length;
    const prompt = step.usage?.prompt ?? Math.ceil(promptChars / 4);
    const completion =
      step.usage?.completion ?? Math.ceil((JSON.stringify(toolCalls).length + (content?.length ?? 0)) / 4);
    const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
    const finishReason = toolCalls.length > 0 ? 'tool_calls' : 'stop';
    const created_at = 1_764_400_000 + created;
    if (!body.stream) {
      return sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created: created_at,
        model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content,
              ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
              refusal: null,
            },
            finish_reason: finishReason,
            logprobs: null,
          },
        ],
        usage,
      });
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const send = (delta: Record<string, unknown>, finish: string | null = null) =>
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: created_at, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`,
      );
    send({ role: 'assistant', content: '' });
    for (const piece of (content ?? '').match(/.{1,8}/gs) ?? []) send({ content: piece });
    toolCalls.forEach((call, index) => {
      send({
        tool_calls: [
          { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } },
        ],
      });
      for (const piece of call.function.arguments.match(/.{1,10}/gs) ?? [])
        send({ tool_calls: [{ index, function: { arguments: piece } }] });
    });
    send({}, finishReason);
    if (body.stream_options?.include_usage) {
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: created_at, model, choices: [], usage })}\n\n`,
      );
    }
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    host: '127.0.0.1',
    port,
    requests,
    get requestCount() {
      return requests.length;
    },
    push: (...more) => void queue.push(...more),
    assertComplete() {
      const problems = [
        ...unexpected,
        ...(queue.length > 0 ? [`${queue.length} scripted response(s) were never requested`] : []),
      ];
      if (problems.length > 0) throw new Error(`OpenAI loopback server: ${problems.join('; ')}`);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
