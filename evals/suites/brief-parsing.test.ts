import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScriptedChatModel, script } from '../../src/testing/index.js';
import { CostMeter, seededRandom } from '../harness/index.js';
import { SCRIPTED_MODEL, scriptedLlmContext } from '../llm/index.js';
import { briefParsing } from './brief-parsing.js';

const ctx = {
  suite: 'brief-parsing',
  policy: 'offline',
  trial: 0,
  seed: 0,
  random: seededRandom(0),
  env: undefined,
  meter: new CostMeter(),
};

describe('brief-parsing gold', () => {
  it('has at least 60 goals in English, Chinese and both, split train/test within each language', async () => {
    const { tasks, hash } = await briefParsing.dataset({ seed: '1' });
    expect(tasks.length).toBeGreaterThanOrEqual(60);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    for (const language of ['en', 'zh', 'mixed'] as const) {
      const mine = tasks.filter((t) => t.language === language);
      expect(mine.filter((t) => t.split === 'train').length).toBeGreaterThan(5);
      expect(mine.filter((t) => t.split === 'test').length).toBeGreaterThan(5);
    }
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
  });
});

describe('brief-parsing scoring', () => {
  it('scores a refused goal as wrong on every field', async () => {
    const { tasks } = await briefParsing.dataset({ seed: '1' });
    const task = tasks[0]!;
    const score = briefParsing.score(task, { refused: { code: 'BAD_GOAL', message: 'no budget' } });
    expect(score.pass).toBe(false);
    expect(Object.values(score.metrics).every((v) => v === 0)).toBe(true);
  });
  it('the parser gets most goals exactly right and the naive baseline none', async () => {
    const { tasks } = await briefParsing.dataset({ seed: '1' });
    let exact = 0;
    let baseline = 0;
    for (const task of tasks) {
      if (briefParsing.score(task, await briefParsing.run(task, ctx)).pass) exact++;
      if (briefParsing.score(task, await briefParsing.baseline!.run(task, ctx)).pass) baseline++;
    }
    // Measured: 62 of 72 at first, 72 of 72 after the parser fixes these goals prompted (so the
    // test split is no longer held out for those three goals; see data/evals/brief-parsing).
    expect(exact / tasks.length).toBeGreaterThan(0.8);
    expect(baseline).toBe(0);
  });
});

describe('brief-parsing LLM policy', () => {
  const policy = briefParsing.llm!(SCRIPTED_MODEL);
  const firstRight = async () => {
    const { tasks } = await briefParsing.dataset({ seed: '1' });
    for (const task of tasks.filter((t) => t.split === 'test')) {
      const output = await briefParsing.run(task, ctx);
      if ('brief' in output && briefParsing.score(task, output).pass) return { task, brief: output.brief };
    }
    throw new Error('no goal the offline parser gets right');
  };

  it('scores the model’s brief: right when it is, a wrong objective costs that field and the exact match', async () => {
    const { task, brief } = await firstRight();
    const answer = { ...brief, productIds: [] };
    const model = new ScriptedChatModel([script.json(answer)]);
    const llmCtx = scriptedLlmContext('brief-parsing', undefined, model);
    const right = await policy.run(task, llmCtx);
    model.assertComplete();
    expect(briefParsing.score(task, right)).toMatchObject({ pass: true, metrics: { exact: 1 } });
    expect(llmCtx.meter.cost()).toMatchObject({ calls: 1, cachedCalls: 0 });
    expect(llmCtx.meter.cost().byAgent['brief-parser']?.usd).toBeGreaterThan(0);

    const objective = brief.objective === 'awareness' ? 'sales' : 'awareness';
    const wrong = await policy.run(
      task,
      scriptedLlmContext(
        'brief-parsing',
        undefined,
        new ScriptedChatModel([script.json({ ...answer, objective })]),
      ),
    );
    const score = briefParsing.score(task, wrong);
    expect(score.pass).toBe(false);
    expect(score.metrics).toMatchObject({ 'field:objective': 0, 'field:budget.amount': 1, exact: 0 });
  });

  it('scores an answer that never passes the agent’s checks as a refusal, every field wrong', async () => {
    const { task } = await firstRight();
    const model = new ScriptedChatModel(Array.from({ length: 4 }, () => script.reply('not JSON')));
    const output = await policy.run(task, scriptedLlmContext('brief-parsing', undefined, model));
    expect(output).toMatchObject({ refused: { code: 'INVALID_MODEL_OUTPUT' } });
    expect(briefParsing.score(task, output).metrics.exact).toBe(0);
  });
});

