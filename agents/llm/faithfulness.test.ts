import { describe, expect, it } from 'vitest';
import { ScriptedChatModel, script } from '../../src/testing/index.js';
import {
  UnfaithfulReasoningError,
  checkFaithfulness,
  contentText,
  faithfulnessCheck,
  runToolLoop,
  type LoopEvent,
} from './index.js';
import { audienceLoop, FINAL, faithfulSegment } from './test-fixtures.js';

const RESULTS = [
  { toolCallId: 'c1', result: { rules: [{ from: '22720', to: '22722', confidence: 0.62 }] } },
  { toolCallId: 'c2', result: { userId: '17850', purchases: ['22720', '85123A'] } },
];

const invented = faithfulSegment({
  reasoning: [
    {
      claim: 'Buyers of 22720 buy 23084.',
      evidence: [
        { source: 'rule', ref: '22720->23084', summary: 'invented' },
        { source: 'user-history', ref: '99999', summary: 'invented' },
        { source: 'statistic', ref: 'propensity', summary: 'computed' },
      ],
      confidence: 0.9,
    },
  ],
});

describe('checkFaithfulness', () => {
  it('accepts a chain whose every cited ref is in a journaled tool result', () => {
    expect(checkFaithfulness(FINAL.segments, RESULTS)).toEqual({
      faithful: true,
      checked: 2,
      unchecked: 0,
      unsupported: [],
    });
  });

  it('lists refs no tool returned; brief and statistic evidence is unchecked', () => {
    const report = checkFaithfulness([invented], RESULTS);
    expect(report.faithful).toBe(false);
    expect(report.unchecked).toBe(1);
    expect(report.unsupported).toEqual([
      { item: 'Likely next buyers', step: 0, source: 'rule', ref: '22720->23084' },
      { item: 'Likely next buyers', step: 0, source: 'user-history', ref: '99999' },
    ]);
  });

  it('supports tool-call refs and literal rule text', () => {
    const segment = faithfulSegment({
      reasoning: [
        {
          claim: 'c',
          evidence: [
            { source: 'tool', ref: 'c2', summary: 's' },
            { source: 'rule', ref: '1->2', summary: 's' },
          ],
          confidence: 0.5,
        },
      ],
    });
    expect(
      checkFaithfulness([segment], [...RESULTS, { toolCallId: 'c3', result: 'rule 1->2' }]).faithful,
    ).toBe(false);
    expect(checkFaithfulness([segment], [...RESULTS, { toolCallId: 'c3', result: ['1->2'] }]).faithful).toBe(
      true,
    );
  });
});

describe('faithfulness in the tool loop', () => {
  it('re-asks an unfaithful chain with the list of unsupported refs', async () => {
    const events: LoopEvent[] = [];
    const model = new ScriptedChatModel([
      script.json({ segments: [invented] }),
      script.toolCall('association_rules', { productId: '22720' }),
      script.toolCall('user_history', { userId: '17850' }),
      script.json(FINAL),
    ]);
    const result = await runToolLoop({
      ...audienceLoop(),
      model,
      check: faithfulnessCheck({ agent: 'audience-reasoner' }),
      onEvent: (e) => events.push(e),
    });
    expect(contentText(model.calls[1]?.messages.at(-1)?.content ?? '')).toMatch(
      /not in any tool result of this run:\n- rule 22720->23084 \(Likely next buyers, step 1\)\n- user-history 99999/,
    );
    expect(events.find((e) => e.type === 'loop.reasked')).toMatchObject({ reason: 'output-check' });
    expect(result.output.segments[0]?.reasoning[0]?.evidence[0]?.ref).toBe('22720->22722');
  });

  it('rejects an unfaithful chain at once in reject mode', async () => {
    const model = new ScriptedChatModel([script.json({ segments: [invented] })]);
    const error = await runToolLoop({
      ...audienceLoop(),
      model,
      check: faithfulnessCheck({ agent: 'audience-reasoner', mode: 'reject' }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnfaithfulReasoningError);
    expect(error).toMatchObject({ code: 'UNFAITHFUL_REASONING', unsupported: ['22720->23084', '99999'] });
  });
});
