import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ScriptedChatModel } from '../../src/testing/index.js';
import { defineTool } from '../../tools/define-tool.js';
import { priceBand, scoreCopy } from '../../tools/creative/index.js';
import { allocateBudget, splitBudgetOverHours } from '../../tools/planning/index.js';
import { toLangChainTool, toLangChainTools } from './index.js';

describe('toLangChainTool', () => {
  it('offers the real tools to a model with their names, descriptions and JSON schemas', () => {
    const model = new ScriptedChatModel().bindTools(
      toLangChainTools([priceBand, scoreCopy, splitBudgetOverHours, allocateBudget]),
    );
    expect(model.tools.map((t) => t.name)).toEqual([
      'price_band',
      'score_copy',
      'split_budget_over_hours',
      'allocate_budget',
    ]);
    for (const spec of model.tools) {
      expect(spec.description.length).toBeGreaterThan(0);
      expect(spec.parameters).toMatchObject({ type: 'object' });
    }
  });

  it('runs the descriptor with input and output validated, returning JSON', async () => {
    const double = defineTool({
      name: 'double',
      description: 'Doubles a number',
      input: z.object({ x: z.number().max(10) }),
      output: z.object({ y: z.number() }),
      run: ({ x }) => ({ y: 2 * x }),
    });
    const lc = toLangChainTool(double);
    expect(await lc.invoke({ x: 2 })).toBe('{"y":4}');
    await expect(lc.invoke({ x: 50 })).rejects.toThrow(/did not match expected schema/);
  });

  it('refuses a tool whose input is not an object schema', () => {
    const bad = defineTool({
      name: 'bad',
      description: 'x',
      input: z.string(),
      output: z.string(),
      run: (s) => s,
    });
    expect(() => toLangChainTool(bad)).toThrow(/must be a z\.object/);
  });
});