describe('brief-parsing held-out goals', () => {
  it('reads heldout.jsonl unchanged since it was frozen: 45 test goals, 15 per language', async () => {
    // Frozen 2026-11-29 before the parser was run on it; never edit it to match the parser.
    const file = new URL('../../data/evals/brief-parsing/heldout.jsonl', import.meta.url);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(
      '2aeb4fc41e003d1ffa3cf5a2d4e71a09fd6a6f01ac6163cffb96475144670f8b',
    );
    const { tasks } = await briefParsing.dataset({ seed: '1' });
    const heldout = tasks.filter((t) => t.set === 'heldout');
    expect(heldout).toHaveLength(45);
    expect(heldout.every((t) => t.split === 'test')).toBe(true);
    for (const language of ['en', 'zh', 'mixed'] as const)
      expect(heldout.filter((t) => t.language === language)).toHaveLength(15);
    expect(tasks.filter((t) => t.set === 'test-legacy')).toHaveLength(36);
    // 36 train goals at first, 52 more (2026-12-06) of the kinds the held-out goals exposed.
    expect(tasks.filter((t) => t.set === 'train')).toHaveLength(88);
  });
  it('reads heldout-v2 and both refusal sets unchanged since they were frozen', async () => {
    // Frozen 2026-12-06 before the parser was run on them (HELDOUT-V2.md).
    const sha = (name: string) =>
      createHash('sha256')
        .update(readFileSync(new URL(`../../data/evals/brief-parsing/${name}`, import.meta.url)))
        .digest('hex');
    expect(sha('heldout-v2.jsonl')).toBe('72f12cd4bc3854a2c41d5cd9f0ff2e8300e1f58b3fd43f72a7874212e04ff186');
    expect(sha('heldout-v2-refusals.jsonl')).toBe(
      '7bc3575a4ab47e109f7113def1c9efd9b2f3dfdc73b09f03a922a2f4f7d8bf02',
    );
    expect(sha('heldout-refusals.jsonl')).toBe(
      '94eaa8518dcf30bdf8de845cc7063804b1258c19b3d715485234849fc7ad5ec2',
    );
    const { tasks } = await briefParsing.dataset({ seed: '1' });
    const v2 = tasks.filter((t) => t.set === 'heldout-v2');
    expect(v2).toHaveLength(60);
    for (const language of ['en', 'zh', 'mixed'] as const)
      expect(v2.filter((t) => t.language === language)).toHaveLength(20);
    expect(tasks.filter((t) => t.set === 'refusals')).toHaveLength(5);
    expect(tasks.filter((t) => t.set === 'refusals-v2')).toHaveLength(8);
    expect(tasks.filter((t) => t.gold === null).every((t) => t.split === 'test')).toBe(true);
  });
  it('reports each held-out set apart from the legacy test goals, with field accuracy on the clean one', async () => {
    const { tasks } = await briefParsing.dataset({ seed: '1' });
    const v1 = tasks.find((t) => t.set === 'heldout')!;
    const v2 = tasks.find((t) => t.set === 'heldout-v2')!;
    const legacy = tasks.find((t) => t.set === 'test-legacy')!;
    const noBudget = { refused: { code: 'BAD_GOAL', message: 'no budget' } };
    expect(briefParsing.score(v1, noBudget).metrics['exact:heldout']).toBe(0);
    const refusedV2 = briefParsing.score(v2, noBudget);
    expect(refusedV2.metrics['exact:heldout-v2']).toBe(0);
    expect(refusedV2.metrics['heldout-v2:field:objective']).toBe(0);
    const scored = briefParsing.score(legacy, await briefParsing.run(legacy, ctx));
    expect(scored.metrics['exact:test-legacy']).toBeDefined();
    expect(Object.keys(scored.metrics).some((k) => k.startsWith('heldout'))).toBe(false);
  });
  it('passes a must-refuse goal only when the parser itself refuses it', async () => {
    const { tasks } = await briefParsing.dataset({ seed: '1' });
    const task = tasks.find((t) => t.set === 'refusals-v2')!;
    const refused = briefParsing.score(task, { refused: { code: 'BAD_GOAL', message: 'no budget' } });
    expect(refused).toMatchObject({ pass: true, metrics: { refused: 1, 'refused:refusals-v2': 1 } });
    // A model that failed to answer did not refuse the goal.
    const failed = briefParsing.score(task, { refused: { code: 'INVALID_MODEL_OUTPUT', message: 'x' } });
    expect(failed).toMatchObject({ pass: false, metrics: { refused: 0 } });
    // The first-number floor invents a budget: not a refusal, and its brief is shown.
    const floor = await briefParsing.baseline!.run(task, ctx);
    const answered = briefParsing.score(task, floor);
    expect(answered.pass).toBe(false);
    expect(answered.details).toHaveProperty('brief');
    expect(Object.keys(answered.metrics).some((k) => k.startsWith('exact') || k.startsWith('field'))).toBe(
      false,
    );
  });
});
