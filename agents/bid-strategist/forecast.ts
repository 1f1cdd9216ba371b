import { z } from 'zod';
import { BidPlan, Forecast } from '../../src/core/index.js';
import { defineTool } from '../../tools/define-tool.js';

/** Relative uncertainty of a conversion-rate prediction (a 90% interval of about ±30%). */
const CVR_UNCERTAINTY = 0.3;

/**
 * An analytic forecast of a bid plan over its days: spend as planned, conversions at the expected
 * CPA, a 90% interval combining Poisson noise with the conversion-rate uncertainty.
 */
export const analyticForecast = defineTool({
  name: 'analytic_forecast',
  description: 'Forecast spend, conversions, CPA and ROAS of a bid plan over its whole duration.',
  input: z.object({
    bidPlan: BidPlan,
    orderValue: z.number().nonnegative().describe('Average order value in the plan currency'),
  }),
  output: Forecast,
  run: ({ bidPlan, orderValue }) => {
    const spend = Math.min(bidPlan.totalBudget, bidPlan.expected.spendPerDay * bidPlan.days);
    const conversions = bidPlan.expected.cpa > 0 ? spend / bidPlan.expected.cpa : 0;
    const noise = 1.645 * Math.sqrt(conversions);
    const low = Math.max(0, conversions * (1 - CVR_UNCERTAINTY) - noise);
    const high = conversions * (1 + CVR_UNCERTAINTY) + noise;
    const revenue = conversions * orderValue;
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      method: 'analytic' as const,
      currency: bidPlan.currency,
      days: bidPlan.days,
      spend: r2(spend),
      conversions: r2(conversions),
      cpa: r2(conversions > 0 ? spend / conversions : 0),
      revenue: r2(revenue),
      roas: r2(spend > 0 ? revenue / spend : 0),
      conversionsInterval: [r2(low), r2(high)] as [number, number],
      assumptions: [
        'spend follows the hourly budget split and is capped by the total budget',
        `cost per conversion = target CPA × ${0.8} (second-price clearing)`,
        `conversion-rate predictions carry ±${CVR_UNCERTAINTY * 100}% uncertainty`,
        'revenue = conversions × average order value from real sales',
      ],
    };
  },
});
