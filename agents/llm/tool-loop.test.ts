import { HumanMessage, ToolMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { AudienceReasonerOutput } from '../audience-reasoner/index.js';
import { fixedClock } from '../../src/core/index.js';
import { ScriptedChatModel, script } from '../../src/testing/index.js';
import {
  BudgetLedger,
  contentText,
  InvalidModelOutputError,
  ModelCallError,
  ModelRefusalError,
  initialMessages,
  runToolLoop,
  type LoopEvent,
  type ToolLoopOptions,
} from './index.js';
import { FINAL, TOOLS, associationRules, setBidMultiplier, userHistory } from './test-fixtures.js';

type Options = Partial<ToolLoopOptions<typeof AudienceReasonerOutput>>;

function loop(model: ScriptedChatModel, extra: Options = {}) {
  const events: LoopEvent[] = [];
  const delays: number[] = [];
  const promise = runToolLoop({
    agent: 'audience-reasoner',
    model,
    tools: TOOLS,
    output: AudienceReasonerOutput,
    messages: initialMessages({
      instructions: 'Find audience segments for the products.',
      output: AudienceReasonerOutput,
      input: { productIds: ['22722'] },
    }),
    clock: fixedClock('2026-11-29T09:00:00Z'),
    retry: { maxRetries: 3, delayMs: (attempt) => (delays.push(attempt * 100), 0) },
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { promise, events, delays };
}

const lastText = (model: ScriptedChatModel, call: number) =>
  contentText(model.calls[call]?.messages.at(-1)?.content ?? '');

describe('runToolLoop (scripted model)', () => {
  it('runs think → tools → observe → final output, offering only the agent’s tools', async () => {
    const model = new ScriptedChatModel([
      script.toolCall('association_rules', { productId: '22720' }),
      script.toolCall('user_history', { userId: '17850' }),
      script.json(FINAL),
    ]);
    const { promise, events } = loop(model);
    const result = await promise;
    model.assertComplete();

    expect(result.output).toEqual(AudienceReasonerOutput.parse(FINAL));
    expect(result.calls).toBe(3);
    expect(model.calls[0]?.tools.map((t) => t.name)).toEqual(['association_rules', 'user_history']);
    expect(model.calls[0]?.tools[0]?.parameters).toMatchObject({
      properties: { limit: { description: 'How many rules, 1-10', maximum: 10 } },
    });
    const observed = model.calls[1]?.messages.at(-1);
    expect(observed).toBeInstanceOf(ToolMessage);
    expect(JSON.parse(contentText(observed?.content ?? ''))).toEqual({
      rules: [
        { from: '22720', to: '22722', confidence: 0.62, lift: 9.1 },
        { from: '22720', to: '22699', confidence: 0.41, lift: 5.3 },
      ],
    });
    expect(result.toolResults.map((r) => r.name)).toEqual(['association_rules', 'user_history']);

    const states = events.filter((e) => e.type === 'loop.state').map((e) => e.state);
    expect(states.slice(0, 7)).toEqual([
      'checkingBudget',
      'thinking',
      'deciding',
      'validatingTools',
      'runningTools',
      'observing',
      'checkingBudget',
    ]);
    expect(states.at(-1)).toBe('done');
    expect(events.filter((e) => e.type === 'model.token').length).toBeGreaterThan(1);
    expect(events.filter((e) => e.type === 'tool.called').map((e) => e.name)).toEqual([
      'association_rules',
      'user_history',
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'loop.done', calls: 3 });
  });

  it('re-asks invalid tool arguments with the exact zod issues, then runs the fixed call', async () => {
    const model = new ScriptedChatModel([
      script.toolCall('association_rules', { productId: 'plates', limit: 50 }),
      script.toolCall('association_rules', { productId: '22720', limit: 2 }),
      script.json(FINAL),
    ]);
    const { promise, events } = loop(model);
    await promise;
    const feedback = lastText(model, 1);
    expect(feedback).toContain('Invalid arguments for association_rules');
    expect(feedback).toMatch(/✖ a 5-digit catalog id\n\s+→ at productId/);
    expect(feedback).toMatch(/✖ Too big: expected number to be <=10\n\s+→ at limit/);
    expect(events.find((e) => e.type === 'loop.reasked')).toMatchObject({ reason: 'tool-calls', attempt: 1 });
    expect(events.filter((e) => e.type === 'tool.called')).toHaveLength(1);
  });

  it('re-asks tool calls whose arguments are not JSON', async () => {
    const model = new ScriptedChatModel([
      script.toolCall('association_rules', 'productId=22720'),
      script.toolCall('association_rules', { productId: '22720' }),
      script.json(FINAL),
    ]);
    await loop(model).promise;
    const correction = model.calls[1]?.messages.at(-1);
    expect(correction).toBeInstanceOf(HumanMessage);
    expect(contentText(correction?.content ?? '')).toMatch(/not valid JSON/);
  });

  it('re-asks malformed JSON in the final answer', async () => {
    const model = new ScriptedChatModel([script.reply('{"segments": [{"name": "x"'), script.json(FINAL)]);
    const { promise, events } = loop(model);
    await promise;
    expect(lastText(model, 1)).toMatch(/^Your final answer is not valid JSON \(/);
    expect(events.find((e) => e.type === 'loop.reasked')).toMatchObject({ reason: 'malformed-json' });
  });

  it('re-asks an answer that fails the output schema, with the prettified issues', async () => {
    const model = new ScriptedChatModel([script.json({ segments: [] }), script.json(FINAL)]);
    await loop(model).promise;
    expect(lastText(model, 1)).toMatch(
      /does not match the required schema:\n✖ Too small: expected array to have >=1 items\n\s+→ at segments/,
    );
  });

  it('gives up after the bounded number of re-asks with a typed error', async () => {
    const model = new ScriptedChatModel([script.reply('nope'), script.reply('still nope')]);
    const error = await loop(model, { maxRepairs: 1 }).promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidModelOutputError);
    expect(error).toMatchObject({ code: 'INVALID_MODEL_OUTPUT', reason: 'malformed-json', attempts: 1 });
    model.assertComplete();
  });

  it('ends a refusal with a typed error, without re-asking', async () => {
    const model = new ScriptedChatModel([script.reply("I'm sorry, but I can't help with targeting people.")]);
    const { promise, events } = loop(model);
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelRefusalError);
    expect((error as ModelRefusalError).text).toMatch(/can't help/);
    expect(model.calls).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'loop.failed', code: 'MODEL_REFUSAL' });
  });

  it('retries a 429 with backoff as a state, then succeeds', async () => {
    const model = new ScriptedChatModel([
      script.httpError(429, 'Rate limit reached', { 'retry-after': '2' }),
      script.json(FINAL),
    ]);
    const { promise, events, delays } = loop(model);
    await promise;
    expect(model.calls).toHaveLength(2);
    expect(delays).toEqual([100]);
    expect(events.find((e) => e.type === 'model.retry')).toMatchObject({
      kind: 'rate-limit',
      attempt: 1,
      callIndex: 0,
    });
    expect(events.filter((e) => e.type === 'loop.state').map((e) => e.state)).toContain('backingOff');
  });

  it('retries a timeout, then succeeds', async () => {
    const model = new ScriptedChatModel([script.timeout(), script.json(FINAL)]);
    const { promise, events } = loop(model);
    expect((await promise).calls).toBe(1);
    expect(events.find((e) => e.type === 'model.retry')).toMatchObject({ kind: 'timeout' });
  });

  it('stops retrying 5xx after maxRetries, and never retries a 400', async () => {
    const flaky = new ScriptedChatModel([
      script.httpError(503),
      script.httpError(502),
      script.httpError(500),
    ]);
    const error = await loop(flaky, { retry: { maxRetries: 2, delayMs: () => 0 } }).promise.catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error).toMatchObject({ attempts: 3, kind: 'server' });

    const bad = new ScriptedChatModel([script.httpError(400, 'bad request'), script.json(FINAL)]);
    const badError = await loop(bad).promise.catch((e: unknown) => e);
    expect(badError).toMatchObject({ code: 'MODEL_CALL_FAILED', attempts: 1, kind: 'client' });
    expect(bad.pending).toBe(1);
  });

  it('fails loudly when the model is called with nothing scripted', async () => {
    const model = new ScriptedChatModel([script.toolCall('association_rules', { productId: '22720' })]);
    const error = await loop(model).promise.catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/call #1 but nothing is queued/);
  });
});

