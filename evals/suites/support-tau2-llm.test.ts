import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrTrainIntentModel } from '../../agents/customer-service/index.js';
import { ScriptedChatModel, script } from '../../src/testing/index.js';
import { goldEndState, pristineStateHash, readTau2Retail } from '../datasets/tau2-retail.js';
import { CacheMissError, passHatK } from '../harness/index.js';
import { SCRIPTED_MODEL, scriptedLlmContext } from '../llm/index.js';
import { supportTau2 } from './support-tau2.js';
import { GoldPlayerModel } from './tau2-gold-player.js';

const { tasks } = readTau2Retail();
const env = { classifier: loadOrTrainIntentModel().classifier };
const llm = supportTau2.llm!(SCRIPTED_MODEL);
// Train tasks whose gold makes one, two and three writes.
const withWrites = (n: number) =>
  tasks.find((t) => t.split === 'train' && goldEndState(t).writes.length === n)!;

describe('support-tau2 in LLM mode (scripted model, no network)', () => {
  it('passes tasks with one, two and three writes when the model follows the policy, judged by the database end state', async () => {
    for (const task of [withWrites(1), withWrites(2), withWrites(3)]) {
      const model = new GoldPlayerModel(task);
      const ctx = scriptedLlmContext('support-tau2', env, model);
      const outcome = await llm.run(task, ctx);
      const score = supportTau2.score(task, outcome);
      expect(score.pass, `${task.id}: ${JSON.stringify(outcome.transcript)}`).toBe(true);
      expect(outcome.endHash).not.toBe(pristineStateHash());
      expect(score.metrics.wrongWrite).toBe(0);
      expect(model.calls).toBeGreaterThan(goldEndState(task).writes.length);
      // Every decision's tokens are on the trial's meter, under the customer-service agent.
      const agents = Object.keys(ctx.meter.cost().byAgent);
      expect(agents.some((a) => a.startsWith('customer-service/'))).toBe(true);
    }
  });

  it('gives pass^k over repeated trials from the trial seeds', async () => {
    const task = withWrites(1);
    const passes: boolean[] = [];
    for (let trial = 0; trial < 3; trial++) {
      const ctx = scriptedLlmContext('support-tau2', env, new GoldPlayerModel(task), {
        trial,
        seed: 100 + trial,
      });
      passes.push(supportTau2.score(task, await llm.run(task, ctx)).pass);
    }
    expect(passes).toEqual([true, true, true]);
    expect(passHatK(3, passes.filter(Boolean).length, 3)).toBe(1);
  });

  it("scores a model that refuses as a handoff that changed nothing (the model's own failure)", async () => {
    const task = withWrites(1);
    const refusals = Array.from({ length: 40 }, () => script.reply("I'm sorry, I can't help with that."));
    const outcome = await llm.run(
      task,
      scriptedLlmContext('support-tau2', env, new ScriptedChatModel(refusals)),
    );
    expect(outcome.handoff).toBe(true);
    expect(outcome.endHash).toBe(pristineStateHash());
    expect(supportTau2.score(task, outcome).pass).toBe(false);
  });

  it('stops the trial on an infrastructure fault instead of scoring a handoff (a replay-cache miss)', async () => {
    const task = withWrites(1);
    const base = scriptedLlmContext('support-tau2', env, new GoldPlayerModel(task));
    const ctx = {
      ...base,
      llm: { ...base.llm!, cache: 'replay' as const, cacheDir: mkdtempSync(join(tmpdir(), 'tau2-miss-')) },
    };
    await expect(llm.run(task, ctx)).rejects.toBeInstanceOf(CacheMissError);
  });
});
