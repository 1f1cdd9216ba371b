import { describe, expect, it } from 'vitest';
import { loadOrTrainIntentModel } from '../../agents/customer-service/index.js';
import { openRetailStore } from '../../tools/retail/index.js';
import { goldEndState, pristineStateHash, replayActions, writeKey } from '../datasets/tau2-retail.js';
import { eraseSuite, policyUnderTest, seededRandom } from '../harness/index.js';
import { runTau2Task, supportTau2, type Tau2Outcome } from './support-tau2.js';

const { tasks, hash } = await supportTau2.dataset({ seed: '1' });
const byId = new Map(tasks.map((t) => [t.id, t]));
const get = (id: string) => {
  const task = byId.get(id);
  if (!task) throw new Error(`no task ${id}`);
  return task;
};
const classifier = loadOrTrainIntentModel().classifier;

const noOp: Tau2Outcome = {
  endHash: pristineStateHash(),
  writes: [],
  handoff: false,
  replies: [],
  transcript: [],
  end: 'no-op',
};

describe('support-tau2 dataset and gold end state', () => {
  it('has τ²’s 114 retail tasks with the benchmark’s 74/40 split', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(tasks).toHaveLength(114);
    expect(tasks.filter((t) => t.split === 'test')).toHaveLength(40);
    expect(get('0').split).toBe('train');
    expect(get('5').split).toBe('test');
  });

  it('replays the reference actions on a fresh store: the gold end state', () => {
    const gold = goldEndState(get('0'));
    expect(gold.hash).not.toBe(pristineStateHash());
    expect(gold.userId).toBe('yusuf_rossi_9620');
    expect(gold.writes).toEqual([
      writeKey('exchange_delivered_order_items', {
        order_id: '#W2378156',
        item_ids: ['1151293680', '4983901480'],
        new_item_ids: ['7706410293', '7747408585'],
        payment_method_id: 'credit_card_9513926',
      }),
    ]);
    // The same as replaying by hand on a store of one's own.
    const store = openRetailStore();
    expect(replayActions(get('0').actions, store).hash).toBe(gold.hash);
    expect(store.stateHash()).toBe(gold.hash);
    // Task 65's reference makes no write: its gold state is the shipped database.
    expect(goldEndState(get('65')).hash).toBe(pristineStateHash());
    expect(pristineStateHash()).toBe(openRetailStore().stateHash());
  });

  it('canonicalises writes: the order of the items does not matter, their pairing does', () => {
    const a = writeKey('exchange_delivered_order_items', {
      order_id: '#W1',
      item_ids: ['2', '1'],
      new_item_ids: ['b', 'a'],
    });
    const b = writeKey('exchange_delivered_order_items', {
      order_id: '#W1',
      item_ids: ['1', '2'],
      new_item_ids: ['a', 'b'],
    });
    const c = writeKey('exchange_delivered_order_items', {
      order_id: '#W1',
      item_ids: ['1', '2'],
      new_item_ids: ['b', 'a'],
    });
    expect(a).toBe(b);
    expect(c).not.toBe(b);
  });
});

describe('support-tau2 scorer', () => {
  it('passes the gold end state and fails anything else (a wrong outcome scores 0)', () => {
    const task = get('0');
    const gold = goldEndState(task);
    const right = supportTau2.score(task, {
      ...noOp,
      endHash: gold.hash,
      writes: gold.writes,
      userId: 'yusuf_rossi_9620',
      end: 'goodbye',
    });
    expect(right.pass).toBe(true);
    expect(right.metrics).toEqual({
      success: 1,
      wrongWrite: 0,
      handoff: 0,
      writeRecall: 1,
      authenticated: 1,
    });
    const nothing = supportTau2.score(task, noOp);
    expect(nothing.pass).toBe(false);
    expect(nothing.metrics).toMatchObject({ success: 0, writeRecall: 0, authenticated: 0 });
    const wrongWrite = writeKey('cancel_pending_order', {
      order_id: '#W6247578',
      reason: 'no longer needed',
    });
    const wrong = supportTau2.score(task, {
      ...noOp,
      endHash: 'f'.repeat(64),
      writes: [wrongWrite],
      handoff: true,
    });
    expect(wrong.pass).toBe(false);
    expect(wrong.metrics).toMatchObject({ success: 0, wrongWrite: 1, handoff: 1 });
  });

  it('checks communicate_info in the replies without gating pass on it', () => {
    const task = get('2');
    expect(task.communicateInfo).toEqual(['10']);
    const told = supportTau2.score(task, { ...noOp, replies: ['There are 10 t-shirt options.'] });
    expect(told.metrics.communicated).toBe(1);
    expect(told.pass).toBe(false);
    expect(supportTau2.score(task, noOp).metrics.communicated).toBe(0);
  });

  it('the no-op baseline passes exactly the tasks whose gold changes nothing', async () => {
    const baseline = supportTau2.baseline!;
    const ctx = {} as Parameters<typeof baseline.run>[1];
    expect(supportTau2.score(get('65'), await baseline.run(get('65'), ctx)).pass).toBe(true);
    expect(supportTau2.score(get('61'), await baseline.run(get('61'), ctx)).pass).toBe(false);
  });
});

describe('support-tau2 offline policy', () => {
  it('reaches task 61’s gold end state with the simulated buyer, the same on every trial seed', async () => {
    const task = get('61');
    const outcomes = await Promise.all(
      [1, 2, 3].map((seed) => runTau2Task(task, { classifier, random: seededRandom(seed) })),
    );
    for (const outcome of outcomes) {
      const score = supportTau2.score(task, outcome);
      expect(score.pass).toBe(true);
      expect(score.metrics).toMatchObject({ success: 1, writeRecall: 1, authenticated: 1, wrongWrite: 0 });
      expect(outcome.transcript.some((e) => e.user === 'yes')).toBe(true);
    }
    const again = await runTau2Task(task, { classifier, random: seededRandom(1) });
    expect(again).toEqual(outcomes[0]);
  });

  it('fails a task it cannot finish, and leaves the database untouched when it makes no write', async () => {
    const task = get('5');
    const outcome = await runTau2Task(task, { classifier, random: seededRandom(7) });
    expect(outcome.writes).toEqual([]);
    expect(outcome.endHash).toBe(pristineStateHash());
    expect(supportTau2.score(task, outcome).pass).toBe(false);
  });

  it('runs the LLM customer-service policy under --model, the offline one otherwise', () => {
    expect(policyUnderTest(eraseSuite(supportTau2), 'openai:gpt-4o-mini').name).toBe('openai:gpt-4o-mini');
    expect(policyUnderTest(eraseSuite(supportTau2), 'offline').name).toBe('offline');
  });
});
