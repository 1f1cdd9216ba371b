/**
 * Test support for whole `plan` runs in LLM mode: for a goal, the tool calls and the final answer
 * each of the four agents' models gives — valid, consistent with each other, and faithful (the
 * audience chain cites only what its tool calls return) — as scripted-model steps or as loopback
 * server steps.
 */
import type { AgentContext } from '../../agents/define-agent.js';
import { bidStrategist } from '../../agents/bid-strategist/index.js';
import { briefParser, translateProductQuery } from '../../agents/brief-parser/index.js';
import { creativeAnalyst } from '../../agents/creative-analyst/index.js';
import type { AudienceSegment, BidPlan, CampaignBrief, CreativeInsight } from '../core/index.js';
import {
  ScriptedChatModel,
  loopback,
  script,
  type LoopbackStep,
  type ScriptedStep,
} from '../testing/index.js';
import { associationRulesTool } from '../../tools/audience/association-rules.js';
import { nextBuyersTool } from '../../tools/audience/next-buyers-tool.js';

/** The four planning agents, by journal key. */
export const PLANNING_AGENTS = [
  'brief-parser',
  'creative-analyst',
  'audience-reasoner',
  'bid-strategist',
] as const;
export type PlanningAgent = (typeof PLANNING_AGENTS)[number];

/** One model turn: tool calls, or a final answer. */
export type Turn = { toolCalls: { name: string; args: Record<string, unknown> }[] } | { final: unknown };

/** What every agent's model says in a normal run, and the outputs that follow. */
export interface PlanScript {
  readonly turns: Readonly<Record<PlanningAgent, Turn[]>>;
  readonly brief: CampaignBrief;
  readonly insights: CreativeInsight[];
  readonly segments: AudienceSegment[];
  readonly bidPlan: BidPlan;
}

/**
 * The turns of a normal LLM run for `goal`: the brief parser searches the catalog, the creative
 * analyst scores a copy, the audience reasoner looks up rules and next buyers for the first
 * product and cites them, the bid strategist computes bids; each then answers.
 *
 * @example
 * ```ts
 * const plan = await planScript(goal, testAgentContext());
 * const models = scriptedModels(plan); // one ScriptedChatModel per agent
 * ```
 */
export async function planScript(goal: string, ctx: AgentContext): Promise<PlanScript> {
  const { memory: _memory, ...lexical } = ctx;
  const brief = await briefParser.run({ goal }, lexical);
  const query =
    brief.language === 'en' ? brief.productQuery : translateProductQuery(brief.productQuery ?? '');
  const { insights } = await creativeAnalyst.run(
    { productIds: brief.productIds, language: brief.language },
    lexical,
  );
  const segments = audienceSegments(brief, ctx);
  const bidPlan = await bidStrategist.run({ brief, segments }, lexical);
  const first = insights[0];
  return {
    brief,
    insights,
    segments,
    bidPlan,
    turns: {
      'brief-parser': [
        { toolCalls: [{ name: 'catalog_search', args: { query: query ?? 'gift', k: 20 } }] },
        { final: brief },
      ],
      'creative-analyst': [
        ...(first
          ? [
              {
                toolCalls: [
                  {
                    name: 'score_copy',
                    args: {
                      text: first.copies[0]!.text,
                      sellingPoints: first.sellingPoints,
                      productWords: first.title.split(' '),
                    },
                  },
                ],
              },
            ]
          : []),
        { final: { insights } },
      ],
      'audience-reasoner': [
        ...(brief.productIds[0]
          ? [
              {
                toolCalls: [
                  {
                    name: 'association_rules',
                    args: { productId: brief.productIds[0], direction: 'to', limit: 3 },
                  },
                  { name: 'next_buyers', args: { productId: brief.productIds[0], limit: 5 } },
                ],
              },
            ]
          : []),
        { final: { segments } },
      ],
      'bid-strategist': [
        {
          toolCalls: [
            {
              name: 'target_cpa_bid',
              args: { pCvrs: segments.map((s) => s.predictedCvr), targetCpa: bidPlan.targetCpa },
            },
          ],
        },
        { final: bidPlan },
      ],
    },
  };
}

