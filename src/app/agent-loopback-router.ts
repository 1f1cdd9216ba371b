/**
 * Test support: one OpenAI-compatible endpoint in front of one loopback server per agent. The
 * creative analyst and the audience reasoner run in parallel, so a single FIFO script would
 * answer them in a racy order; the router reads which agent is asking (the first line of its
 * system prompt, "You are Lodestone's <agent>") and forwards the request to that agent's server.
 * It records every request, and can hold an agent's requests unanswered (a hung model).
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  startOpenAILoopbackServer,
  type LoopbackRequest,
  type LoopbackStep,
  type OpenAILoopbackServer,
} from '../testing/index.js';

/** A request as the router saw it. */
export interface RoutedRequest {
  readonly agent: string;
  readonly body: LoopbackRequest['body'];
  readonly headers: LoopbackRequest['headers'];
}

/** The running router. */
export interface AgentLoopbackRouter {
  /** The value for `OPENAI_BASE_URL`. */
  readonly baseURL: string;
  readonly origin: string;
  readonly servers: Readonly<Record<string, OpenAILoopbackServer>>;
  /** Every request, in arrival order. */
  readonly requests: readonly RoutedRequest[];
  /** Requests from one agent. */
  requestsOf(agent: string): RoutedRequest[];
  /** From now on, requests of `agent` are recorded and never answered. */
  hold(agent: string): void;
  close(): Promise<void>;
}

const AGENT = /You are Lodestone's (brief parser|creative analyst|audience reasoner|bid strategist)/;

/** The agent a Chat Completions request comes from, by its system prompt. */
export function agentOf(body: LoopbackRequest['body']): string {
  const system = body.messages?.find((m) => m.role === 'system');
  const text = typeof system?.content === 'string' ? system.content : JSON.stringify(system?.content ?? '');
  return AGENT.exec(text)?.[1]?.replace(' ', '-') ?? 'unknown';
}

/**
 * Starts the router and one loopback server per agent with its script.
 *
 * @example
 * ```ts
 * const router = await startAgentLoopbackRouter({ 'brief-parser': [...], 'bid-strategist': [...] });
 * spawn('lodestone', ['plan', goal], { env: { OPENAI_BASE_URL: router.baseURL, ... } });
 * router.requestsOf('bid-strategist')[0]?.body.tools;
 * ```
 */
export async function startAgentLoopbackRouter(
  scripts: Readonly<Record<string, readonly LoopbackStep[]>>,
): Promise<AgentLoopbackRouter> {
  const servers: Record<string, OpenAILoopbackServer> = {};
  for (const [agent, steps] of Object.entries(scripts))
    servers[agent] = await startOpenAILoopbackServer(steps);
  const requests: RoutedRequest[] = [];
  const held = new Set<string>();
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => void route(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const body = (raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {}) as LoopbackRequest['body'];
    const agent = agentOf(body);
    requests.push({ agent, body, headers: req.headers });
    if (held.has(agent)) return; // never answered: the client hangs until it times out or dies
    const target = servers[agent];
    if (!target) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `router: no loopback server for agent ${agent}` } }));
      return;
    }
    const upstream = request(
      {
        host: target.host,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `${target.host}:${target.port}`, 'content-length': raw.length },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    upstream.end(raw);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseURL: `${origin}/v1`,
    origin,
    servers,
    requests,
    requestsOf: (agent) => requests.filter((r) => r.agent === agent),
    hold: (agent) => void held.add(agent),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(Object.values(servers).map((s) => s.close()));
    },
  };
}
