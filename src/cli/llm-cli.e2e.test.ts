/**
 * `lodestone` in LLM mode, end to end: the real CLI process, the real ChatOpenAI client, a real
 * HTTP endpoint on 127.0.0.1 (one loopback server per agent behind a router). Covers plan,
 * replay, show --cost, resume after SIGKILL, configuration errors, budgets, and that a whole run
 * opens no connection but to the configured endpoint.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAgentLoopbackRouter, type AgentLoopbackRouter } from '../app/agent-loopback-router.js';
import { loopbackSteps, PLANNING_AGENTS, planScript, type PlanScript } from '../app/llm-plan-fixtures.js';
import { isoDate, Plan } from '../core/index.js';
import { testAgentContext } from '../testing/index.js';
import { cliEnv, spawnCli } from './test-cli.js';

const GOAL = 'Sell our ceramic tableware this month, budget 3000 GBP per day, keep CPA under 12 GBP';
const dataDir = mkdtempSync(join(tmpdir(), 'lodestone-llm-cli-'));
const TOOLS: Record<string, string[]> = {
  'brief-parser': ['catalog_search'],
  'creative-analyst': ['price_band', 'score_copy'],
  'audience-reasoner': ['next_buyers', 'association_rules', 'user_history'],
  'bid-strategist': ['allocate_budget', 'split_budget_over_hours', 'target_cpa_bid'],
};

/** Logs every socket connection and DNS lookup of the CLI process to $NET_LOG. */
const NET_LOG_PRELOAD = `
import fs from 'node:fs'; import net from 'node:net'; import dns from 'node:dns';
const log = (line) => fs.appendFileSync(process.env.NET_LOG, line + '\\n');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  log(typeof first === 'object' && first !== null ? (first.path ?? (first.host ?? 'localhost') + ':' + first.port) : (args[1] ?? 'localhost') + ':' + first);
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) { log('dns:' + host); return lookup.call(this, host, ...rest); };
`;

let plan: PlanScript;
let router: AgentLoopbackRouter | undefined;
beforeAll(async () => {
  // The CLI reads "this month" against its own clock (UTC date), so the scripted plan must too.
  plan = await planScript(GOAL, testAgentContext({ today: isoDate(new Date()) }));
});
afterEach(async () => {
  await router?.close();
  router = undefined;
});

const scripts = (agents: readonly string[] = PLANNING_AGENTS) =>
  Object.fromEntries(agents.map((a) => [a, loopbackSteps(a, plan.turns[a as keyof PlanScript['turns']])]));

