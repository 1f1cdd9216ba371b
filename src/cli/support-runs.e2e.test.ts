/**
 * `lodestone support --thread` runs are journaled runs, end to end: the real CLI process, in LLM
 * mode against an OpenAI-protocol loopback server on 127.0.0.1 and offline. `replay` re-runs a
 * thread from its journal with zero requests, `show --cost` prints the customer-service agent's
 * tokens and dollars, `runs --kind` lists the threads.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_THREAD_DECISIONS } from '../../agents/customer-service/llm-test-fixtures.js';
import { cliEnv, runCli, SAMPLE_THREAD } from './test-cli.js';
import { loopback, startOpenAILoopbackServer, type OpenAILoopbackServer } from '../testing/index.js';

const THREAD = SAMPLE_THREAD;

let server: OpenAILoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** An environment with no model settings and its own data dir; `baseURL` adds the loopback model. */
const env = (dataDir: string, baseURL?: string) =>
  cliEnv(dataDir, baseURL === undefined ? undefined : { baseURL });

const run = runCli;

const SAMPLE_DECISIONS = SAMPLE_THREAD_DECISIONS.map((d) => loopback.json(d));

interface ThreadJson {
  runId: string;
  replies: { text: string }[];
  actions: { tool: string; ok: boolean }[];
  lead?: { products: { leadId: string; created: boolean }[] };
  state: string;
}

interface CostJson {
  run: { id: string; kind: string; status: string };
  cost: {
    agents: { agent: string; calls: number; totalTokens: number; usd: number }[];
    total: { calls: number; usd: number };
  };
}

describe('support threads are journaled runs', () => {
  it('LLM mode: the thread is a run; replay answers from the journal with zero requests; show --cost prices it', async () => {
    server = await startOpenAILoopbackServer(SAMPLE_DECISIONS);
    const dataDir = mkdtempSync(join(tmpdir(), 'lodestone-support-runs-'));
    const live = await run(['support', '--thread', THREAD, '--json'], env(dataDir, server.baseURL));
    expect(live.code, live.stderr).toBe(0);
    server.assertComplete();
    expect(server.requests).toHaveLength(7);
    const out = JSON.parse(live.stdout) as ThreadJson;
    expect(out.runId).toMatch(/^run_/);
    expect(out.replies).toHaveLength(5);
    expect(out.lead?.products[0]?.created).toBe(true);

    // With the model still configured: the replay prints what the thread printed, and asks nothing.
    const replayed = await run(['replay', out.runId, '--json'], env(dataDir, server.baseURL));
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(live.stdout);
    expect(server.requests).toHaveLength(7);

    // Without any model endpoint.
    const summary = await run(['replay', out.runId], env(dataDir));
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toContain(
      '0 model calls, 7 answered from the journal; resolved; replies and actions identical to the journaled run',
    );

    const cost = await run(['show', out.runId, '--cost'], env(dataDir));
    expect(cost.code, cost.stderr).toBe(0);
    expect(cost.stdout).toMatch(new RegExp(`^${out.runId}  resolved\\nCOST \\(from the journal\\)`));
    expect(cost.stdout).toMatch(/\n {4}customer-service +test-model +7 +0 +[\d,]+ +[\d,]+ +[\d,]+ +\$0\.\d+/);
    expect(cost.stdout).toMatch(
      /total: 7 model calls, 0 retries, [\d,]+ input \+ [\d,]+ output = [\d,]+ tokens, \$0\.\d+/,
    );
    const json = JSON.parse(
      (await run(['show', out.runId, '--cost', '--json'], env(dataDir))).stdout,
    ) as CostJson;
    expect(json.run).toMatchObject({ id: out.runId, kind: 'support-thread', status: 'resolved' });
    expect(json.cost.agents.map((a) => [a.agent, a.calls])).toEqual([['customer-service', 7]]);
    expect(json.cost.agents[0]?.totalTokens).toBeGreaterThan(0);
    expect(json.cost.total.usd).toBeGreaterThan(0);

    const runs = await run(['runs', '--kind', 'support-thread'], env(dataDir));
    expect(runs.stdout).toMatch(new RegExp(`^${out.runId}  resolved +\\S+  Hi there!\\n$`));
    // `runs` alone lists plan runs, as before.
    expect((await run(['runs'], env(dataDir))).stdout).toBe('No runs yet. Try: lodestone plan "<goal>"\n');
  }, 240_000);

  it('offline: the thread is a run (its id on stderr), replays identically, shows its thread and, settled, is not resumed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lodestone-support-runs-'));
    const live = await run(['support', '--thread', THREAD], env(dataDir));
    expect(live.code, live.stderr).toBe(0);
    const runId = /\(run (run_\S+) saved as resolved: lodestone show \1 --cost, lodestone replay \1\)/.exec(
      live.stderr,
    )?.[1];
    expect(runId, live.stderr).toBeDefined();
    const id = runId ?? '';

    const replayed = await run(['replay', id], env(dataDir));
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toContain(
      '0 model calls, 0 answered from the journal; resolved; replies and actions identical',
    );

    const shown = await run(['show', id, '--journal'], env(dataDir));
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(
      new RegExp(`^${id}  resolved  created \\S+  support thread \\(offline\\)\\n`),
    );
    expect(shown.stdout).toContain(live.stdout);
    expect(shown.stdout).toMatch(/#1 \S+ run\.started\n[\s\S]*support\.action[\s\S]*support\.result\n$/);
    expect((await run(['show', id, '--cost'], env(dataDir))).stdout).toContain(
      'No model calls: the run is offline (0 tokens, $0).',
    );
    // Settled: only an interrupted or failed thread is resumed.
    const resumed = await run(['resume', id], env(dataDir));
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain(
      `lodestone: Invalid run ${id}: expected an interrupted or failed support thread (status running or failed); a resolved thread is settled: replay it with lodestone replay ${id}`,
    );
    expect((await run(['runs', '--kind', 'all'], env(dataDir))).stdout).toMatch(
      new RegExp(`^${id}  support-thread  resolved `),
    );
  }, 240_000);
});
