import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { ScriptedChatModel, memoryJournal, script } from '../../src/testing/index.js';
import {
  ReplayDivergedError,
  ReplayMissError,
  journalCallCache,
  journalLoopEvents,
  runToolLoop,
  type LoopEvent,
  type ModelCallCache,
} from './index.js';
import { audienceLoop, FINAL } from './test-fixtures.js';

const clock = fixedClock('2026-11-29T09:00:00Z');

function run(
  model: ScriptedChatModel,
  options: { cache?: ModelCallCache; onEvent?: (e: LoopEvent) => void; input?: unknown },
) {
  return runToolLoop({
    ...audienceLoop(options.input ?? { productIds: ['22722'] }),
    model,
    clock,
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
}

const threeCalls = () => [
  script.toolCall('association_rules', { productId: '22720' }),
  script.toolCall('user_history', { userId: '17850' }),
  script.json(FINAL),
];

async function journaledRun() {
  const journal = memoryJournal();
  journal.createRun({ id: 'run_1', kind: 'campaign-launch', title: 'goal', at: clock.now().toISOString() });
  const record = (type: string, data: unknown) =>
    journal.append('run_1', type, data, clock.now().toISOString());
  const model = new ScriptedChatModel(threeCalls());
  const result = await run(model, { onEvent: journalLoopEvents(record) });
  return { journal, result, entries: journal.entries('run_1') };
}

describe('journal, replay and resume', () => {
  it('journals every model response (content, tool calls, usage) and tool result', async () => {
    const { entries } = await journaledRun();
    expect(entries.map((e) => e.type)).toEqual([
      'llm.model.responded',
      'llm.tool.result',
      'llm.model.responded',
      'llm.tool.result',
      'llm.model.responded',
      'llm.loop.done',
    ]);
    expect(entries[0]?.data).toMatchObject({
      agent: 'audience-reasoner',
      callIndex: 0,
      model: 'scripted',
      response: {
        content: '',
        toolCalls: [{ id: 'call_0_0', name: 'association_rules', args: { productId: '22720' } }],
        usage: { inputTokens: expect.any(Number) as number, outputTokens: expect.any(Number) as number },
      },
    });
    expect(entries[1]?.data).toMatchObject({
      name: 'association_rules',
      toolCallId: 'call_0_0',
      result: { rules: expect.any(Array) as unknown },
    });
  });

  it('replays a run from the journal with zero model calls and the same output', async () => {
    const { entries, result } = await journaledRun();
    const model = new ScriptedChatModel([]);
    const events: LoopEvent[] = [];
    const replay = await run(model, {
      cache: journalCallCache(entries, { strict: true }),
      onEvent: (e) => events.push(e),
    });
    expect(model.calls).toHaveLength(0);
    expect(replay.output).toEqual(result.output);
    expect(events.filter((e) => e.type === 'model.responded').every((e) => e.replayed)).toBe(true);
    expect(events.some((e) => e.type === 'model.requested')).toBe(false);
  });

  it('resumes a crashed run, skipping every completed call', async () => {
    const { entries, result } = await journaledRun();
    // The process died after the second model response, before its tool result was journaled.
    const partial = entries.slice(0, 3);
    const model = new ScriptedChatModel([script.json(FINAL)]);
    const events: LoopEvent[] = [];
    const resumed = await run(model, { cache: journalCallCache(partial), onEvent: (e) => events.push(e) });
    expect(model.calls).toHaveLength(1);
    expect(resumed.output).toEqual(result.output);
    const tools = events.filter((e) => e.type === 'tool.result').map((e) => [e.name, e.replayed]);
    expect(tools).toEqual([
      ['association_rules', true],
      ['user_history', false],
    ]);
  });

  it('a strict replay refuses to call the model, and detects a changed prompt', async () => {
    const { entries } = await journaledRun();
    const missing = await run(new ScriptedChatModel([]), {
      cache: journalCallCache(entries.slice(0, 2), { strict: true }),
    }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ReplayMissError);
    expect(missing).toMatchObject({ callIndex: 1 });

    const diverged = await run(new ScriptedChatModel([]), {
      cache: journalCallCache(entries, { strict: true }),
      input: { productIds: ['99999'] },
    }).catch((e: unknown) => e);
    expect(diverged).toBeInstanceOf(ReplayDivergedError);
  });

  it('an exact cache answers only the prompts it answered, and sends what it does not hold to the model', async () => {
    const { entries, result } = await journaledRun();
    // A changed prompt fails rather than take an answer made for another conversation.
    const diverged = await run(new ScriptedChatModel([]), {
      cache: journalCallCache(entries, { exact: true }),
      input: { productIds: ['99999'] },
    }).catch((e: unknown) => e);
    expect(diverged).toBeInstanceOf(ReplayDivergedError);
    // The same cache without `exact` (plan resume) takes the journaled answer.
    const loose = await run(new ScriptedChatModel([]), {
      cache: journalCallCache(entries),
      input: { productIds: ['99999'] },
    }).catch((e: unknown) => e);
    expect(loose).not.toBeInstanceOf(ReplayDivergedError);
    // Same prompt: the journaled calls answer and the one it lacks goes live.
    const model = new ScriptedChatModel([script.json(FINAL)]);
    const resumed = await run(model, { cache: journalCallCache(entries.slice(0, 3), { exact: true }) });
    expect(model.calls).toHaveLength(1);
    expect(resumed.output).toEqual(result.output);
  });
});
