import { z } from 'zod';
import { floorCents } from '../../src/core/index.js';
import { defineTool } from '../define-tool.js';

/**
 * Splits a budget over segments × ticks in proportion to `traffic × value` of the segment times the
 * tick's traffic share. A segment with a `maxSpend` keeps at most that, and what it cannot take is
 * re-split among the others (water-filling); every cell is rounded down to the cent, so the cells
 * never add up to more than the budget.
 *
 * @example
 * ```ts
 * allocateBudgetOverSegmentsAndTime.call({
 *   budget: 1000,
 *   segments: [{ name: 'campers', traffic: 3000, value: 0.02 }, { name: 'cooks', traffic: 1000, value: 0.02 }],
 *   timeCurve: [1, 1],
 * }); // campers 375 + 375, cooks 125 + 125
 * ```
 */
export const allocateBudgetOverSegmentsAndTime = defineTool({
  name: 'allocate_budget_over_segments_and_time',
  description:
    'Split a campaign budget over audience segments and delivery ticks in proportion to traffic × value, never above the budget.',
  input: z.object({
    budget: z.number().nonnegative().finite().describe('Budget to split'),
    segments: z
      .array(
        z.object({
          name: z.string().min(1).describe('Segment name'),
          traffic: z
            .number()
            .nonnegative()
            .finite()
            .describe('Expected opportunities of the segment in the period'),
          value: z
            .number()
            .nonnegative()
            .finite()
            .describe('Expected value per opportunity, e.g. predicted conversion probability'),
          maxSpend: z.number().nonnegative().finite().optional().describe('Most this segment may receive'),
        }),
      )
      .min(1)
      .max(1000)
      .describe('Audience segments'),
    timeCurve: z
      .array(z.number().nonnegative().finite())
      .min(1)
      .max(10_000)
      .default([1])
      .describe(
        'Traffic weight of each tick (for example the 48 half-hours of a day); one entry = no time split',
      ),
  }),
  output: z.object({
    segments: z
      .array(
        z.object({
          name: z.string(),
          share: z.number().min(0).max(1).describe('Share of the budget'),
          total: z.number().nonnegative().describe('Budget of the segment (sum of its ticks)'),
          perTick: z.array(z.number().nonnegative()).describe('Budget of the segment in each tick'),
        }),
      )
      .describe('Allocation per segment, in input order'),
    allocated: z.number().nonnegative().describe('Sum of all cells; never above the budget'),
    unallocated: z.number().nonnegative().describe('Budget left over (rounding, caps, or no value anywhere)'),
  }),
  run: ({ budget, segments, timeCurve }) => {
    const amounts = waterFill(
      budget,
      segments.map((s) => s.traffic * s.value),
      segments.map((s) => s.maxSpend ?? Infinity),
    );
    const curveTotal = timeCurve.reduce((a, b) => a + b, 0);
    const shares =
      curveTotal > 0 ? timeCurve.map((c) => c / curveTotal) : timeCurve.map(() => 1 / timeCurve.length);
    const out = segments.map((s, i) => {
      const perTick = shares.map((share) => floorCents((amounts[i] ?? 0) * share));
      const total = floorCents(perTick.reduce((a, b) => a + b, 0));
      return { name: s.name, share: budget > 0 ? total / budget : 0, total, perTick };
    });
    const allocated = floorCents(out.reduce((a, s) => a + s.total, 0));
    return { segments: out, allocated, unallocated: Math.max(0, floorCents(budget - allocated)) };
  },
});

/** Proportional split with caps: capped segments are fixed at their cap, the rest re-split. */
function waterFill(budget: number, weights: readonly number[], caps: readonly number[]): number[] {
  const amounts = weights.map(() => 0);
  const open = new Set(weights.map((_, i) => i).filter((i) => (weights[i] ?? 0) > 0));
  let left = budget;
  while (open.size > 0 && left > 0) {
    const total = [...open].reduce((a, i) => a + (weights[i] ?? 0), 0);
    // The ratio first: with subnormal weights, left × w underflows and (left × w) / total can exceed left.
    const over = [...open].filter((i) => left * ((weights[i] ?? 0) / total) > (caps[i] ?? Infinity));
    if (over.length === 0) {
      for (const i of open) amounts[i] = left * ((weights[i] ?? 0) / total);
      break;
    }
    for (const i of over) {
      amounts[i] = caps[i] ?? 0;
      left -= caps[i] ?? 0;
      open.delete(i);
    }
  }
  return amounts;
}
