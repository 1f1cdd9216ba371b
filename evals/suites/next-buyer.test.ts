import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { retailMonths, TARGET_START } from '../datasets/index.js';
import { eraseSuite, RunStore, runEval } from '../harness/index.js';
import { MIN_TARGET_BUYERS, nextBuyer } from './next-buyer.js';

describe('next-buyer suite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lodestone-next-buyer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sees only Dec–Jan purchases and predicts February', async () => {
    const { users } = retailMonths();
    expect(users.every((u) => u.purchases.every((p) => p.date < TARGET_START))).toBe(true);
    const dataset = await nextBuyer.dataset({ seed: '1' });
    expect(dataset.tasks.length).toBe(269);
    for (const t of dataset.tasks)
      expect(t.buyers.length + t.newBuyers).toBeGreaterThanOrEqual(MIN_TARGET_BUYERS);
  });

  it('beats the recency-frequency baseline on AUC and recall@50 on the held-out products', async () => {
    const { summary } = await runEval({
      store: new RunStore(dir),
      suites: [eraseSuite(nextBuyer)],
      options: { seed: '1', trials: 1, split: 'test', model: 'offline' },
    });
    const s = summary.suites['next-buyer']!;
    // Measured: AUC 0.783 against 0.690 (paired Δ +0.092 [0.081, 0.104]); recall@50 0.317 against 0.168.
    expect(s.policy.metrics.auc!.mean).toBeGreaterThan(s.baseline!.metrics.auc!.mean);
    expect(s.vsBaseline!.auc!.low).toBeGreaterThan(0);
    expect(s.vsBaseline!['recall@50']!.low).toBeGreaterThan(0);
  }, 90_000);
});
