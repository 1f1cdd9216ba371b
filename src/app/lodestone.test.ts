import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, Plan, SqliteJournal } from '../core/index.js';
import { demoCatalog, fixedClock, sequentialIds } from '../testing/index.js';
import { createLodestone } from './lodestone.js';

function setup(file = ':memory:', dataDir?: string) {
  const journal = new SqliteJournal(file);
  const lodestone = createLodestone({
    config: loadConfig(dataDir ? { LODESTONE_DATA_DIR: dataDir } : {}),
    ...(dataDir ? {} : { memory: false as const }),
    clock: fixedClock('2026-11-29T09:00:00Z'),
    ids: sequentialIds(),
    journal,
    catalog: demoCatalog(),
  });
  return { lodestone, journal };
}

const GOAL = 'Sell our ceramic tableware this month, budget 3000 GBP per day, keep CPA under 12 GBP';

describe('Lodestone.plan (offline, end to end)', () => {
  it('turns the goal into a valid, approved plan and journals every step', async () => {
    const { lodestone, journal } = setup();
    const result = await lodestone.plan(GOAL, { approve: true });
    expect(result.status).toBe('planned');
    const plan = Plan.parse(result.plan);
    expect(plan.brief.budget).toEqual({ amount: 3000, currency: 'GBP', period: 'day' });
    expect(plan.brief.productIds.length).toBeGreaterThan(0);
    expect(plan.insights.length).toBe(plan.brief.productIds.length);
    expect(plan.bidPlan.dailyBudget).toBeLessThanOrEqual(3000);
    expect(plan.approval).toMatchObject({ decision: 'approved', by: 'cli --yes' });
    const types = journal.entries(result.runId).map((e) => e.type);
    expect(types[0]).toBe('run.started');
    expect(types.filter((t) => t === 'step.completed')).toHaveLength(5);
    expect(types).toContain('plan.approved');
    expect(journal.getRun(result.runId)?.status).toBe('planned');
  });

  it('saves a plan as awaiting approval, then approves it later from the journal without recomputing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lodestone-')), 'journal.db');
    const first = setup(file);
    const pending = await first.lodestone.plan(GOAL);
    expect(pending.status).toBe('awaiting_approval');
    await first.lodestone.close();

    const second = setup(file);
    const replayed: string[] = [];
    const approved = await second.lodestone.decide(pending.runId, 'approved', {
      by: 'alice',
      onProgress: (e) => e.type === 'step.completed' && e.replayed && replayed.push(e.step),
    });
    expect(approved.status).toBe('planned');
    expect(replayed.sort()).toEqual([
      'audience-reasoner',
      'bid-strategist',
      'brief-parser',
      'creative-analyst',
      'forecast',
    ]);
    expect(approved.plan?.bidPlan).toEqual(pending.plan?.bidPlan);
    expect(second.lodestone.show(pending.runId).plan?.approval?.by).toBe('alice');
    await expect(second.lodestone.decide(pending.runId, 'rejected')).rejects.toThrow(/awaiting approval/);
    await second.lodestone.close();
  });

  it('records a goal without a budget as a failed run with a typed error listing what is missing', async () => {
    const { lodestone } = setup();
    const result = await lodestone.plan('Sell our ceramic tableware to young families in London');
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'BAD_GOAL', missing: ['budget'] });
    expect(result.error?.message).toMatch(/Example of a goal that works/);
    expect(lodestone.show(result.runId).error?.code).toBe('BAD_GOAL');
  });

  it('uses the vector memory: products ranked by meaning, prices against neighbours, lookalikes by user similarity', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lodestone-mem-'));
    const { lodestone } = setup(':memory:', dataDir);
    const result = await lodestone.plan(GOAL, { approve: true });
    const plan = Plan.parse(result.plan);
    expect(plan.insights[0]?.priceVsSimilar?.neighbours).toBe(10);
    expect(plan.insights[0]?.similarProducts?.length).toBe(5);
    const lookalikes = plan.segments.find((s) => s.kind === 'similar-users');
    expect(lookalikes?.reasoning.some((r) => r.evidence.some((e) => e.source === 'memory'))).toBe(true);
    for (const e of lookalikes!.reasoning.flatMap((r) => r.evidence).filter((x) => x.source === 'memory')) {
      expect(demoCatalog().user(e.ref)).toBeDefined();
    }
    await lodestone.close();
  }, 120_000);

  it('fails a goal without a budget before opening the vector memory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lodestone-nomem-'));
    const { lodestone } = setup(':memory:', dataDir);
    const result = await lodestone.plan('Sell our ceramic tableware to young families in London');
    expect(result.error?.code).toBe('BAD_GOAL');
    expect(existsSync(join(dataDir, 'memory'))).toBe(false);
    await lodestone.close();
  });

  it('lists runs newest first', async () => {
    const { lodestone } = setup();
    await lodestone.plan(GOAL);
    await lodestone.plan('推广我们的陶瓷餐具，每天预算3000英镑，CPA不超过12英镑，持续两周');
    expect(lodestone.runs().map((r) => r.id)).toEqual(['run_2', 'run_1']);
  });
});
