/**
 * `lodestone resume` of a support thread, end to end: the real CLI process killed with SIGKILL
 * while the real ChatOpenAI client waits on an OpenAI-protocol loopback server on 127.0.0.1, then
 * resumed against a second server. No completed model call is repeated, the lead is written once,
 * and the resumed run replays whole from its journal.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_THREAD_DECISIONS } from '../../agents/customer-service/llm-test-fixtures.js';
import { openSqliteLeadStore } from '../../tools/leads/index.js';
import { cliEnv, runCli, spawnCli, SAMPLE_THREAD } from './test-cli.js';
import { loopback, startOpenAILoopbackServer, type OpenAILoopbackServer } from '../testing/index.js';

const THREAD = SAMPLE_THREAD;

const servers: OpenAILoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function server(steps: Parameters<typeof startOpenAILoopbackServer>[0]) {
  const started = await startOpenAILoopbackServer(steps);
  servers.push(started);
  return started;
}

/** An environment with no model settings and its own data dir; `baseURL` adds the loopback model. */
const env = (dataDir: string, baseURL?: string) =>
  cliEnv(dataDir, baseURL === undefined ? undefined : { baseURL });

const DECISIONS = SAMPLE_THREAD_DECISIONS.map((d) => loopback.json(d));

interface ThreadJson {
  runId: string;
  replies: { text: string }[];
  lead?: { products: { leadId: string; created: boolean }[] };
  state: string;
}

async function until(condition: () => boolean, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('lodestone resume <support thread>', () => {
  it('resumes a thread killed mid-way (SIGKILL) without repeating a completed model call; the lead is captured once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lodestone-support-resume-'));
    // Five decisions answered (the lead is captured by the fifth), the sixth never is.
    const first = await server([...DECISIONS.slice(0, 5), loopback.slow(60_000)]);
    const { child, done } = spawnCli(['support', '--thread', THREAD, '--json'], env(dataDir, first.baseURL));
    await until(() => first.requestCount === 6);
    expect(first.requestCount).toBe(6);
    const runs = JSON.parse(
      (await runCli(['runs', '--kind', 'support-thread', '--json'], env(dataDir))).stdout,
    ) as {
      id: string;
      status: string;
    }[];
    const runId = runs[0]?.id ?? '';
    expect(runs[0]?.status).toBe('running');

    // While the process lives, the run is its own.
    const busy = await runCli(['resume', runId], env(dataDir, first.baseURL));
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(new RegExp(`Run ${runId} is being driven by process ${child.pid}`));

    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');

    // The run's model, not another.
    const offline = await runCli(['resume', runId], env(dataDir));
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain(
      `support thread ${runId} ran with openai:test-model; resume it with LODESTONE_MODEL=openai:test-model (now offline)`,
    );

    const second = await server(DECISIONS.slice(5));
    const resumed = await runCli(['resume', runId, '--json'], env(dataDir, second.baseURL));
    expect(resumed.code, resumed.stderr).toBe(0);
    second.assertComplete();
    // Only the two decisions that never completed were asked for; the first is the interrupted request again.
    expect(second.requestCount).toBe(2);
    const completed = first.requests.slice(0, 5).map((r) => JSON.stringify(r.body.messages));
    for (const request of second.requests)
      expect(completed).not.toContain(JSON.stringify(request.body.messages));
    expect(second.requests[0]?.body.messages).toEqual(first.requests[5]?.body.messages);

    const out = JSON.parse(resumed.stdout) as ThreadJson;
    expect(out).toMatchObject({ runId, state: 'resolved' });
    expect(out.replies.map((r) => r.text)).toEqual(
      SAMPLE_THREAD_DECISIONS.filter((d) => d.kind === 'reply').map((d) => d.text),
    );
    const leads = openSqliteLeadStore(join(dataDir, 'leads.sqlite'));
    try {
      expect(leads.list().map((l) => l.id)).toEqual([out.lead?.products[0]?.leadId]);
      expect(out.lead?.products[0]?.created).toBe(true);
    } finally {
      leads.close();
    }

    const replay = await runCli(['replay', runId], env(dataDir));
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toContain(
      '0 model calls, 7 answered from the journal; resolved; replies and actions identical to the journaled run',
    );
    const cost = JSON.parse((await runCli(['show', runId, '--cost', '--json'], env(dataDir))).stdout) as {
      run: { status: string };
      cost: { total: { calls: number } };
    };
    expect(cost).toMatchObject({ run: { status: 'resolved' }, cost: { total: { calls: 7 } } });

    // Settled now: a second resume is refused.
    const settled = await runCli(['resume', runId], env(dataDir, second.baseURL));
    expect(settled.code).toBe(2);
    expect(settled.stderr).toContain(
      `a resolved thread is settled: replay it with lodestone replay ${runId}`,
    );
    expect(second.requestCount).toBe(2);
  }, 240_000);
});