const env = (extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => ({
  ...cliEnv(dataDir),
  ...extra,
});

const llmEnv = (r: AgentLoopbackRouter, extra: Record<string, string> = {}) =>
  env({
    LODESTONE_MODEL: 'openai:gpt-4o-mini',
    OPENAI_BASE_URL: r.baseURL,
    OPENAI_API_KEY: 'sk-test-key',
    ...extra,
  });

/** Runs the CLI without blocking this process (the loopback servers live here). */
function cli(args: string[], environment: NodeJS.ProcessEnv, nodeArgs: string[] = []) {
  return spawnCli(args, environment, { nodeArgs });
}
const run = (args: string[], environment: NodeJS.ProcessEnv, nodeArgs: string[] = []) =>
  cli(args, environment, nodeArgs).done;

describe('lodestone plan in LLM mode, through ChatOpenAI against a loopback endpoint', () => {
  it('plans, sends each agent’s model name, tools and conversation, and connects to nothing else; replay and show --cost follow', async () => {
    router = await startAgentLoopbackRouter(scripts());
    const dir = mkdtempSync(join(tmpdir(), 'lodestone-net-'));
    writeFileSync(join(dir, 'net-log.mjs'), NET_LOG_PRELOAD);
    const netLog = join(dir, 'net.log');
    writeFileSync(netLog, '');
    const r = await run(['plan', GOAL, '--yes', '--json'], { ...llmEnv(router), NET_LOG: netLog }, [
      '--import',
      join(dir, 'net-log.mjs'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = Plan.parse(JSON.parse(r.stdout));
    expect(out.status).toBe('planned');
    expect(out.brief).toEqual(plan.brief);
    expect(out.bidPlan).toEqual(plan.bidPlan);
    for (const server of Object.values(router.servers)) server.assertComplete();

    for (const agent of PLANNING_AGENTS) {
      const requests = router.requestsOf(agent);
      expect(requests).toHaveLength(plan.turns[agent].length);
      for (const { body, headers } of requests) {
        expect(body.model).toBe('gpt-4o-mini');
        expect(headers.authorization).toBe('Bearer sk-test-key');
        expect(body.stream_options).toEqual({ include_usage: true });
        expect(body.tools?.map((t) => t.function.name)).toEqual(TOOLS[agent]);
      }
      const [first, second] = requests;
      expect(first?.body.messages?.map((m) => m.role)).toEqual(['system', 'user']);
      expect(second?.body.messages?.slice(0, 3).map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
      expect(second?.body.messages?.slice(3).every((m) => m.role === 'tool')).toBe(true);
    }
    const userMessage = router.requestsOf('bid-strategist')[0]?.body.messages?.[1]?.content;
    expect(String(userMessage)).toContain('"dailyBudget": 3000');

    // No connection but to the configured endpoint (the memory embeds offline; no tokenizer, no tracing).
    const targets = readFileSync(netLog, 'utf8').split('\n').filter(Boolean);
    const remote = targets.filter((t) => !t.startsWith('/'));
    expect(remote.length).toBeGreaterThan(0);
    expect(new Set(remote)).toEqual(new Set([router.origin.replace('http://', '')]));

    // Replay: zero requests, byte-identical plan JSON, with or without an endpoint configured.
    const count = router.requests.length;
    const replay = await run(['replay', out.runId, '--json'], llmEnv(router));
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toBe(r.stdout);
    expect(router.requests.length).toBe(count);
    const offlineReplay = await run(['replay', out.runId], env());
    expect(offlineReplay.stdout).toMatch(/0 model calls, 8 answered from the journal; planned; identical/);

    const cost = await run(['show', out.runId, '--cost'], env());
    expect(cost.code, cost.stderr).toBe(0);
    for (const agent of PLANNING_AGENTS) expect(cost.stdout).toContain(agent);
    expect(cost.stdout).toMatch(/per tool[\s\S]*next_buyers[\s\S]*total: 8 model calls/);
    const json = JSON.parse((await run(['show', out.runId, '--cost', '--json'], env())).stdout) as {
      cost: { total: { calls: number; totalTokens: number; usd: number } };
    };
    expect(json.cost.total.calls).toBe(8);
    expect(json.cost.total.usd).toBeGreaterThan(0);
  }, 180_000);

  it('resumes a run killed mid-way (SIGKILL) without repeating any completed model call', async () => {
    router = await startAgentLoopbackRouter(scripts());
    router.hold('bid-strategist');
    const { child, done } = cli(['plan', GOAL, '--yes', '--json'], llmEnv(router));
    const deadline = Date.now() + 120_000;
    while (router.requestsOf('bid-strategist').length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(router.requestsOf('bid-strategist')).toHaveLength(1);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');

    const runs = JSON.parse((await run(['runs', '--json'], env())).stdout) as {
      id: string;
      status: string;
    }[];
    const killed = runs[0]!;
    expect(killed.status).toBe('running');

    const second = await startAgentLoopbackRouter(scripts(['bid-strategist']));
    try {
      const resumed = await run(['resume', killed.id, '--json'], llmEnv(second));
      expect(resumed.code, resumed.stderr).toBe(0);
      const out = Plan.parse(JSON.parse(resumed.stdout));
      expect(out).toMatchObject({ runId: killed.id, status: 'planned' });
      expect(out.bidPlan).toEqual(plan.bidPlan);
      // Only the call that never completed (the bid strategist's) was made again.
      expect(second.requests.map((x) => x.agent)).toEqual(['bid-strategist', 'bid-strategist']);
      second.servers['bid-strategist']?.assertComplete();
    } finally {
      await second.close();
    }
  }, 180_000);

  it('an exhausted budget ends the run as failed (exit 1) with a typed error, journal intact', async () => {
    router = await startAgentLoopbackRouter(scripts(['brief-parser']));
    const r = await run(['plan', GOAL, '--json'], llmEnv(router, { LODESTONE_AGENT_BUDGET_STEPS: '1' }));
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as {
      runId: string;
      error: { code: string; budget: string; scope: string };
    };
    expect(body.error).toMatchObject({ code: 'BUDGET_EXCEEDED', budget: 'steps', scope: 'agent' });
    expect(router.requestsOf('brief-parser')).toHaveLength(1);
    const shown = JSON.parse((await run(['show', body.runId, '--json', '--journal'], env())).stdout) as {
      run: { status: string };
      entries: { type: string }[];
    };
    expect(shown.run.status).toBe('failed');
    expect(shown.entries.map((e) => e.type)).toEqual(
      expect.arrayContaining(['llm.model.responded', 'llm.tool.result', 'llm.loop.failed', 'run.failed']),
    );
  }, 120_000);
});

describe('LLM mode configuration is checked before the first call (exit 2)', () => {
  it('a bad model id, a missing key, or LangChain tracing', async () => {
    const bad = await run(['plan', GOAL, '--yes'], env({ LODESTONE_MODEL: 'gpt-4o' }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /LODESTONE_MODEL: expected offline, or openai:<model> \(e\.g\. openai:gpt-4o-mini/,
    );

    const keyless = await run(
      ['plan', GOAL, '--yes', '--json'],
      env({ LODESTONE_MODEL: 'openai:gpt-4o-mini', OPENAI_BASE_URL: 'https://llm.example.com/v1' }),
    );
    expect(keyless.code).toBe(2);
    expect(JSON.parse(keyless.stdout)).toMatchObject({ error: { code: 'BAD_CONFIG' } });
    expect(keyless.stdout).toContain('OPENAI_API_KEY: required for https://llm.example.com/v1');

    const traced = await run(
      ['plan', GOAL, '--yes'],
      env({ LODESTONE_MODEL: 'openai:gpt-4o-mini', OPENAI_API_KEY: 'k', LANGSMITH_TRACING: 'true' }),
    );
    expect(traced.code).toBe(2);
    expect(traced.stderr).toMatch(/LANGSMITH_TRACING: is on, which would make LangChain send every prompt/);
  }, 60_000);
});
