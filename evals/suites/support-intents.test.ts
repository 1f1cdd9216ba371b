import { describe, expect, it } from 'vitest';
import { loadOrTrainIntentModel } from '../../agents/customer-service/index.js';
import { ScriptedChatModel, script } from '../../src/testing/index.js';
import { SCRIPTED_MODEL, scriptedLlmContext } from '../llm/index.js';
import { supportIntents } from './support-intents.js';

describe('support-intents suite', () => {
  it('evaluates on the classifier’s held-out split, tagging the Bitext slices', async () => {
    const { tasks, hash } = await supportIntents.dataset({ seed: '1' });
    const test = tasks.filter((t) => t.split === 'test');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(test.length).toBeGreaterThan(0.15 * tasks.length);
    expect(test.length).toBeLessThan(0.25 * tasks.length);
    expect(test.some((t) => t.slices.includes('colloquial'))).toBe(true);
    expect(tasks.filter((t) => t.split === 'train').every((t) => !t.slices.includes('unseenText'))).toBe(
      true,
    );
  });

  it('scores accuracy per slice and macro-F1 over the trials', () => {
    const task = {
      id: 'x',
      split: 'test' as const,
      text: 'cancel my order',
      intent: 'cancel_order',
      slices: ['typos'] as const,
    };
    const right = supportIntents.score({ ...task, slices: [...task.slices] }, 'cancel_order');
    expect(right.metrics).toEqual({ accuracy: 1, 'accuracy:typos': 1 });
    const wrong = supportIntents.score({ ...task, slices: [] }, 'track_order');
    const aggregate = supportIntents.aggregate!([
      { taskId: 'a', trial: 0, score: right },
      { taskId: 'b', trial: 0, score: wrong },
    ]);
    expect(aggregate.macroF1).toBeCloseTo((2 / 3 + 0) / 2, 4);
    expect(aggregate['macroF1:typos']).toBe(1);
  });
});

describe('support-intents LLM policy (scripted model)', () => {
  const llm = supportIntents.llm!(SCRIPTED_MODEL);
  const task = {
    id: 'x',
    split: 'test' as const,
    text: 'I want my money back for this order',
    intent: 'get_refund',
    slices: [],
  };
  const env = { classifier: loadOrTrainIntentModel().classifier, centroids: new Map() };

  it('offers the classifier’s intents, re-asks an intent off the list, and scores the answer', async () => {
    const model = new ScriptedChatModel([
      script.json({ intent: 'money_back' }),
      script.json({ intent: 'get_refund' }),
    ]);
    const predicted = await llm.run(task, scriptedLlmContext('support-intents', env, model));
    model.assertComplete();
    expect(predicted).toBe('get_refund');
    expect(supportIntents.score(task, predicted).pass).toBe(true);
    const prompt = JSON.stringify(model.calls[0]?.messages.map((m) => m.content));
    for (const intent of env.classifier.intents) expect(prompt).toContain(intent);
    expect(JSON.stringify(model.calls[1]?.messages.at(-1)?.content)).toContain('get_refund');
  });

  it('scores a model that never gives a listed intent as wrong, not as an error', async () => {
    const model = new ScriptedChatModel(Array.from({ length: 4 }, () => script.json({ intent: 'nope' })));
    const predicted = await llm.run(task, scriptedLlmContext('support-intents', env, model));
    expect(predicted).toBe('');
    expect(supportIntents.score(task, predicted).pass).toBe(false);
  });
});
