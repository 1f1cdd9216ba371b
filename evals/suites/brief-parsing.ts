/**
 * `brief-parsing`: hand-written goals (English, Chinese, mixed) with gold briefs
 * (`data/evals/brief-parsing`, SOURCE.md and HELDOUT-V2.md): goals.jsonl (`train`, and
 * `test-legacy`: its 36 test goals, which the parser was tuned against), heldout.jsonl (`heldout`:
 * 45 goals written blind, contaminated since the parser was fixed on the kinds of their failures on
 * 2026-12-06) and heldout-v2.jsonl (`heldout-v2`: 60 goals written blind afterwards, the clean
 * test), plus the goals that must be refused (`refusals`, `refusals-v2`: no budget, contradictory,
 * zero or negative budgets). Field-level accuracy per field, exact match (every field right), and
 * exact match per language and per set, with the clean held-out set's field accuracy as
 * `heldout-v2:field:*`; a refusal goal passes when the parser refuses it (`refused:*`). The offline
 * policy is `parseBrief` with today fixed at 2026-11-29 and CNY as the default currency; a goal it
 * refuses (BadGoalError) scores every field wrong.
 * Baseline: the first number of the goal as a daily CNY budget for sales, nothing else — the
 * floor a parser must clear.
 *
 * With `--model`, the brief parser's LLM policy (`parseBriefLlm`) answers in the same context, with
 * `catalog_search` over the demo catalog: the deterministic reading keeps budget, targets and
 * schedule (guards), the model decides objective, audience and channels. An answer that fails
 * the agent's checks after its re-asks (or a refusal, or a spent budget) scores like a refused goal.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseBrief } from '../../agents/brief-parser/index.js';
import { parseBriefLlm } from '../../agents/brief-parser/llm-brief-parser.js';
import type { AgentContext } from '../../agents/define-agent.js';
import { llmToolRegistry } from '../../src/app/index.js';
import type { CampaignBrief } from '../../src/core/index.js';
import { LodestoneError } from '../../src/core/index.js';
import { testAgentContext } from '../../src/testing/index.js';
import type { ToolRegistry } from '../../tools/define-tool.js';
import { GOLD_DIR, readJsonl } from '../datasets/index.js';
import { dataHash, defineSuite, type MetricInfo, shareMetric } from '../harness/index.js';
import { modelAnswerFailure, withEvalLlm } from '../llm/index.js';
import { BRIEF_FIELDS, compareBrief, type GoldBrief } from '../scorers/index.js';

const GOALS = new URL('brief-parsing/goals.jsonl', GOLD_DIR);
const HELDOUT = new URL('brief-parsing/heldout.jsonl', GOLD_DIR);
const HELDOUT_V2 = new URL('brief-parsing/heldout-v2.jsonl', GOLD_DIR);
const REFUSALS = new URL('brief-parsing/heldout-refusals.jsonl', GOLD_DIR);
const REFUSALS_V2 = new URL('brief-parsing/heldout-v2-refusals.jsonl', GOLD_DIR);
/** The parser's context in this suite. */
export const BRIEF_CONTEXT = { today: '2026-11-29', defaultCurrency: 'CNY' } as const;

