import { CampaignBrief } from '../../src/core/index.js';
import type { AgentContext } from '../define-agent.js';
import {
  createLlmPolicy,
  reportCorrections,
  valuesReturnedBy,
  type LlmRunDeps,
  type OutputCheck,
} from '../llm/index.js';
import { briefParser } from './brief-parser-agent.js';
import { MAX_MATCHED_PRODUCTS } from './match-products.js';
import { parseBrief } from './parse-brief.js';

/** The brief parser's instructions in LLM mode. */
export const BRIEF_PARSER_INSTRUCTIONS = `You are Lodestone's brief parser. A marketer wrote one campaign goal (English, Chinese or both); turn it into a CampaignBrief.

- "reading" holds the amounts, targets, dates and language that a deterministic parser read from the goal. Copy goal, language, budget, targetCpa, targetRoas and schedule from it exactly; leave out targetCpa or targetRoas when the reading has none.
- Decide the objective (conversions, sales, leads, installs, awareness), the audience constraints the goal states (gender, ages, regions, interests), the channels it names, and productQuery: the goal's own words for the products.
- Find the products: call catalog_search with English product words (translate Chinese ones), and put the ids of the best matches (at most ${MAX_MATCHED_PRODUCTS}, best first) in productIds. Use only ids that catalog_search returned; an empty list is right when the shop sells nothing that matches.`;

/** Every product id in the answer must come from a catalog_search result of this run. */
const searchedProductsCheck: OutputCheck = (output, { toolResults }) => {
  const returned = valuesReturnedBy(toolResults, 'catalog_search');
  const invented = (output as CampaignBrief).productIds.filter((id) => !returned.has(id));
  if (invented.length === 0) return { ok: true };
  return {
    ok: false,
    issues: invented.map((id) => `productIds: ${id} was not returned by catalog_search`),
    feedback: `These productIds were not returned by catalog_search in this run: ${invented.join(', ')}. Call catalog_search and use only the ids it returns.`,
  };
};

const policy = createLlmPolicy(
  { ...briefParser, tools: ['catalog_search'] },
  { instructions: BRIEF_PARSER_INSTRUCTIONS, check: searchedProductsCheck },
);

/**
 * The brief parser's LLM policy: the same `CampaignBrief` as the offline one. The deterministic
 * parser reads the goal first (a goal without a budget fails here, before any model call); the
 * model decides objective, audience, channels and the products (through `catalog_search`). Guards,
 * not prompts, keep the numbers: budget, targets, schedule, goal and language are the
 * deterministic reading whatever the model answers, and product ids must be search results.
 *
 * @example
 * ```ts
 * const brief = await parseBriefLlm({ goal }, ctx, { model, tools: registry, ledger, cache, onEvent });
 * ```
 */
export async function parseBriefLlm(
  input: { goal: string },
  ctx: AgentContext,
  deps: LlmRunDeps,
): Promise<CampaignBrief> {
  let englishQuery: string | undefined;
  const reading = parseBrief(input.goal, {
    today: ctx.today,
    defaultCurrency: ctx.defaultCurrency,
    matchProducts: (query) => {
      englishQuery = query;
      return [];
    },
  });
  const facts = {
    goal: reading.goal,
    today: ctx.today,
    reading: {
      goal: reading.goal,
      language: reading.language,
      budget: reading.budget,
      ...(reading.targetCpa ? { targetCpa: reading.targetCpa } : {}),
      ...(reading.targetRoas === undefined ? {} : { targetRoas: reading.targetRoas }),
      schedule: reading.schedule,
    },
    ...(englishQuery === undefined ? {} : { productWordsInEnglish: englishQuery }),
  };
  const { output } = await policy(facts, deps);
  const { brief, corrections } = guardBrief(output, reading);
  reportCorrections(deps, briefParser.name, corrections);
  return CampaignBrief.parse(brief);
}

/**
 * The brief guard: the deterministic reading's numbers replace the model's; product ids are
 * de-duplicated and capped. Returns the corrected brief and what was corrected.
 *
 * @example
 * ```ts
 * guardBrief({ ...brief, budget: { amount: 1e6, currency: 'GBP', period: 'day' } }, reading).corrections;
 * // ['budget {"amount":1000000,...} → {"amount":3000,...} (the goal's reading)']
 * ```
 */
export function guardBrief(
  answer: CampaignBrief,
  reading: CampaignBrief,
): { brief: CampaignBrief; corrections: string[] } {
  const corrections: string[] = [];
  const fixed: Record<string, unknown> = { ...answer };
  for (const key of ['goal', 'language', 'budget', 'targetCpa', 'targetRoas', 'schedule'] as const) {
    const want = reading[key];
    if (JSON.stringify(answer[key]) === JSON.stringify(want)) continue;
    corrections.push(`${key} ${JSON.stringify(answer[key])} → ${JSON.stringify(want)} (the goal's reading)`);
    if (want === undefined) delete fixed[key];
    else fixed[key] = want;
  }
  const ids = [...new Set(answer.productIds)].slice(0, MAX_MATCHED_PRODUCTS);
  if (ids.length !== answer.productIds.length)
    corrections.push(
      `productIds: ${answer.productIds.length} → ${ids.length} (unique, at most ${MAX_MATCHED_PRODUCTS})`,
    );
  fixed.productIds = ids;
  return { brief: fixed as CampaignBrief, corrections };
}
