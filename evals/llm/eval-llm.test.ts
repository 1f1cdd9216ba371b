import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLlmPolicy } from '../../agents/llm/index.js';
import { FINAL, TOOLS } from '../../agents/llm/test-fixtures.js';
import { AudienceSegment, loadConfig } from '../../src/core/index.js';
import { ScriptedChatModel, script } from '../../src/testing/index.js';
import {
  CacheMissError,
  CostMeter,
  InfraError,
  seededRandom,
  type CachePolicy,
  type TrialContext,
} from '../harness/index.js';
import { withEvalLlm } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'lodestone-eval-llm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = loadConfig({
  LODESTONE_MODEL: 'openai:gpt-4o-mini',
  OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
  OPENAI_API_KEY: 'sk-never-written',
});
const agent = {
  name: 'toy-reasoner',
  output: z.object({ segments: z.array(AudienceSegment) }),
  tools: ['association_rules', 'user_history'],
};
const policy = createLlmPolicy(agent, { instructions: 'Find segments.' });
const input = { productId: '22720' };
const steps = () => [
  script.toolCalls(
    { name: 'association_rules', args: { productId: '22720' } },
    { name: 'user_history', args: { userId: '17850' } },
  ),
  script.json(FINAL, { input: 1000, output: 200 }),
];

function trial(
  n: number,
  chat: ScriptedChatModel,
  cache: CachePolicy,
  cacheDir: string,
): TrialContext<undefined> {
  return {
    suite: 'toy',
    policy: 'openai:gpt-4o-mini',
    trial: n,
    seed: 100 + n,
    random: seededRandom(100 + n),
    env: undefined,
    meter: new CostMeter(),
    llm: { config, cache, cacheDir, chat },
  };
}
const run = (ctx: TrialContext<undefined>, tools = TOOLS) =>
  withEvalLlm(ctx, tools, async (deps) => (await policy(input, deps)).output);

describe('the eval record/replay cache in the LLM tool loop', () => {
  it('records live calls with their cost, then replays them with no model call, the same answer and the same nominal cost', async () => {
    const dir = join(root, 'replay');
    const live = new ScriptedChatModel(steps(), { model: 'gpt-4o-mini' });
    const first = trial(0, live, 'auto', dir);
    expect(await run(first)).toEqual(FINAL);
    live.assertComplete();
    const recorded = first.meter.cost();
    expect(recorded).toMatchObject({ calls: 2, cachedCalls: 0 });
    expect(recorded.byAgent['toy-reasoner']?.calls).toBe(2);
    expect(recorded.inputTokens).toBeGreaterThan(1000);
    // gpt-4o-mini list price: $0.15 / $0.60 per 1M tokens.
    expect(recorded.usd).toBeCloseTo(
      (recorded.inputTokens * 0.15 + recorded.outputTokens * 0.6) / 1_000_000,
      12,
    );
    const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json'));
    expect(files).toHaveLength(2);
    const entry = readFileSync(join(dir, String(files[0])), 'utf8');
    expect(entry).toContain('"model": "openai:gpt-4o-mini"');
    expect(entry).toContain('"seed": 100');
    expect(entry).not.toContain('sk-never-written');

    const none = new ScriptedChatModel([], { model: 'gpt-4o-mini' });
    const again = trial(0, none, 'replay', dir);
    expect(await run(again)).toEqual(FINAL);
    expect(none.calls).toHaveLength(0);
    expect({ ...again.meter.cost(), byAgent: {} }).toEqual({ ...recorded, cachedCalls: 2, byAgent: {} });
    expect(again.meter.cost().byAgent['toy-reasoner']).toEqual({
      ...recorded.byAgent['toy-reasoner'],
      cachedCalls: 2,
    });
  });

  it('keys on the trial and the tools: a replay of another trial, or with a changed tool, misses and calls nothing', async () => {
    const dir = join(root, 'miss');
    await run(trial(0, new ScriptedChatModel(steps()), 'auto', dir));
    const none = new ScriptedChatModel([]);
    const miss = run(trial(1, none, 'replay', dir));
    await expect(miss).rejects.toThrow(CacheMissError);
    await expect(miss).rejects.toThrow(
      /No recorded model call for openai:gpt-4o-mini \(trial 1, key [0-9a-f]{12}\).*--cache auto/,
    );
    const changed = TOOLS.map((t) =>
      t.name === 'user_history' ? { ...t, description: 'Another text.' } : t,
    );
    await expect(run(trial(0, none, 'replay', dir), changed)).rejects.toThrow(CacheMissError);
    expect(none.calls).toHaveLength(0);
    // Under auto the other trial is a fresh, live sample.
    const fresh = new ScriptedChatModel(steps());
    await run(trial(1, fresh, 'auto', dir));
    expect(fresh.calls).toHaveLength(2);
  });

  it('off records nothing; record calls even when a recording exists', async () => {
    const dir = join(root, 'off');
    await run(trial(0, new ScriptedChatModel(steps()), 'off', dir));
    expect(() => readdirSync(dir)).toThrow();
    await run(trial(0, new ScriptedChatModel(steps()), 'record', dir));
    const again = new ScriptedChatModel(steps());
    await run(trial(0, again, 'record', dir));
    expect(again.calls).toHaveLength(2);
  });

  it('turns an endpoint that keeps failing into an infrastructure error (retried by the harness, not blamed on the policy)', async () => {
    const failing = new ScriptedChatModel([script.httpError(401, 'bad key')]);
    await expect(run(trial(0, failing, 'off', join(root, 'fail')))).rejects.toThrow(InfraError);
  });
});
