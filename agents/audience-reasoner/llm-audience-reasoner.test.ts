import { describe, expect, it } from 'vitest';
import type { AudienceSegment } from '../../src/core/index.js';
import { ScriptedChatModel, script, testAgentContext } from '../../src/testing/index.js';
import { associationRulesTool } from '../../tools/audience/association-rules.js';
import { nextBuyersTool } from '../../tools/audience/next-buyers-tool.js';
import { userHistoryTool } from '../../tools/audience/user-history.js';
import { checkFaithfulness, contentText, InvalidModelOutputError } from '../llm/index.js';
import { describeLlmAgent, scriptedDeps } from '../llm/agent-scenarios.js';
import { AudienceReasonerInput, AudienceReasonerOutput } from './audience-reasoner.js';
import { CVR_BOUNDS, reasonAudienceLlm } from './llm-audience-reasoner.js';

const ctx = testAgentContext();
const P = '22720';
const tools = [nextBuyersTool(ctx.catalog), associationRulesTool(ctx.catalog), userHistoryTool(ctx.catalog)];
const [nextBuyers, rulesTool] = tools as [
  ReturnType<typeof nextBuyersTool>,
  ReturnType<typeof associationRulesTool>,
];
const input = AudienceReasonerInput.parse({ productIds: [P] });
const rules = rulesTool.call({ productId: P, direction: 'to', limit: 3 }).rules;
const next = nextBuyers.call({ productId: P, limit: 5 });

/** Two tool calls in one turn: the rules that lead to the product, and its likely next buyers. */
const lookups = () => [
  script.toolCalls(
    { name: 'association_rules', args: { productId: P, direction: 'to', limit: 3 } },
    { name: 'next_buyers', args: { productId: P, limit: 5 } },
  ),
];

/** A segment whose every cited ref is in the results of `lookups`. */
function faithful(overrides: Partial<AudienceSegment> = {}): AudienceSegment {
  return {
    name: 'Likely next buyers',
    kind: 'past-buyers',
    description: 'Past buyers of the cake tins, the likeliest to order them again.',
    productIds: [P],
    size: next.candidates,
    predictedBuyers: next.buyers.map((b) => ({ userId: b.userId, score: b.score })),
    predictedCvr: 0.04,
    reasoning: [
      {
        claim: 'These items lead to the cake tins in real baskets.',
        evidence: rules.map((r) => ({
          source: 'rule' as const,
          ref: `${r.from}->${r.to}`,
          summary: `confidence ${r.confidence}`,
        })),
        confidence: 0.7,
      },
      {
        claim: 'These customers bought the tins and rank first for buying them again.',
        evidence: [
          { source: 'user-history', ref: next.buyers[0]!.userId, summary: 'a past buyer, ranked first' },
        ],
        confidence: 0.6,
      },
    ],
    ...overrides,
  };
}
const broad: AudienceSegment = {
  name: 'Broad reach',
  kind: 'broad',
  description: 'Exploration.',
  productIds: [P],
  size: 1678,
  predictedBuyers: [],
  predictedCvr: 0.02,
  reasoning: [
    {
      claim: 'Explore.',
      evidence: [{ source: 'statistic', ref: 'base-cvr', summary: '2%' }],
      confidence: 0.5,
    },
  ],
};
const FINAL = { segments: [faithful(), broad] };

describeLlmAgent({
  agent: 'audience-reasoner',
  tools,
  run: (deps) => reasonAudienceLlm(input, ctx, deps),
  toolSteps: lookups,
  invalidCall: { name: 'user_history', args: { userId: 'everyone' }, issue: /a 5-digit customer id/ },
  final: () => FINAL,
  verify: (out) => expect(out).toEqual(AudienceReasonerOutput.parse(FINAL)),
});

describe('audience reasoner LLM: faithfulness and guards', () => {
  const invented = faithful({
    predictedBuyers: [{ userId: '12346', score: 0.9 }],
    reasoning: [
      {
        claim: 'Invented.',
        evidence: [{ source: 'rule', ref: `99999->${P}`, summary: 'no such rule' }],
        confidence: 0.9,
      },
    ],
  });

  it('re-asks a chain that cites refs no tool returned, then accepts the faithful one', async () => {
    const model = new ScriptedChatModel([
      ...lookups(),
      script.json({ segments: [invented] }),
      script.json(FINAL),
    ]);
    const { deps, events } = scriptedDeps(model, tools);
    const out = await reasonAudienceLlm(input, ctx, deps);
    const reask = contentText(model.calls[2]?.messages.at(-1)?.content ?? '');
    expect(reask).toMatch(new RegExp(`not in any tool result of this run:\\n- rule 99999->${P}`));
    expect(events.find((e) => e.type === 'loop.reasked')).toMatchObject({ reason: 'output-check' });
    const results = events.flatMap((e) => (e.type === 'tool.result' ? [e] : []));
    expect(checkFaithfulness(out.segments, results).faithful).toBe(true);
  });

  it('rejects the run when the model keeps citing invented evidence', async () => {
    const model = new ScriptedChatModel([
      ...lookups(),
      ...Array.from({ length: 4 }, () => script.json({ segments: [invented] })),
    ]);
    const error = await reasonAudienceLlm(input, ctx, scriptedDeps(model, tools).deps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidModelOutputError);
    expect(error).toMatchObject({ code: 'INVALID_MODEL_OUTPUT', reason: 'output-check' });
  });

  it('re-asks predicted buyers that no tool returned', async () => {
    const model = new ScriptedChatModel([
      ...lookups(),
      script.json({ segments: [faithful({ predictedBuyers: [{ userId: '12346', score: 1 }] })] }),
      script.json(FINAL),
    ]);
    await reasonAudienceLlm(input, ctx, scriptedDeps(model, tools).deps);
    expect(contentText(model.calls[2]?.messages.at(-1)?.content ?? '')).toMatch(
      /predicted buyers were not returned by any tool in this run:\n- Likely next buyers: 12346/,
    );
  });

  it('clamps predicted conversion rates to their bounds and drops unknown products', async () => {
    const greedy = { segments: [faithful({ predictedCvr: 1, productIds: [P, 'NOPE1'] }), broad] };
    const model = new ScriptedChatModel([...lookups(), script.json(greedy)]);
    const { deps, events } = scriptedDeps(model, tools);
    const out = await reasonAudienceLlm(input, ctx, deps);
    expect(out.segments[0]).toMatchObject({ predictedCvr: CVR_BOUNDS.max, productIds: [P] });
    expect(events.find((e) => e.type === 'output.guarded')).toMatchObject({
      corrections: expect.arrayContaining([
        `Likely next buyers.predictedCvr 1 → ${CVR_BOUNDS.max} (bounds)`,
      ]) as unknown,
    });
  });
});
