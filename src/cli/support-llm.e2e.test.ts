/**
 * `lodestone support --thread` in LLM mode, end to end: the real CLI process and the real
 * ChatOpenAI client against an OpenAI-protocol loopback server on 127.0.0.1 answering from a
 * script. One request per decision of the customer-service agent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SAMPLE_QUOTE_REPLY,
  SAMPLE_THREAD_DECISIONS,
} from '../../agents/customer-service/llm-test-fixtures.js';
import { cliEnv, runCli, SAMPLE_THREAD } from './test-cli.js';
import { loopback, startOpenAILoopbackServer, type OpenAILoopbackServer } from '../testing/index.js';

const THREAD = SAMPLE_THREAD;

let server: OpenAILoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const env = (baseURL: string, extra: Record<string, string> = {}) =>
  cliEnv(mkdtempSync(join(tmpdir(), 'lodestone-support-llm-')), { baseURL }, extra);

const run = runCli;

const SAMPLE_DECISIONS = SAMPLE_THREAD_DECISIONS.map((d) => loopback.json(d));

interface ThreadJson {
  runId: string;
  replies: { text: string; citations: string[] }[];
  actions: { tool: string; ok: boolean }[];
  lead?: { buyer: string; products: { productId: string }[] };
  handoff: boolean;
  handoffSummary?: string;
  state: string;
}

describe('lodestone support --thread in LLM mode (ChatOpenAI against a loopback endpoint)', () => {
  it('asks the model once per decision, with no tools bound, and runs what it proposes through the workflow', async () => {
    server = await startOpenAILoopbackServer(SAMPLE_DECISIONS);
    const r = await run(['support', '--thread', THREAD, '--json'], env(server.baseURL));
    expect(r.code, r.stderr).toBe(0);
    server.assertComplete();
    const out = JSON.parse(r.stdout) as ThreadJson;
    // The thread is saved as a run (lodestone show / replay it: support-runs.e2e.test.ts).
    expect(out.runId).toMatch(/^run_/);
    expect(out.replies.map((x) => x.text)).toEqual([
      'Hello! How can I help?',
      'Yes: the WHITE HANGING HEART T-LIGHT HOLDER is £2.95.',
      'Happy to. What email should the quote go to?',
      SAMPLE_QUOTE_REPLY,
      'Thank you, have a great day!',
    ]);
    expect(out.replies[1]?.citations).toEqual(['85123A']);
    expect(out.actions).toEqual([
      expect.objectContaining({ tool: 'search_products', ok: true }),
      expect.objectContaining({ tool: 'capture_lead', ok: true }),
    ]);
    expect(out.lead).toMatchObject({ buyer: 'amy.baker@example.com', products: [{ productId: '85123A' }] });
    expect(out).toMatchObject({ handoff: false, state: 'resolved' });

    expect(server.requests).toHaveLength(7);
    for (const { body, headers } of server.requests) {
      expect(body.model).toBe('test-model');
      expect(headers.authorization).toBe('Bearer sk-test-key');
      expect(body.tools).toBeUndefined();
      expect(body.messages?.map((m) => m.role)).toEqual(['system', 'user']);
      expect(String(body.messages?.[0]?.content)).toContain('- cancel_pending_order (write): ');
    }
    const lastInput = String(server.requests[6]?.body.messages?.[1]?.content);
    expect(lastInput).toContain('"buyer": "Thanks, bye!"');
    expect(lastInput).toMatch(/"tool": "capture_lead",[\s\S]*"ok": true/);
  }, 120_000);

  it('an exhausted budget hands the buyer to a human: exit 0, no further request', async () => {
    server = await startOpenAILoopbackServer(SAMPLE_DECISIONS.slice(0, 2));
    const r = await run(
      ['support', '--thread', THREAD, '--json'],
      env(server.baseURL, { LODESTONE_AGENT_BUDGET_STEPS: '2' }),
    );
    expect(r.code, r.stderr).toBe(0);
    server.assertComplete();
    const out = JSON.parse(r.stdout) as ThreadJson;
    expect(out).toMatchObject({ handoff: true, state: 'handedOff' });
    expect(out.handoffSummary).toMatch(/the agent steps budget is 2, 2 used/);
    expect(out.actions.map((a) => a.tool)).toEqual(['search_products', 'transfer_to_human_agents']);
  }, 120_000);

  it('lodestone chat talks through the same LLM policy', async () => {
    server = await startOpenAILoopbackServer(SAMPLE_DECISIONS.slice(0, 1));
    const r = await run(['chat'], env(server.baseURL), 'Hi there!\n');
    expect(r.code, r.stderr).toBe(0);
    server.assertComplete();
    expect(r.stdout).toBe('agent: Hello! How can I help?\n');
    expect(String(server.requests[0]?.body.messages?.[1]?.content)).toContain('"buyer": "Hi there!"');
  }, 120_000);
});
