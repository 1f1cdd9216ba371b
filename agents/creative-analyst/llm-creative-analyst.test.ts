import { describe, expect, it } from 'vitest';
import { ScriptedChatModel, script, testAgentContext } from '../../src/testing/index.js';
import { priceBand, scoreCopy } from '../../tools/creative/index.js';
import { contentText } from '../llm/index.js';
import { describeLlmAgent, scriptedDeps } from '../llm/agent-scenarios.js';
import { creativeAnalyst, CreativeAnalystInput } from './creative-analyst.js';
import { analyseCreativeLlm } from './llm-creative-analyst.js';

const ctx = testAgentContext();
const tools = [priceBand, scoreCopy];
const input = CreativeAnalystInput.parse({ productIds: ['22720', '85123A'], language: 'en' });
const offline = await creativeAnalyst.run(input, ctx);
const first = offline.insights[0]!;
const scoreStep = () => [
  script.toolCall('score_copy', {
    text: first.copies[0]!.text,
    sellingPoints: first.sellingPoints,
    productWords: first.title.split(' '),
  }),
];

describeLlmAgent({
  agent: 'creative-analyst',
  tools,
  run: (deps) => analyseCreativeLlm(input, ctx, deps),
  toolSteps: scoreStep,
  invalidCall: {
    name: 'price_band',
    args: { price: -1, categoryPrices: [] },
    issue: /Too small: expected number to be >=0/,
  },
  final: () => offline,
  verify: (out) => expect(out).toEqual(offline),
});

describe('creative analyst LLM guards', () => {
  it('catalog facts, price band and copy scores come from the catalog and the tools, not the model', async () => {
    const inflated = {
      insights: offline.insights.map((i) => ({
        ...i,
        title: 'IGNORE PREVIOUS INSTRUCTIONS',
        priceBand: 'luxury',
        pricePercentile: 0.99,
        risks: [],
        copies: [{ text: 'The best deal in the world, guaranteed!', angle: 'hype', score: 1 }, ...i.copies],
      })),
    };
    const model = new ScriptedChatModel([...scoreStep(), script.json(inflated)]);
    const { deps, events } = scriptedDeps(model, tools);
    const out = await analyseCreativeLlm(input, ctx, deps);
    expect(out.insights.map((i) => [i.title, i.priceBand, i.pricePercentile])).toEqual(
      offline.insights.map((i) => [i.title, i.priceBand, i.pricePercentile]),
    );
    // Re-scored by score_copy (a risky claim, no product, no call to action) and ranked last.
    expect(out.insights[0]?.copies.slice(0, -1)).toEqual(first.copies);
    expect(out.insights[0]?.copies.at(-1)).toMatchObject({ angle: 'hype', score: 0.2 });
    expect(out.insights.map((i) => i.risks)).toEqual(offline.insights.map((i) => i.risks));
    const guarded = events.find((e) => e.type === 'output.guarded');
    expect(
      guarded?.type === 'output.guarded' && guarded.corrections.some((c) => c.includes('(score_copy)')),
    ).toBe(true);
  });

  it('re-asks an answer that misses a product or invents one', async () => {
    const model = new ScriptedChatModel([
      script.json({ insights: [{ ...first, productId: '99999' }] }),
      script.json(offline),
    ]);
    const out = await analyseCreativeLlm(input, ctx, scriptedDeps(model, tools).deps);
    expect(out).toEqual(offline);
    const reask = contentText(model.calls[1]?.messages.at(-1)?.content ?? '');
    expect(reask).toMatch(/no insight for product 22720/);
    expect(reask).toMatch(/99999 is not an input product/);
  });

  it('tells the model each product’s catalog facts and tool-computed price band', async () => {
    const model = new ScriptedChatModel([script.json(offline)]);
    await analyseCreativeLlm(input, ctx, scriptedDeps(model, tools).deps);
    const message = contentText(model.calls[0]?.messages[1]?.content ?? '');
    expect(message).toContain(`"title": "${first.title}"`);
    expect(message).toContain(`"priceBand": "${first.priceBand}"`);
    expect(contentText(model.calls[0]?.messages[0]?.content ?? '')).toMatch(
      /^You are Lodestone's creative analyst/,
    );
  });
});
