import { describe, expect, it } from 'vitest';
import { PRICE_TABLE } from '../../src/core/model/index.js';
import { costAgentOf, costLedger, JournalOnlyChatModel } from './index.js';

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

  it('books the loops of one agent (`agent/<decision>` keys) under the agent, and keys without `/` as they are', () => {
    const thread = [
      responded('customer-service/t0.s0', 0, 500, 20, 0.0001),
      { type: 'llm.model.retry', data: { agent: 'customer-service/t1.s0', callIndex: 0 } },
      responded('customer-service/t1.s0', 0, 700, 30, 0.0002),
      responded('customer-service/t1.s1', 0, 900, 40, 0.0003),
    ];
    const ledger = costLedger([...entries, ...thread]);
    expect(ledger.agents.map((a) => a.agent)).toEqual(['brief-parser', 'bid-strategist', 'customer-service']);
    expect(ledger.agents[2]).toMatchObject({
      model: 'gpt-4o-mini',
      calls: 3,
      retries: 1,
      inputTokens: 2100,
      outputTokens: 90,
      totalTokens: 2190,
    });
    expect(ledger.agents[2]?.usd).toBeCloseTo(0.0006, 10);
    expect(ledger.total).toMatchObject({ calls: 6, retries: 2 });
    // The planning agents' lines are what they were without the thread.
    expect(ledger.agents.slice(0, 2)).toEqual(costLedger(entries).agents);
    expect(costAgentOf('customer-service/thread-7/t0.s0')).toBe('customer-service');
    expect(costAgentOf('brief-parser')).toBe('brief-parser');
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
