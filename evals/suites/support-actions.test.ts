import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abcdSubflows, loadOrTrainIntentModel } from '../../agents/customer-service/index.js';
import { ScriptedChatModel, script } from '../../src/testing/index.js';
import { SCRIPTED_MODEL, scriptedLlmContext } from '../llm/index.js';
import { ABCD_DIR, readAbcd } from '../datasets/abcd.js';
import { majorityPrediction, predictActions, supportActions, type ActionTask } from './support-actions.js';

const tmp = mkdtempSync(join(tmpdir(), 'lodestone-abcd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const task = (gold: string[], over: Partial<ActionTask> = {}): ActionTask => ({
  id: 'abcd-1',
  split: 'test',
  customerTurns: [],
  flow: 'product_defect',
  subflow: 'refund_status',
  gold,
  ...over,
});

describe('support-actions dataset', () => {
  it('reads the gold actions of the shipped ABCD sample and splits it by a fixed hash', async () => {
    const { tasks, hash, id } = await supportActions.dataset({ seed: '1' });
    expect(id).toBe('abcd-sample');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(tasks.map((t) => t.id).sort()).toEqual(['abcd-3592', 'abcd-3695', 'abcd-9489']);
    expect(tasks.filter((t) => t.split === 'test').length).toBe(1);
    const byId = new Map(tasks.map((t) => [t.id, t]));
    expect(byId.get('abcd-3695')).toMatchObject({
      subflow: 'timing',
      gold: ['search-faq', 'search-timing', 'select-faq'],
    });
    // The agent escalated instead of following kb.json's return_size sequence: the gold is what it did.
    expect(byId.get('abcd-3592')?.gold).toEqual([
      'pull-up-account',
      'validate-purchase',
      'enter-details',
      'notify-team',
    ]);
    expect(byId.get('abcd-9489')?.customerTurns[0]).toBe('just wanted to check on the status of a refund');
    // The run seed does not move the split.
    const again = await supportActions.dataset({ seed: '2' });
    expect(again.tasks.map((t) => t.split)).toEqual(tasks.map((t) => t.split));
  });

  it('keeps the official split of the full dataset ({ train, dev, test }) when it is present', () => {
    const sample = JSON.parse(readFileSync(join(ABCD_DIR, 'abcd_sample.json'), 'utf8')) as unknown[];
    writeFileSync(
      join(tmp, 'abcd_v1.1.json'),
      JSON.stringify({ train: [sample[0]], dev: [sample[1]], test: [sample[2]] }),
    );
    copyFileSync(join(ABCD_DIR, 'kb.json'), join(tmp, 'kb.json'));
    const full = readAbcd(tmp);
    expect(full.file).toBe('abcd_v1.1.json');
    expect(full.conversations.map((c) => [c.convoId, c.split])).toEqual([
      [3592, 'train'],
      [9489, 'train'],
      [3695, 'test'],
    ]);
  });
});

describe('support-actions policies and scorer', () => {
  const classifier = loadOrTrainIntentModel().classifier;

  it('predicts kb.json’s sequence for the first customer message with an ABCD subflow', () => {
    const p = predictActions(
      ['Alessandro Phoenix', 'just wanted to check on the status of a refund'],
      classifier,
    );
    expect(p).toMatchObject({
      subflow: 'refund_status',
      intent: 'track_refund',
      turn: 1,
      actions: ['pull-up-account', 'validate-purchase', 'notify-team', 'update-order'],
    });
    expect(predictActions(['hello', 'thanks'], classifier)).toEqual({ subflow: null, actions: [] });
  });

  it('scores exact, prefix and edit distance, and a wrong prediction scores 0', () => {
    const gold = ['pull-up-account', 'validate-purchase', 'enter-details', 'notify-team'];
    const right = supportActions.score(task(gold), { subflow: 'refund_status', actions: gold });
    expect(right.pass).toBe(true);
    expect(right.metrics).toEqual({ exactMatch: 1, prefixMatch: 1, editDistance: 0, subflowAccuracy: 1 });
    const wrong = supportActions.score(task(gold), {
      subflow: 'timing',
      actions: ['search-faq', 'search-timing', 'select-faq'],
    });
    expect(wrong.pass).toBe(false);
    expect(wrong.metrics).toEqual({ exactMatch: 0, prefixMatch: 0, editDistance: 1, subflowAccuracy: 0 });
    const partial = supportActions.score(task(gold), {
      subflow: 'refund_initiate',
      actions: ['pull-up-account', 'validate-purchase', 'record-reason', 'enter-details', 'offer-refund'],
    });
    expect(partial.metrics).toEqual({
      exactMatch: 0,
      prefixMatch: 0.5,
      editDistance: 0.4,
      subflowAccuracy: 0,
    });
  });

  it('the baseline answers the train split’s most frequent sequence', () => {
    const a = ['pull-up-account', 'validate-purchase'];
    const b = ['search-faq', 'search-pricing', 'select-faq'];
    const tasks = [
      task(a, { id: '1', split: 'train', subflow: 'refund_status' }),
      task(b, { id: '2', split: 'train', subflow: 'pricing' }),
      task(b, { id: '3', split: 'train', subflow: 'pricing' }),
      task(a, { id: '4', split: 'test' }),
      task(a, { id: '5', split: 'test' }),
    ];
    expect(majorityPrediction(tasks)).toEqual({ subflow: 'pricing', actions: b });
  });
});

describe('support-actions LLM policy (scripted model)', () => {
  const llm = supportActions.llm!(SCRIPTED_MODEL);
  const env = { classifier: loadOrTrainIntentModel().classifier, majority: { subflow: null, actions: [] } };
  const conversation = task(['pull-up-account', 'validate-purchase', 'notify-team', 'update-order'], {
    customerTurns: ['hi', 'just wanted to check on the status of a refund'],
  });

  it('predicts the kb.json sequence of the subflow the model names, offering every subflow', async () => {
    const model = new ScriptedChatModel([script.json({ subflow: 'refund_status' })]);
    const predicted = await llm.run(conversation, scriptedLlmContext('support-actions', env, model));
    model.assertComplete();
    expect(predicted).toEqual({ subflow: 'refund_status', actions: conversation.gold });
    expect(supportActions.score(conversation, predicted).metrics.exactMatch).toBe(1);
    const prompt = JSON.stringify(model.calls[0]?.messages.map((m) => m.content));
    for (const subflow of Object.keys(abcdSubflows())) expect(prompt).toContain(subflow);
  });

  it('scores a model that never names a subflow as an empty prediction', async () => {
    const model = new ScriptedChatModel(Array.from({ length: 4 }, () => script.reply('not json')));
    const predicted = await llm.run(conversation, scriptedLlmContext('support-actions', env, model));
    expect(predicted).toEqual({ subflow: null, actions: [] });
    expect(supportActions.score(conversation, predicted).pass).toBe(false);
  });
});
