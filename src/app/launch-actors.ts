import { fromPromise } from 'xstate';
import type { AgentContext } from '../../agents/define-agent.js';
import { audienceReasoner } from '../../agents/audience-reasoner/index.js';
import { analyticForecast, bidStrategist } from '../../agents/bid-strategist/index.js';
import { briefParser } from '../../agents/brief-parser/index.js';
import { creativeAnalyst } from '../../agents/creative-analyst/index.js';
import type { AudienceSegment, BidPlan, CampaignBrief } from '../core/index.js';
import { averageOrderValue } from '../../tools/planning/index.js';
import type { StepRecorder } from './step-recorder.js';

/**
 * The real actors of the campaign-launch workflow: each agent's offline policy, run through the
 * step recorder so that its output is journaled (and replayed instead of recomputed).
 */
export function launchActors(context: () => Promise<AgentContext>, recorder: StepRecorder) {
  return {
    parseBrief: fromPromise<CampaignBrief, { goal: string }>(({ input }) =>
      recorder.step('brief-parser', async () => briefParser.run({ goal: input.goal }, await context())),
    ),
    analyseCreative: fromPromise(({ input }: { input: { brief: CampaignBrief } }) =>
      recorder.step('creative-analyst', async () => {
        const ctx = await context();
        const out = await creativeAnalyst.run(
          { productIds: input.brief.productIds, language: input.brief.language },
          ctx,
        );
        return out.insights;
      }),
    ),
    reasonAudience: fromPromise(({ input }: { input: { brief: CampaignBrief } }) =>
      recorder.step('audience-reasoner', async () => {
        const ctx = await context();
        const out = await audienceReasoner.run(
          { productIds: input.brief.productIds, audience: input.brief.audience },
          ctx,
        );
        return out.segments;
      }),
    ),
    planBids: fromPromise(({ input }: { input: { brief: CampaignBrief; segments: AudienceSegment[] } }) =>
      recorder.step('bid-strategist', async () => bidStrategist.run(input, await context())),
    ),
    forecastPlan: fromPromise(({ input }: { input: { brief: CampaignBrief; bidPlan: BidPlan } }) =>
      recorder.step('forecast', async () => {
        const ctx = await context();
        const products = input.brief.productIds.map((id) => ctx.catalog.product(id));
        const orderValue = averageOrderValue(
          products.length > 0 ? products : ctx.catalog.products.slice(0, 200),
          input.bidPlan.currency,
        );
        return analyticForecast.call({ bidPlan: input.bidPlan, orderValue });
      }),
    ),
  };
}
