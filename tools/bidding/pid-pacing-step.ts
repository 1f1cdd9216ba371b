import { z } from 'zod';
import { DEFAULT_PID_GAINS, pidPacingStep } from '../../simulator/index.js';
import { defineTool } from '../define-tool.js';

/**
 * One PID budget-pacing step: the multiplier follows how far cumulative spend is behind the
 * even-pacing target. It ignores CPA — use it for spend-the-budget goals, not for CPA goals.
 *
 * @example
 * ```ts
 * pidPacingStepTool.call({ multiplier: 1, integral: 0, previousError: 0, budget: 1000, spend: 80, targetSpend: 100 });
 * ```
 */
export const pidPacingStepTool = defineTool({
  name: 'pid_pacing_step',
  description:
    'Update a PID budget-pacing controller after a delivery tick and return the new bid multiplier.',
  input: z.object({
    multiplier: z
      .number()
      .positive()
      .finite()
      .describe('Current bid multiplier (informational; PID is positional)'),
    integral: z.number().finite().describe('Sum of past errors (0 at the start of a day)'),
    previousError: z.number().finite().describe('Error at the previous step (0 at the start of a day)'),
    budget: z.number().positive().finite().describe('Budget of the day'),
    spend: z.number().nonnegative().finite().describe('Cumulative spend so far'),
    targetSpend: z.number().nonnegative().finite().describe('Cumulative spend the pacing curve wants by now'),
    kp: z.number().nonnegative().default(DEFAULT_PID_GAINS.kp).describe('Proportional gain'),
    ki: z.number().nonnegative().default(DEFAULT_PID_GAINS.ki).describe('Integral gain'),
    kd: z.number().nonnegative().default(DEFAULT_PID_GAINS.kd).describe('Derivative gain'),
    minMultiplier: z.number().positive().default(DEFAULT_PID_GAINS.min).describe('Lowest multiplier'),
    maxMultiplier: z.number().positive().default(DEFAULT_PID_GAINS.max).describe('Highest multiplier'),
  }),
  output: z.object({
    multiplier: z.number().positive().describe('Bid multiplier for the next tick'),
    integral: z.number().describe('Updated sum of errors'),
    previousError: z.number().describe('This step’s error (behind-target share of the budget)'),
  }),
  run: (i) =>
    pidPacingStep(
      { multiplier: i.multiplier, integral: i.integral, previousError: i.previousError },
      { budget: i.budget, spend: i.spend, targetSpend: i.targetSpend },
      { kp: i.kp, ki: i.ki, kd: i.kd, min: i.minMultiplier, max: i.maxMultiplier },
    ),
});