/**
 * Segments that cite only what `association_rules` and `next_buyers` return for the first product:
 * its likely next buyers split into prospects and past buyers (the tool flags them), then broad.
 */
function audienceSegments(brief: CampaignBrief, ctx: AgentContext): AudienceSegment[] {
  const broad: AudienceSegment = {
    name: 'Broad reach',
    kind: 'broad',
    description: 'New customers beyond the shop’s records.',
    productIds: brief.productIds,
    size: ctx.catalog.users.length,
    predictedBuyers: [],
    predictedCvr: 0.02,
    reasoning: [
      {
        claim: 'Explore at the base rate.',
        evidence: [{ source: 'statistic', ref: 'base-cvr', summary: 'assumed 2%' }],
        confidence: 0.5,
      },
    ],
  };
  const id = brief.productIds[0];
  if (!id) return [broad];
  const rules = associationRulesTool(ctx.catalog).call({ productId: id, direction: 'to', limit: 3 }).rules;
  const next = nextBuyersTool(ctx.catalog).call({ productId: id, limit: 5 });
  if (rules.length === 0 || next.buyers.length === 0) return [broad];
  // next_buyers ranks past buyers (who re-order) and prospects together: one segment each.
  const past = next.buyers.filter((b) => b.pastBuyer);
  const prospects = next.buyers.filter((b) => !b.pastBuyer);
  const cite = (buyers: typeof next.buyers) =>
    buyers
      .slice(0, 2)
      .map((b) => ({ source: 'user-history' as const, ref: b.userId, summary: `score ${b.score}` }));
  const segment = (
    fields: Pick<AudienceSegment, 'name' | 'kind' | 'description'>,
    buyers: typeof next.buyers,
    size: number,
    claim: string,
  ): AudienceSegment => ({
    ...fields,
    productIds: [id],
    size,
    predictedBuyers: buyers.map((b) => ({ userId: b.userId, score: b.score })),
    predictedCvr: 0.04,
    reasoning: [
      {
        claim: 'These items lead to the product in real baskets.',
        evidence: rules.map((r) => ({
          source: 'rule' as const,
          ref: `${r.from}->${r.to}`,
          summary: `confidence ${r.confidence}`,
        })),
        confidence: 0.7,
      },
      { claim, evidence: cite(buyers), confidence: 0.6 },
    ],
  });
  return [
    ...(prospects.length > 0
      ? [
          segment(
            {
              name: 'Likely next buyers',
              kind: 'complement-buyers',
              description: 'Bought what leads to the product, not the product yet.',
            },
            prospects,
            next.candidates - next.pastBuyers,
            'These customers bought items like it and not the product.',
          ),
        ]
      : []),
    ...(past.length > 0
      ? [
          segment(
            {
              name: 'Past buyers: repeat',
              kind: 'past-buyers',
              description: 'Bought the product and are the likeliest to order it again.',
            },
            past,
            next.pastBuyers,
            'These customers already bought the product and are the likeliest to re-order it.',
          ),
        ]
      : []),
    broad,
  ];
}

/** Scripted-model steps of turns. */
export function scriptedSteps(turns: readonly Turn[]): ScriptedStep[] {
  return turns.map((t) => ('final' in t ? script.json(t.final) : script.toolCalls(...t.toolCalls)));
}

/** Loopback steps of turns (tool call ids are stable: `<agent>_<turn>_<i>`). */
export function loopbackSteps(agent: string, turns: readonly Turn[]): LoopbackStep[] {
  return turns.map((t, n) =>
    'final' in t
      ? loopback.json(t.final)
      : loopback.toolCalls(
          ...t.toolCalls.map((c, i) => ({ name: c.name, arguments: c.args, id: `${agent}_${n}_${i}` })),
        ),
  );
}

/** One strict scripted model per agent, with the plan's turns queued. */
export function scriptedModels(plan: PlanScript): Record<PlanningAgent, ScriptedChatModel> {
  return Object.fromEntries(
    PLANNING_AGENTS.map((a) => [
      a,
      new ScriptedChatModel(scriptedSteps(plan.turns[a]), { model: 'gpt-4o-mini' }),
    ]),
  ) as Record<PlanningAgent, ScriptedChatModel>;
}
