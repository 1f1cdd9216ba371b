/**
 * `creative`: 160 demo-catalog products labelled by hand from their titles (category, price band,
 * season; `data/evals/creative`). Accuracy per field of the creative analyst's offline output, and
 * the share with all three right. Baseline: the majority label of each field on the train split.
 *
 * With `--model`, the creative analyst's LLM policy (`analyseCreativeLlm`) writes the insight. Its
 * guards take category from the catalog and price band from `price_band`, so those two score as
 * the offline policy's; the season is the model's. An answer that fails the agent's checks scores
 * every field wrong, with the failure in the task's details.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AgentContext } from '../../agents/define-agent.js';
import { creativeAnalyst, CreativeAnalystInput } from '../../agents/creative-analyst/index.js';
import { analyseCreativeLlm } from '../../agents/creative-analyst/llm-creative-analyst.js';
import { llmToolRegistry } from '../../src/app/index.js';
import { PriceBand, Season, type CreativeInsight } from '../../src/core/index.js';
import { testAgentContext } from '../../src/testing/index.js';
import { CATEGORIES } from '../../tools/catalog/index.js';
import type { ToolRegistry } from '../../tools/define-tool.js';
import { GOLD_DIR, readJsonl } from '../datasets/index.js';
import { dataHash, defineSuite, shareMetric } from '../harness/index.js';
import { modelAnswerFailure, withEvalLlm } from '../llm/index.js';

const PRODUCTS = new URL('creative/products.jsonl', GOLD_DIR);

const Item = z.object({
  id: z.string(),
  split: z.enum(['train', 'test']),
  title: z.string(),
  price: z.number(),
  category: z.string().refine((c) => CATEGORIES.includes(c), { message: `one of ${CATEGORIES.join(', ')}` }),
  priceBand: PriceBand,
  season: Season,
  note: z.string().optional(),
});
export type CreativeTask = z.infer<typeof Item>;

/** What is scored of an insight. */
export interface CreativeLabels {
  readonly category: string;
  readonly priceBand: string;
  readonly season: string;
  /** Set when the LLM policy gave no acceptable answer (every label is then empty). */
  readonly failed?: { readonly code: string; readonly message: string };
}

interface Env {
  readonly ctx: AgentContext;
  readonly majority: CreativeLabels;
  /** The LLM tools over the catalog, built on first use. */
  tools?: ToolRegistry;
}

const labelsOf = (insight: CreativeInsight): CreativeLabels => ({
  category: insight.category,
  priceBand: insight.priceBand,
  season: insight.season,
});

const FIELDS = ['category', 'priceBand', 'season'] as const;

function majorityOf(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

export const creative = defineSuite<CreativeTask, CreativeLabels, Env>({
  name: 'creative',
  module: import.meta.url,
  description:
    'Hand-labelled catalog products: category, price band and season accuracy of the creative analyst.',
  dataset: () => ({
    id: 'creative-products',
    hash: dataHash([fileURLToPath(PRODUCTS)]),
    tasks: readJsonl(PRODUCTS, Item),
  }),
  setup: (dataset) => {
    const train = dataset.tasks.filter((t) => t.split === 'train');
    return {
      ctx: testAgentContext(),
      majority: {
        category: majorityOf(train.map((t) => t.category)),
        priceBand: majorityOf(train.map((t) => t.priceBand)),
        season: majorityOf(train.map((t) => t.season)),
      },
    };
  },
  run: async (task, { env }) => {
    const { insights } = await creativeAnalyst.run({ productIds: [task.id] }, env.ctx);
    return labelsOf(insights[0]!);
  },
  runDescription: 'creativeAnalyst.run (agents/creative-analyst) over the demo catalog',
  llm: (model) => ({
    name: model,
    description: `analyseCreativeLlm (agents/creative-analyst) on ${model} over the demo catalog, with price_band and score_copy`,
    run: async (task, ctx) => {
      const { env } = ctx;
      env.tools ??= llmToolRegistry(env.ctx.catalog);
      const input = CreativeAnalystInput.parse({ productIds: [task.id] });
      try {
        const { insights } = await withEvalLlm(ctx, env.tools, (deps) =>
          analyseCreativeLlm(input, env.ctx, deps),
        );
        return labelsOf(insights[0]!);
      } catch (error) {
        const failed = modelAnswerFailure(error);
        if (!failed) throw error;
        return { category: '', priceBand: '', season: '', failed };
      }
    },
  }),
  baseline: {
    name: 'majority',
    description: 'The most common label of each field on the train split',
    run: (_task, { env }) => env.majority,
  },
  score: (task, output) => {
    const right = Object.fromEntries(FIELDS.map((f) => [f, task[f] === output[f] ? 1 : 0])) as Record<
      (typeof FIELDS)[number],
      number
    >;
    const pass = FIELDS.every((f) => right[f] === 1);
    return {
      pass,
      metrics: { ...right, all: pass ? 1 : 0 },
      ...(pass
        ? {}
        : {
            details: {
              title: task.title,
              ...(output.failed ? { failed: output.failed } : {}),
              misses: FIELDS.filter((f) => right[f] === 0).map((f) => ({
                field: f,
                expected: task[f],
                received: output[f],
              })),
            },
          }),
    };
  },
  metrics: {
    category: shareMetric('category matches the hand label'),
    priceBand: shareMetric('price band matches the hand label'),
    season: shareMetric('season matches the hand label'),
    all: shareMetric('all three right'),
  },
  primaryMetric: 'all',
});
