import { describe, expect, it } from 'vitest';
import { testPlan } from '../testing/index.js';
import { renderPlan } from './render.js';

describe('renderPlan', () => {
  it('says a budget is per day, week or month, or in total', async () => {
    const plan = await testPlan();
    expect(renderPlan(plan)).toContain('Budget:     3,000 GBP per day');
    const total = {
      ...plan,
      brief: { ...plan.brief, budget: { ...plan.brief.budget, period: 'total' as const } },
    };
    const text = renderPlan(total);
    expect(text).toContain('Budget:     3,000 GBP in total');
    expect(text).not.toContain('per total');
  });
});
