import type { Plan } from '../core/index.js';

const money = (x: number, currency: string) =>
  `${x.toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${currency}`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The plan as a marketer reads it: brief, insights, segments with reasons, bids, forecast. */
export function renderPlan(plan: Plan): string {
  const { brief, bidPlan, forecast } = plan;
  const out: string[] = [];
  out.push(`Run ${plan.runId} — ${plan.status.replace('_', ' ')}`);
  out.push('');
  out.push('BRIEF');
  out.push(`  Goal:       ${brief.goal}`);
  out.push(`  Objective:  ${brief.objective}`);
  const period = brief.budget.period === 'total' ? 'in total' : `per ${brief.budget.period}`;
  out.push(`  Budget:     ${money(brief.budget.amount, brief.budget.currency)} ${period}`);
  if (brief.targetCpa) out.push(`  Target CPA: ${money(brief.targetCpa.amount, brief.targetCpa.currency)}`);
  if (brief.targetRoas) out.push(`  Target ROAS: ${brief.targetRoas}`);
  const sched = [
    brief.schedule.start && `from ${brief.schedule.start}`,
    brief.schedule.days && `${brief.schedule.days} days`,
  ];
  if (sched.some(Boolean)) out.push(`  Schedule:   ${sched.filter(Boolean).join(', ')}`);
  const aud = Object.entries(brief.audience)
    .filter(([, v]) => v !== undefined && (!Array.isArray(v) || v.length > 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('/') : String(v)}`);
  if (aud.length) out.push(`  Audience:   ${aud.join(', ')}`);
  if (brief.channels.length) out.push(`  Channels:   ${brief.channels.join(', ')}`);
  out.push(
    `  Products:   ${brief.productIds.length} matched${brief.productQuery ? ` for "${brief.productQuery}"` : ''}`,
  );
  out.push('');
  out.push('CREATIVE INSIGHTS');
  if (plan.insights.length === 0) out.push('  (no catalog product matched the goal)');
  for (const i of plan.insights) {
    out.push(`  ${i.productId}  ${i.title}`);
    out.push(
      `    ${i.category}; ${i.priceBand} (price percentile ${pct(i.pricePercentile)} among its kind); season ${i.season}; tone ${i.tone}`,
    );
    out.push(`    selling points: ${i.sellingPoints.join(', ')}`);
    if (i.risks.length) out.push(`    risks: ${i.risks.join('; ')}`);
    const best = i.copies[0];
    if (best) out.push(`    best copy (${best.score.toFixed(2)}): "${best.text}"`);
  }
  out.push('');
  out.push('AUDIENCE SEGMENTS');
  for (const s of plan.segments) {
    out.push(`  ${s.name} — ${s.size} known users, predicted CVR ${pct(s.predictedCvr)}`);
    s.reasoning.forEach((step, n) => {
      out.push(`    ${n + 1}. ${step.claim} (confidence ${step.confidence.toFixed(2)})`);
      for (const e of step.evidence.slice(0, 3)) out.push(`       - [${e.source} ${e.ref}] ${e.summary}`);
    });
  }
  out.push('');
  out.push('BID PLAN');
  out.push(
    `  ${money(bidPlan.dailyBudget, bidPlan.currency)} a day for ${bidPlan.days} days (total ${money(bidPlan.totalBudget, bidPlan.currency)}); target CPA ${money(bidPlan.targetCpa, bidPlan.currency)} (${bidPlan.targetCpaSource})`,
  );
  for (const s of bidPlan.segments) {
    out.push(
      `  ${s.segment.padEnd(28)} bid ${money(s.bid, bidPlan.currency).padStart(12)}  ×[${s.minMultiplier}, ${s.maxMultiplier}]  budget ${pct(s.budgetShare)}`,
    );
  }
  const peak = [...bidPlan.hourly].sort((a, b) => b.budget - a.budget).slice(0, 3);
  out.push(
    `  Peak hours: ${peak.map((h) => `${h.hour}:00 (${money(h.budget, bidPlan.currency)})`).join(', ')}`,
  );
  out.push(`  Pacing: ${bidPlan.pacing.policy} — ${bidPlan.pacing.description}`);
  out.push('');
  out.push(`FORECAST (${forecast.method}, ${forecast.days} days)`);
  out.push(
    `  Spend ${money(forecast.spend, forecast.currency)}; conversions ${forecast.conversions.toFixed(0)} (90%: ${forecast.conversionsInterval[0].toFixed(0)}–${forecast.conversionsInterval[1].toFixed(0)}); CPA ${money(forecast.cpa, forecast.currency)}; ROAS ${forecast.roas.toFixed(2)}`,
  );
  out.push('');
  out.push('REVIEW');
  for (const c of plan.review) out.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.message}`);
  if (plan.approval) {
    out.push('');
    out.push(
      `${plan.approval.decision.toUpperCase()} by ${plan.approval.by}${plan.approval.reason ? `: ${plan.approval.reason}` : ''}`,
    );
  }
  return out.join('\n');
}