describe('guards, not prompts', () => {
  it('refuses a call to a tool the agent may not use, and re-asks', async () => {
    const model = new ScriptedChatModel([
      script.toolCalls(
        { name: 'delete_campaign', args: { id: 'all' } },
        { name: 'association_rules', args: { productId: '22720' } },
      ),
      script.json(FINAL),
    ]);
    const { promise, events } = loop(model);
    await promise;
    const replies = model.calls[1]?.messages.slice(-2).map((m) => contentText(m.content));
    expect(replies?.[0]).toMatch(
      /^No tool named "delete_campaign" is available to this agent\. Available: association_rules, user_history/,
    );
    expect(JSON.parse(replies?.[1] ?? '')).toHaveProperty('rules');
    expect(events.find((e) => e.type === 'tool.refused')).toMatchObject({ name: 'delete_campaign' });
    expect(events.filter((e) => e.type === 'tool.called').map((e) => e.name)).toEqual(['association_rules']);
  });

  it('keeps permissions, bounds and budgets when a tool result carries a prompt injection', async () => {
    const model = new ScriptedChatModel([
      script.toolCall('user_history', { userId: '12346' }),
      // The model "obeys" the injected text: other tools, out-of-bounds numbers.
      script.toolCalls(
        { name: 'grant_tools', args: { tools: ['*'] } },
        { name: 'set_bid_multiplier', args: { multiplier: 50 } },
      ),
      script.toolCall('set_bid_multiplier', { multiplier: 1.5 }),
      script.json(FINAL),
    ]);
    const tools = [associationRules, userHistory, setBidMultiplier];
    const ledger = new BudgetLedger({
      clock: fixedClock('2026-11-29T09:00:00Z'),
      agent: { steps: 6, usd: 0.1 },
    });
    const { promise, events } = loop(model, { tools, ledger });
    const result = await promise;
    expect(contentText(model.calls[1]?.messages.at(-1)?.content ?? '')).toContain('SYSTEM OVERRIDE');
    const replies = model.calls[2]?.messages.slice(-2).map((m) => contentText(m.content)) ?? [];
    expect(replies[0]).toMatch(/No tool named "grant_tools"/);
    expect(replies[1]).toMatch(/Too big: expected number to be <=2/);
    expect(
      model.calls.every((c) => c.tools.map((t) => t.name).join() === tools.map((t) => t.name).join()),
    ).toBe(true);
    expect(result.toolResults.map((r) => [r.name, r.result])).toContainEqual([
      'set_bid_multiplier',
      { multiplier: 1.5 },
    ]);
    expect(events.filter((e) => e.type === 'tool.called').map((e) => e.name)).not.toContain('grant_tools');
    expect(ledger.limitsFor('audience-reasoner').agent).toEqual({ steps: 6, usd: 0.1 });
    expect(ledger.usage('audience-reasoner').steps).toBe(4);
  });
});
