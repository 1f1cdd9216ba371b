import { describe, expect, it } from 'vitest';
import { PRICE_TABLE } from '../../src/core/model/index.js';
import { costLedger, JournalOnlyChatModel } from './index.js';

const responded = (
  agent: string,
  callIndex: number,
  input: number,
  output: number,
  usd: number,
  estimated = false,
) => ({
  type: 'llm.model.responded',
  data: {
    agent,
    callIndex,
    model: 'gpt-4o-mini',
    usd,
    response: {
      content: '',
      toolCalls: [],
      invalidToolCalls: [],
      usage: {
        inputTokens: input,
        outputTokens: output,
        totalTokens: input + output,
        ...(estimated ? { estimated } : {}),
      },
    },
  },
});

describe('costLedger (a projection of the journal)', () => {
  const entries = [
    { type: 'run.started', data: { goal: 'g' } },
    responded('brief-parser', 0, 1000, 50, 0.00018),
    {
      type: 'llm.tool.result',
      data: {
        agent: 'brief-parser',
        callIndex: 0,
        name: 'catalog_search',
        result: { products: ['x'.repeat(396)] },
      },
    },
    responded('brief-parser', 1, 1200, 300, 0.00036),
    { type: 'llm.model.retry', data: { agent: 'bid-strategist', callIndex: 0 } },
    responded('bid-strategist', 0, 2000, 100, 0.00036, true),
    {
      type: 'llm.tool.result',
      data: { agent: 'bid-strategist', callIndex: 0, name: 'target_cpa_bid', error: 'bad' },
    },
  ];

  it('sums tokens and dollars per agent and in total, with retries and estimated usage flagged', () => {
    const ledger = costLedger(entries);
    expect(ledger.agents).toEqual([
      {
        agent: 'brief-parser',
        model: 'gpt-4o-mini',
        calls: 2,
        retries: 0,
        inputTokens: 2200,
        outputTokens: 350,
        totalTokens: 2550,
        usd: 0.00054,
        estimated: false,
      },
      {
        agent: 'bid-strategist',
        model: 'gpt-4o-mini',
        calls: 1,
        retries: 1,
        inputTokens: 2000,
        outputTokens: 100,
        totalTokens: 2100,
        usd: 0.00036,
        estimated: true,
      },
    ]);
    expect(ledger.total).toMatchObject({ calls: 3, retries: 1, totalTokens: 4650, estimated: true });
    expect(ledger.total.usd).toBeCloseTo(0.0009, 10);
  });

  it('prices a tool’s results as the input tokens they add to the agent’s later prompts', () => {
    const [search, bid] = costLedger(entries).tools;
    // {"products":["x"×396]} is 413 chars → 104 tokens, sent again in 1 later call at $0.15/M.
    expect(search).toEqual({
      tool: 'catalog_search',
      calls: 1,
      errors: 0,
      resultTokens: 104,
      promptTokens: 104,
      usd: (104 * 0.15) / 1e6,
    });
    expect(bid).toMatchObject({ tool: 'target_cpa_bid', calls: 1, errors: 1, promptTokens: 0, usd: 0 });
  });

  it('is empty for an offline run, and uses the given price table', () => {
    expect(costLedger([{ type: 'run.started', data: {} }])).toEqual({
      agents: [],
      tools: [],
      total: {
        calls: 0,
        retries: 0,
        inputTokens: 0,
        outputTokens: 0,
        totalTokens: 0,
        usd: 0,
        estimated: false,
      },
    });
    const free = { ...PRICE_TABLE, models: { 'gpt-4o-mini': { input: 0, output: 0 } } };
    expect(costLedger(entries, free).tools[0]?.usd).toBe(0);
  });
});

describe('JournalOnlyChatModel', () => {
  it('carries the journaled model name and refuses to be called', async () => {
    const model = new JournalOnlyChatModel('gpt-4o-mini');
    expect(model.model).toBe('gpt-4o-mini');
    expect(model.bindTools([])).toBe(model);
    await expect(model.invoke('hi')).rejects.toThrow(/never calls a model/);
  });
});
