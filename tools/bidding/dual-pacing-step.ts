import { z } from 'zod';
import { DEFAULT_DUAL_STEPS, dualPacingStep } from '../../simulator/index.js';
import { defineTool } from '../define-tool.js';

/**
 * One dual-descent pacing step on the budget dual (lambda) and the CPA dual (mu); the bid
 * multiplier is `(1 + mu) / (lambda + mu)`. The same step the simulator's dual-pacing policy takes.
 *
 * @example
 * ```ts
 * dualPacingStepTool.call({ lambda: 1, mu: 2, spend: 50, budgetTarget: 100, predictedConversions: 1, targetCpa: 40 });
 * ```
 */
export const dualPacingStepTool = defineTool({
  name: 'dual_pacing_step',
  description:
    'Update the budget and CPA dual variables after a delivery tick and return the new bid multiplier.',
  input: z.object({
    lambda: z
      .number()
      .nonnegative()
      .finite()
      .describe('Budget dual before the step (1 at the start of a day)'),
    mu: z.number().nonnegative().finite().describe('CPA dual before the step (2 at the start of a day)'),
    spend: z.number().nonnegative().finite().describe('Spend in the tick just played'),
    budgetTarget: z.number().nonnegative().finite().describe('The tick’s pacing target spend'),
    predictedConversions: z
      .number()
      .nonnegative()
      .finite()
      .describe('Sum of predicted conversion probabilities of the tick’s impressions'),
    targetCpa: z.number().positive().finite().describe('Target cost per conversion'),
    lambdaStep: z.number().positive().default(DEFAULT_DUAL_STEPS.lambda).describe('Step size of lambda'),
    muStep: z.number().positive().default(DEFAULT_DUAL_STEPS.mu).describe('Step size of mu'),
    maxMultiplier: z
      .number()
      .positive()
      .default(DEFAULT_DUAL_STEPS.maxMultiplier)
      .describe('Cap on the multiplier'),
  }),
  output: z.object({
    lambda: z.number().nonnegative().describe('Budget dual after the step'),
    mu: z.number().nonnegative().describe('CPA dual after the step'),
    multiplier: z
      .number()
      .nonnegative()
      .describe('Bid multiplier for the next tick: bid = multiplier × pCVR × CPA'),
  }),
  run: (i) =>
    dualPacingStep(
      { lambda: i.lambda, mu: i.mu },
      {
        spend: i.spend,
        budgetTarget: i.budgetTarget,
        predictedConversions: i.predictedConversions,
        targetCpa: i.targetCpa,
      },
      { lambda: i.lambdaStep, mu: i.muStep, maxMultiplier: i.maxMultiplier },
    ),
});
