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
