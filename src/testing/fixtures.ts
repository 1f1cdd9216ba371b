import { analyticForecast, bidStrategist } from '../../agents/bid-strategist/index.js';
import type { AgentContext } from '../../agents/define-agent.js';
import { Catalog, loadCatalogData } from '../../tools/catalog/index.js';
import { Plan, silentLogger, type AudienceSegment, type CampaignBrief } from '../core/index.js';

let shared: Catalog | undefined;

/** The shipped demo catalog, loaded once per process. */
export function demoCatalog(): Catalog {
  shared ??= new Catalog(loadCatalogData());
  return shared;
}

/** An agent context over the demo catalog with a fixed date. */
export function testAgentContext(overrides: Partial<AgentContext> = {}): AgentContext {
  return {
    catalog: demoCatalog(),
    logger: silentLogger(),
    today: '2026-11-29',
    defaultCurrency: 'CNY',
    ...overrides,
  };
}

/**
 * A valid brief for the demo tableware campaign (3,000 GBP a day, CPA under 12 GBP), with
 * overrides. One builder for every test that needs a brief, instead of a copy in each.
 *
 * @example
 * ```ts
 * testBrief({ schedule: { days: 30 } });
 * ```
 */
export function testBrief(over: Partial<CampaignBrief> = {}): CampaignBrief {
  return {
    goal: 'Sell our ceramic tableware, 3000 GBP a day, CPA under 12 GBP',
    language: 'en',
    objective: 'sales',
    budget: { amount: 3000, currency: 'GBP', period: 'day' },
    targetCpa: { amount: 12, currency: 'GBP' },
    schedule: { days: 14 },
    audience: {},
    productIds: ['22139'],
    channels: [],
    ...over,
  };
}

/**
 * A valid audience segment with a one-step reasoning chain, with overrides.
 *
 * @example
 * ```ts
 * testSegment({ predictedCvr: 0.02, size: 1500 });
 * ```
 */
export function testSegment(over: Partial<AudienceSegment> = {}): AudienceSegment {
  return {
    name: 'likely buyers',
    kind: 'broad',
    description: '',
    productIds: [],
    size: 400,
    predictedCvr: 0.05,
    predictedBuyers: [],
    reasoning: [{ claim: 'c', evidence: [{ source: 'statistic', ref: 'x', summary: 's' }], confidence: 0.5 }],
    ...over,
  };
}

/**
 * A valid plan for the demo tableware campaign: `testBrief` (14 days) and `testSegment`, the
 * offline bid strategist's bid plan and the analytic forecast. One builder for the tests that
 * deliver or store a plan.
 *
 * @example
 * ```ts
 * const plan = await testPlan({ runId: 'run_approved' });
 * ```
 */
export async function testPlan(
  over: { runId?: string; status?: Plan['status']; createdAt?: string } = {},
): Promise<Plan> {
  const brief = testBrief({ goal: 'Sell our ceramic tableware, 3000 GBP a day, CPA under 12 GBP, 14 days' });
  const segment = testSegment();
  const bidPlan = await bidStrategist.run({ brief, segments: [segment] }, testAgentContext());
  return Plan.parse({
    runId: over.runId ?? 'run_test',
    status: over.status ?? 'planned',
    createdAt: over.createdAt ?? '2026-11-29T09:00:00Z',
    brief,
    insights: [],
    segments: [segment],
    bidPlan,
    forecast: analyticForecast.call({ bidPlan, orderValue: 17.57 }),
    review: [],
  });
}
