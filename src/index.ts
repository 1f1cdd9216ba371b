/**
 * Lodestone's public API.
 *
 * @example
 * ```ts
 * import { createLodestone, loadConfig } from 'lodestone';
 * const lodestone = createLodestone({ config: loadConfig(process.env) });
 * const { plan } = await lodestone.plan('Sell our ceramic tableware, 3000 GBP a day, CPA under 12 GBP', { approve: true });
 * ```
 */
export * from './core/index.js';
export * from './app/index.js';
export { defineAgent, type Agent, type AgentContext, type AgentDefinition } from '../agents/define-agent.js';
export { defineTool, ToolRegistry, type ToolDescriptor } from '../tools/define-tool.js';
export { campaignLaunchMachine, reviewPlan } from '../workflows/index.js';
export { creativeAnalyst } from '../agents/creative-analyst/index.js';
export { audienceReasoner } from '../agents/audience-reasoner/index.js';
export { bidStrategist } from '../agents/bid-strategist/index.js';
export { Catalog, loadCatalogData, searchCatalog } from '../tools/catalog/index.js';
/** The LLM runtime: tool loop, budgets, journal cache and events, faithfulness, cost ledger. */
export * from '../agents/llm/index.js';
export { briefParser } from '../agents/brief-parser/index.js';
export { parseBriefLlm, BRIEF_PARSER_INSTRUCTIONS } from '../agents/brief-parser/llm-brief-parser.js';
export {
  analyseCreativeLlm,
  CREATIVE_ANALYST_INSTRUCTIONS,
} from '../agents/creative-analyst/llm-creative-analyst.js';
export {
  reasonAudienceLlm,
  AUDIENCE_REASONER_INSTRUCTIONS,
} from '../agents/audience-reasoner/llm-audience-reasoner.js';
export { planBidsLlm, BID_STRATEGIST_INSTRUCTIONS } from '../agents/bid-strategist/llm-bid-strategist.js';
