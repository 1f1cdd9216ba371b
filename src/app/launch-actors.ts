import { fromPromise } from 'xstate';
import type { AgentContext } from '../../agents/define-agent.js';
import { audienceReasoner } from '../../agents/audience-reasoner/index.js';
import { reasonAudienceLlm } from '../../agents/audience-reasoner/llm-audience-reasoner.js';
import { bidStrategist, twinForecast } from '../../agents/bid-strategist/index.js';
import { planBidsLlm } from '../../agents/bid-strategist/llm-bid-strategist.js';
import { briefParser } from '../../agents/brief-parser/index.js';
import { parseBriefLlm } from '../../agents/brief-parser/llm-brief-parser.js';
import { creativeAnalyst } from '../../agents/creative-analyst/index.js';
import { analyseCreativeLlm } from '../../agents/creative-analyst/llm-creative-analyst.js';
import type { LlmRunDeps } from '../../agents/llm/index.js';
import type { AudienceSegment, BidPlan, CampaignBrief } from '../core/index.js';
import { averageOrderValue } from '../../tools/planning/index.js';
import type { StepRecorder } from './step-recorder.js';

/** LLM mode for one run: the deps of each agent's LLM policy, keyed by the agent's step name. */
export interface LaunchLlm {
  depsFor(agent: string): LlmRunDeps;
}

/**
 * The real actors of the campaign-launch workflow: each agent's offline policy, or its LLM policy
 * when `llm` is given (same input and output schemas), run through the step recorder so that its
 * output is journaled (and replayed instead of recomputed). The step name is the agent's journal
 * key, unique within the run. When the workflow stops an actor (a parallel sibling failed), its
 * abort signal stops the agent's tool loop, so nothing keeps calling the model after the run ends.
 */
export function launchActors(context: () => Promise<AgentContext>, recorder: StepRecorder, llm?: LaunchLlm) {
  return {
    parseBrief: fromPromise<CampaignBrief, { goal: string }>(({ input, signal }) =>
      recorder.step(
        'brief-parser',
        async () => {
          const ctx = await context();
          if (!llm) return briefParser.run({ goal: input.goal }, ctx);
          return parseBriefLlm(briefParser.input.parse({ goal: input.goal }), ctx, {
            ...llm.depsFor('brief-parser'),
            signal,
          });
        },
        signal,
      ),
    ),
    analyseCreative: fromPromise(
      ({ input, signal }: { input: { brief: CampaignBrief }; signal: AbortSignal }) =>
        recorder.step(
          'creative-analyst',
          async () => {
            const ctx = await context();
            const agentInput = { productIds: input.brief.productIds, language: input.brief.language };
            const out = llm
              ? await analyseCreativeLlm(creativeAnalyst.input.parse(agentInput), ctx, {
                  ...llm.depsFor('creative-analyst'),
                  signal,
                })
              : await creativeAnalyst.run(agentInput, ctx);
            return out.insights;
          },
          signal,
        ),
    ),
    reasonAudience: fromPromise(
      ({ input, signal }: { input: { brief: CampaignBrief }; signal: AbortSignal }) =>
        recorder.step(
          'audience-reasoner',
          async () => {
            const ctx = await context();
            const agentInput = { productIds: input.brief.productIds, audience: input.brief.audience };
            const out = llm
              ? await reasonAudienceLlm(audienceReasoner.input.parse(agentInput), ctx, {
                  ...llm.depsFor('audience-reasoner'),
                  signal,
                })
              : await audienceReasoner.run(agentInput, ctx);
            return out.segments;
          },
          signal,
        ),
    ),
    planBids: fromPromise(
      ({
        input,
        signal,
      }: {
        input: { brief: CampaignBrief; segments: AudienceSegment[] };
        signal: AbortSignal;
      }) =>
        recorder.step(
          'bid-strategist',
          async () => {
            const ctx = await context();
            if (!llm) return bidStrategist.run(input, ctx);
            return planBidsLlm(bidStrategist.input.parse(input), ctx, {
              ...llm.depsFor('bid-strategist'),
              signal,
            });
          },
          signal,
        ),
    ),
    forecastPlan: fromPromise(({ input }: { input: { brief: CampaignBrief; bidPlan: BidPlan } }) =>
      recorder.step('forecast', async () => {
        const ctx = await context();
        const products = input.brief.productIds.map((id) => ctx.catalog.product(id));
        const orderValue = averageOrderValue(
          products.length > 0 ? products : ctx.catalog.products.slice(0, 200),
          input.bidPlan.currency,
        );
        // The plan is rehearsed in the market digital twin over several seeds.
        return twinForecast({ brief: input.brief, bidPlan: input.bidPlan, orderValue });
      }),
    ),
  };
}
