/**
 * The bid strategist's LLM policy in the bidding suite's market twin. For each focal campaign of a
 * seed, the strategist plans a one-day campaign with that campaign's budget and target CPA and
 * one segment, the market's traffic; the plan's pacing policy (dual or PID) within the plan's
 * multiplier bounds then bids for that campaign — what `planTwin` does with a plan in `plan`'s
 * twin forecast. The twin reads nothing else of a plan: bids, shares and hours are the tools'.
 */
import { planBounds } from '../../agents/bid-strategist/index.js';
import { planBidsLlm } from '../../agents/bid-strategist/llm-bid-strategist.js';
import type { AgentContext } from '../../agents/define-agent.js';
import {
  boundedPolicy,
  dualPacing,
  pidPacing,
  type MarketConfig,
  type PolicyFactory,
} from '../../simulator/index.js';
import { llmToolRegistry } from '../../src/app/index.js';
import type { AudienceSegment, BidPlan, CampaignBrief } from '../../src/core/index.js';
import { testAgentContext } from '../../src/testing/index.js';
import type { ToolRegistry } from '../../tools/define-tool.js';
import type { TrialContext } from '../harness/index.js';
import { withEvalLlm } from '../llm/index.js';

/** The name of the planned policy in the suite's metrics (`score:llm-plan`). */
export const PLAN_POLICY = 'llm-plan';

/** Market money has no currency; the strategist needs one, and converts nothing in its own. */
const CURRENCY = 'USD';

/**
 * What the strategist is asked for one campaign of the market: a one-day brief with the
 * campaign's budget and target CPA, and one broad segment — the day's opportunities at the
 * market's mean predicted conversion rate.
 *
 * @example
 * ```ts
 * campaignInput(market, 7).brief.budget; // { amount: 3050, currency: 'USD', period: 'day' }
 * ```
 */
export function campaignInput(
  market: MarketConfig,
  index: number,
): { brief: CampaignBrief; segments: AudienceSegment[] } {
  const campaign = market.campaigns[index];
  if (!campaign) throw new RangeError(`The market ${market.name} has no campaign ${index}`);
  const goal = `Campaign ${index} of ${market.name}: conversions, budget ${campaign.budget} ${CURRENCY} per day, CPA under ${campaign.targetCpa} ${CURRENCY}, one day`;
  return {
    brief: {
      goal,
      language: 'en',
      objective: 'conversions',
      budget: { amount: campaign.budget, currency: CURRENCY, period: 'day' },
      targetCpa: { amount: campaign.targetCpa, currency: CURRENCY },
      schedule: { days: 1 },
      audience: {},
      productIds: [],
      channels: [],
    },
    segments: [
      {
        name: 'Market traffic',
        kind: 'broad',
        description: `Every impression opportunity of the day in ${market.name}`,
        productIds: [],
        size: market.opportunities,
        predictedCvr: market.values.baseCvr,
        predictedBuyers: [],
        reasoning: [
          {
            claim: 'The day brings the market’s opportunities at its mean predicted conversion rate.',
            evidence: [
              {
                source: 'statistic',
                ref: 'market.values.baseCvr',
                summary: `mean predicted conversion probability ${market.values.baseCvr}`,
              },
            ],
            confidence: 0.9,
          },
        ],
      },
    ],
  };
}

/**
 * A plan's pacing as a simulator policy, as `planTwin` builds it: dual pacing capped at the plan's
 * upper bound when the plan says dual, else PID pacing within its bounds; bounded either way.
 *
 * @example
 * ```ts
 * planPacing(bidPlan).name; // 'dual-pacing'
 * ```
 */
export function planPacing(plan: BidPlan): PolicyFactory {
  const bounds = planBounds(plan);
  const inner =
    plan.pacing.policy === 'dual'
      ? dualPacing({ steps: { maxMultiplier: bounds.max } })
      : pidPacing({ gains: { min: bounds.min, max: bounds.max } });
  return boundedPolicy(inner, bounds);
}

/**
 * One policy that bids for each planned campaign with its own plan's pacing.
 *
 * @example
 * ```ts
 * evaluatePolicies({ seeds: [seed], policies: [plannedPolicy(plans)], market, focal: [...plans.keys()] });
 * ```
 */
export function plannedPolicy(plans: ReadonlyMap<number, BidPlan>): PolicyFactory {
  return {
    name: PLAN_POLICY,
    usesWhatIf: false,
    create(context) {
      const plan = plans.get(context.campaign.index);
      if (!plan) throw new RangeError(`No bid plan for campaign ${context.campaign.index}`);
      return planPacing(plan).create(context);
    },
  };
}

let agent: { ctx: AgentContext; tools: ToolRegistry } | undefined;

/**
 * The strategist's plan for each campaign of `focal`, one tool loop each, in order.
 *
 * @example
 * ```ts
 * const plans = await planCampaigns(ctx, env.auctionnet, rotatingFocal(env.auctionnet, 1));
 * ```
 */
export async function planCampaigns(
  ctx: TrialContext<unknown>,
  market: MarketConfig,
  focal: readonly number[],
): Promise<Map<number, BidPlan>> {
  if (!agent) {
    const agentContext = testAgentContext();
    agent = { ctx: agentContext, tools: llmToolRegistry(agentContext.catalog) };
  }
  const { ctx: agentContext, tools } = agent;
  const plans = new Map<number, BidPlan>();
  for (const index of focal)
    plans.set(
      index,
      await withEvalLlm(ctx, tools, (deps) => planBidsLlm(campaignInput(market, index), agentContext, deps)),
    );
  return plans;
}
