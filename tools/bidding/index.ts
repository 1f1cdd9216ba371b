/**
 * Deterministic bidding tools: the numbers the bid strategist's model may ask for, never compute.
 * Each is one zod-described descriptor (see tools/define-tool.ts); the maths they share with the
 * market simulator lives in simulator/ and is imported from there.
 */
import type { ToolDescriptor } from '../define-tool.js';
import { auctionNetScoreTool } from './auctionnet-score.js';
import { allocateBudgetOverSegmentsAndTime } from './budget-allocation.js';
import { dualPacingStepTool } from './dual-pacing-step.js';
import { hindsightOptimumTool } from './hindsight-optimum.js';
import { pidPacingStepTool } from './pid-pacing-step.js';
import { targetCpaBid } from './target-cpa-bid.js';

export * from './target-cpa-bid.js';
export * from './dual-pacing-step.js';
export * from './pid-pacing-step.js';
export * from './budget-allocation.js';
export * from './auctionnet-score.js';
export * from './hindsight-optimum.js';

/**
 * All bidding tools, for registration.
 *
 * @example
 * ```ts
 * const registry = new ToolRegistry();
 * for (const tool of BIDDING_TOOLS) registry.register(tool);
 * ```
 */
export const BIDDING_TOOLS: readonly ToolDescriptor[] = [
  targetCpaBid,
  dualPacingStepTool,
  pidPacingStepTool,
  allocateBudgetOverSegmentsAndTime,
  auctionNetScoreTool,
  hindsightOptimumTool,
];
