import { describe, expect, it } from 'vitest';
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