const Gold = z.object({
  objective: z.enum(['conversions', 'sales', 'leads', 'installs', 'awareness']),
  budget: z.object({
    amount: z.number().positive(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    period: z.enum(['day', 'week', 'month', 'total']),
  }),
  targetCpa: z.object({ amount: z.number().positive(), currency: z.string().regex(/^[A-Z]{3}$/) }).optional(),
  targetRoas: z.number().positive().optional(),
  schedule: z.object({ days: z.number().int().positive().optional() }).optional(),
  audience: z
    .object({
      gender: z.enum(['female', 'male']).optional(),
      ageMin: z.number().int().optional(),
      ageMax: z.number().int().optional(),
      regions: z.array(z.string()).optional(),
    })
    .optional(),
  channels: z.array(z.string()),
});

const GoalItem = z.object({
  id: z.string(),
  split: z.enum(['train', 'test']),
  language: z.enum(['en', 'zh', 'mixed']),
  goal: z.string().min(1),
  gold: Gold,
});

const RefusalItem = z.object({
  id: z.string(),
  language: z.enum(['en', 'zh', 'mixed']),
  goal: z.string().min(1),
  expect: z.literal('refuse'),
  reason: z.string(),
});

/** The sets of goals; see the suite's description. */
export type GoalSet = 'train' | 'test-legacy' | 'heldout' | 'heldout-v2' | 'refusals' | 'refusals-v2';

/** One goal and what it means: a gold brief, or `null` for a goal the parser must refuse. */
export interface GoalTask {
  readonly id: string;
  readonly split: 'train' | 'test';
  readonly language: 'en' | 'zh' | 'mixed';
  readonly goal: string;
  readonly gold: GoldBrief | null;
  readonly set: GoalSet;
}

/** A brief, or why the policy refused the goal. */
export type BriefOutput =
  { readonly brief: CampaignBrief } | { readonly refused: { code: string; message: string } };

function refuseOrThrow(error: unknown): BriefOutput {
  // A refusal (a user-facing error) is an answer, and a wrong one; anything else is a bug.
  if (error instanceof LodestoneError && error.exitCode === 2)
    return { refused: { code: error.code, message: error.message } };
  throw error;
}

/** The naive floor: first number as a daily budget in the default currency, objective sales. */
function firstNumberBrief(task: GoalTask): BriefOutput {
  const n = /\d[\d,]*(?:\.\d+)?/.exec(task.goal)?.[0];
  const amount = n === undefined ? 1 : Number(n.replace(/,/g, ''));
  return {
    brief: {
      goal: task.goal,
      language: task.language,
      objective: 'sales',
      budget: { amount, currency: BRIEF_CONTEXT.defaultCurrency, period: 'day' },
      schedule: {},
      audience: {},
      productIds: [],
      channels: [],
    },
  };
}

let agent: { ctx: AgentContext; tools: ToolRegistry } | undefined;
/** The LLM policy's context (the demo catalog, the suite's date and currency) and tools, once. */
function llmAgent(): { ctx: AgentContext; tools: ToolRegistry } {
  if (!agent) {
    const ctx = testAgentContext(BRIEF_CONTEXT);
    agent = { ctx, tools: llmToolRegistry(ctx.catalog) };
  }
  return agent;
}

const fieldMetrics: Record<string, MetricInfo> = Object.fromEntries(
  BRIEF_FIELDS.flatMap((f) => [
    [`field:${f}`, shareMetric(`share of goals whose ${f} is right`)],
    [
      `heldout-v2:field:${f}`,
      shareMetric(`share of heldout-v2 goals (the clean held-out set) whose ${f} is right`),
    ],
  ]),
);

/** A refusal by the parser itself, not a model's failure to answer. */
const PARSER_REFUSAL = 'BAD_GOAL';

/** The metrics of one goal: every field, exact, and the per-language and per-set copies. */
function goalMetrics(task: GoalTask, correct: (f: (typeof BRIEF_FIELDS)[number]) => boolean, exact: number) {
  const fields = BRIEF_FIELDS.map((f) => [`field:${f}`, correct(f) ? 1 : 0] as const);
  return {
    ...Object.fromEntries(fields),
    ...(task.set === 'heldout-v2' ? Object.fromEntries(fields.map(([k, v]) => [`heldout-v2:${k}`, v])) : {}),
    exact,
    [`exact:${task.language}`]: exact,
    [`exact:${task.set}`]: exact,
  };
}

export const briefParsing = defineSuite<GoalTask, BriefOutput>({
  name: 'brief-parsing',
  module: import.meta.url,
  description: 'Hand-written goals (en, zh, mixed) with gold briefs; field-level accuracy and exact match.',
  dataset: () => ({
    id: 'brief-goals',
    hash: dataHash([GOALS, HELDOUT, HELDOUT_V2, REFUSALS, REFUSALS_V2].map((u) => fileURLToPath(u))),
    tasks: [
      ...readJsonl(GOALS, GoalItem).map((item) => ({
        ...item,
        set: item.split === 'test' ? ('test-legacy' as const) : ('train' as const),
        gold: item.gold as GoldBrief,
      })),
      ...readJsonl(HELDOUT, GoalItem).map((item) => ({
        ...item,
        set: 'heldout' as const,
        gold: item.gold as GoldBrief,
      })),
      ...readJsonl(HELDOUT_V2, GoalItem).map((item) => ({
        ...item,
        set: 'heldout-v2' as const,
        gold: item.gold as GoldBrief,
      })),
      ...(
        [
          [REFUSALS, 'refusals'],
          [REFUSALS_V2, 'refusals-v2'],
        ] as const
      ).flatMap(([file, set]) =>
        readJsonl(file, RefusalItem).map(({ id, language, goal }) => ({
          id,
          language,
          goal,
          split: 'test' as const,
          set,
          gold: null,
        })),
      ),
    ],
  }),
  run: (task) => {
    try {
      return { brief: parseBrief(task.goal, BRIEF_CONTEXT) };
    } catch (error) {
      return refuseOrThrow(error);
    }
  },
  runDescription: 'parseBrief (agents/brief-parser), today 2026-11-29, default currency CNY',
  llm: (model) => ({
    name: model,
    description: `parseBriefLlm (agents/brief-parser) on ${model} with catalog_search over the demo catalog, today 2026-11-29, default currency CNY`,
    run: async (task, ctx) => {
      const { ctx: agentContext, tools } = llmAgent();
      try {
        const brief = await withEvalLlm(ctx, tools, (deps) =>
          parseBriefLlm({ goal: task.goal }, agentContext, deps),
        );
        return { brief };
      } catch (error) {
        const failure = modelAnswerFailure(error);
        return failure ? { refused: failure } : refuseOrThrow(error);
      }
    },
  }),
  baseline: {
    name: 'first-number',
    description: 'The first number of the goal as a daily budget in CNY, objective sales, nothing else',
    run: (task) => firstNumberBrief(task),
  },
  score: (task, output) => {
    if (task.gold === null) {
      // A goal that must be refused: only the parser's own refusal counts, not a model's failure.
      const refused = 'refused' in output && output.refused.code === PARSER_REFUSAL ? 1 : 0;
      return {
        pass: refused === 1,
        metrics: { refused, [`refused:${task.set}`]: refused },
        ...('brief' in output ? { details: { brief: output.brief } } : {}),
      };
    }
    if ('refused' in output) {
      return {
        pass: false,
        metrics: goalMetrics(task, () => false, 0),
        details: { refused: output.refused },
      };
    }
    const { correct, misses } = compareBrief(task.gold, output.brief);
    const exact = misses.length === 0 ? 1 : 0;
    return {
      pass: exact === 1,
      metrics: goalMetrics(task, (f) => correct[f], exact),
      ...(misses.length === 0 ? {} : { details: { misses } }),
    };
  },
  metrics: {
    exact: shareMetric('every scored field right'),
    'exact:en': shareMetric('exact match on English goals'),
    'exact:zh': shareMetric('exact match on Chinese goals'),
    'exact:mixed': shareMetric('exact match on mixed-language goals'),
    'exact:train': shareMetric('exact match on the train goals of goals.jsonl'),
    'exact:test-legacy': shareMetric(
      'exact match on the test goals of goals.jsonl (the parser was tuned against them)',
    ),
    'exact:heldout': shareMetric(
      'exact match on heldout.jsonl, written blind but contaminated: the parser was fixed on the kinds of its failures',
    ),
    'exact:heldout-v2': shareMetric(
      'exact match on heldout-v2.jsonl, written blind and frozen before the parser ran on it (the clean test)',
    ),
    refused: shareMetric('goals that must be refused (no, contradictory, zero or negative budget) that were'),
    'refused:refusals': shareMetric('heldout-refusals.jsonl goals refused'),
    'refused:refusals-v2': shareMetric('heldout-v2-refusals.jsonl goals refused'),
    ...fieldMetrics,
  },
  primaryMetric: 'exact',
});
