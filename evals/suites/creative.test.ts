import { describe, expect, it } from 'vitest';
import { creativeAnalyst } from '../../agents/creative-analyst/index.js';
import { ScriptedChatModel, script } from '../../src/testing/index.js';
import { CATEGORIES } from '../../tools/catalog/index.js';
import { CostMeter, seededRandom } from '../harness/index.js';
import { SCRIPTED_MODEL, scriptedLlmContext } from '../llm/index.js';
import { creative } from './creative.js';

describe('creative suite', () => {
  it('has at least 50 hand-labelled products with valid labels in both splits', async () => {
    const { tasks } = await creative.dataset({ seed: '1' });
    expect(tasks.length).toBeGreaterThanOrEqual(50);
    expect(tasks.every((t) => CATEGORIES.includes(t.category))).toBe(true);
    expect(tasks.some((t) => t.split === 'train') && tasks.some((t) => t.split === 'test')).toBe(true);
  });

  it('scores each field and takes the baseline from the train split only', async () => {
    const dataset = await creative.dataset({ seed: '1' });
    const env = await creative.setup!(dataset, { seed: '1' });
    const train = dataset.tasks.filter((t) => t.split === 'train');
    const count = (f: 'category' | 'priceBand' | 'season', v: string) =>
      train.filter((t) => t[f] === v).length;
    for (const f of ['category', 'priceBand', 'season'] as const)
      for (const t of train) expect(count(f, env.majority[f])).toBeGreaterThanOrEqual(count(f, t[f]));
    const task = dataset.tasks.find((t) => t.id === '22943')!; // CHRISTMAS LIGHTS 10 VINTAGE BAUBLES
    const ctx = {
      suite: 'creative',
      policy: 'offline',
      trial: 0,
      seed: 0,
      random: seededRandom(0),
      env,
      meter: new CostMeter(),
    };
    const output = await creative.run(task, ctx);
    const score = creative.score(task, output);
    expect(score.metrics.season).toBe(1);
    expect(creative.score(task, { ...output, season: 'summer' }).metrics.season).toBe(0);
  });
});

describe('creative LLM policy', () => {
  it('scores the season the model gives; category and price band come from the catalog and price_band', async () => {
    const dataset = await creative.dataset({ seed: '1' });
    const env = await creative.setup!(dataset, { seed: '1' });
    const task = dataset.tasks.find((t) => t.id === '22943')!; // CHRISTMAS LIGHTS 10 VINTAGE BAUBLES
    const { insights } = await creativeAnalyst.run({ productIds: [task.id] }, env.ctx);
    const answer = (season: string) =>
      script.json({ insights: [{ ...insights[0]!, season, category: 'garden', priceBand: 'premium' }] });
    const policy = creative.llm!(SCRIPTED_MODEL);
    const model = new ScriptedChatModel([answer(task.season), answer('summer')]);
    const right = await policy.run(task, scriptedLlmContext('creative', env, model));
    expect(creative.score(task, right)).toMatchObject({ pass: true, metrics: { all: 1 } });
    const wrong = await policy.run(task, scriptedLlmContext('creative', env, model));
    model.assertComplete();
    expect(creative.score(task, wrong).metrics).toEqual({ category: 1, priceBand: 1, season: 0, all: 0 });
  });

  it('scores an answer that never passes the checks as wrong on every field, saying why', async () => {
    const dataset = await creative.dataset({ seed: '1' });
    const env = await creative.setup!(dataset, { seed: '1' });
    const task = dataset.tasks[0]!;
    const model = new ScriptedChatModel(Array.from({ length: 4 }, () => script.json({ insights: [] })));
    const output = await creative.llm!(SCRIPTED_MODEL).run(task, scriptedLlmContext('creative', env, model));
    const score = creative.score(task, output);
    expect(score.metrics.all).toBe(0);
    expect(score.details).toMatchObject({ failed: { code: 'INVALID_MODEL_OUTPUT' } });
  });
});
