import { Plan, type RunStatus } from '../core/index.js';
import type { CampaignLaunchContext } from '../../workflows/index.js';

/** The run status a workflow state maps to. */
export function statusOf(stateValue: unknown): RunStatus | 'running' {
  if (stateValue === 'awaitingApproval') return 'awaiting_approval';
  if (stateValue === 'planned' || stateValue === 'rejected' || stateValue === 'failed') return stateValue;
  return 'running';
}

/**
 * The Plan of a run from the workflow's context, validated against the exported schema, or
 * undefined if the run stopped before a plan existed.
 */
export function buildPlan(
  runId: string,
  status: RunStatus,
  createdAt: string,
  context: CampaignLaunchContext,
  now: string,
): Plan | undefined {
  const { brief, insights, segments, bidPlan, forecast } = context;
  if (!brief || !insights || !segments || !bidPlan || !forecast) return undefined;
  const approval = context.approval ? { ...context.approval, at: context.approval.at || now } : undefined;
  return Plan.parse({
    runId,
    status,
    createdAt,
    brief,
    insights,
    segments,
    bidPlan,
    forecast,
    review: context.review,
    ...(approval ? { approval } : {}),
  });
}
