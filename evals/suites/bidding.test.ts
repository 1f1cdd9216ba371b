import { describe, expect, it } from 'vitest';
import { CostMeter, seededRandom } from '../harness/index.js';
import { bidding, BIDDING_SEEDS } from './bidding.js';

describe('bidding suite', () => {
  it('has one task per seed, at least 20', async () => {
    const { tasks } = await bidding.dataset({ seed: '1' });
    expect(tasks).toHaveLength(BIDDING_SEEDS);
    expect(BIDDING_SEEDS).toBeGreaterThanOrEqual(20);
  });

  it('plays a seed deterministically and passes on the competitive ratio without overspend', async () => {
    const dataset = await bidding.dataset({ seed: '1' });
    const env = await bidding.setup!(dataset, { seed: '1' });
    const ctx = {
      suite: 'bidding',
      policy: 'offline',
      trial: 0,
      seed: 0,
      random: seededRandom(0),
      env,
      meter: new CostMeter(),
    };
    const task = dataset.tasks[0]!;
    const a = await bidding.run(task, ctx);
    expect(await bidding.run(task, ctx)).toEqual(a);
    const score = bidding.score(task, a);
    expect(score.pass).toBe(a.competitiveRatio >= 0.9 && a.overspendCount === 0);
    expect(Object.keys(score.metrics)).toContain('cpaRatio');
  }, 30_000);
});
