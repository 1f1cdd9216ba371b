import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, sequentialIds } from '../../src/core/index.js';
import { ScriptedChatModel } from '../../src/testing/index.js';
import { openSqliteLeadStore, type LeadStore } from '../../tools/leads/index.js';
import { RETAIL_WRITE_TOOLS } from '../../tools/retail/index.js';
import { runSupportThread } from '../../workflows/index.js';
import { contentText } from '../llm/index.js';
import { createLlmSupportPolicy } from './llm-policy.js';
import { CANCEL_THREAD, YUSUF, cancelDecisions, decision } from './llm-test-fixtures.js';
import { HANDOFF_TOOL, supportToolCatalog, toolInputJsonSchema } from './llm-tool-catalog.js';
import type { Observation, SupportPolicy } from './policy-types.js';
import { createSampleProductSearch } from './sample-catalog.js';

const opened: LeadStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function thread(messages: readonly string[], policy: SupportPolicy) {
  const leads = openSqliteLeadStore(':memory:');
  opened.push(leads);
  return runSupportThread(messages, {
    search: createSampleProductSearch(),
    leads,
    clock: fixedClock('2026-11-29T09:00:00Z'),
    ids: sequentialIds(),
    policy,
  });
}

describe('supportToolCatalog', () => {
  it('is exactly the support workflow’s tool set, minus the handoff tool', async () => {
    // The session's tool runner lists its tools when asked for one it does not have.
    let seen: Observation | undefined;
    const probe: SupportPolicy = (view) => {
      if (view.observations.length === 0)
        return { kind: 'call', call: { tool: 'find_user_id_by_email', args: { email: YUSUF.email } } };
      if (view.observations.length === 1) return { kind: 'call', call: { tool: 'no_such_tool', args: {} } };
      seen = view.observations[1];
      return { kind: 'reply', text: 'ok' };
    };
    await thread([CANCEL_THREAD[0]], probe);
    const listed = /Available: (.*)\.$/.exec(seen?.error ?? '')?.[1]?.split(', ') ?? [];
    expect(listed.length).toBeGreaterThan(10);
    expect([...supportToolCatalog().names, HANDOFF_TOOL].sort()).toEqual([...listed].sort());
  });

  it('marks the retail writes, and shows each tool’s input as JSON Schema', () => {
    const catalog = supportToolCatalog();
    expect(catalog.tools.filter((t) => t.write).map((t) => t.name)).toEqual([...RETAIL_WRITE_TOOLS]);
    expect(toolInputJsonSchema(catalog.get('cancel_pending_order')!)).toMatchObject({
      type: 'object',
      properties: {
        order_id: { type: 'string', pattern: '^#?W\\d{7}$' },
        reason: { enum: ['no longer needed', 'ordered by mistake'] },
      },
      required: ['order_id', 'reason'],
    });
  });

  it('the descriptors never touch a store', () => {
    expect(() => supportToolCatalog()).not.toThrow();
  });
});

describe('the prompt of a decision', () => {
  it('instructions and the tool catalogue (system), then only this thread as JSON (user); no tools bound', async () => {
    const model = new ScriptedChatModel([
      cancelDecisions.authenticate(),
      decision.reply('You are verified.'),
    ]);
    const couponPolicy = { maxPercent: 15, maxAmount: 30, currency: 'GBP' } as const;
    const policy = createLlmSupportPolicy({ model, couponPolicy });
    await thread([CANCEL_THREAD[0]], policy);
    model.assertComplete();
    const [first, second] = model.calls;
    expect(first?.tools).toEqual([]);
    expect(first?.messages.map((m) => m.getType())).toEqual(['system', 'human']);
    const system = contentText(first?.messages[0]?.content ?? '');
    for (const tool of supportToolCatalog({ couponPolicy }).tools)
      expect(system).toContain(
        `- ${tool.name}${tool.write ? ' (write)' : ''}: ${tool.description}\n  input: {`,
      );
    expect(system).not.toContain(`- ${HANDOFF_TOOL}`);
    expect(system).toMatch(/Authenticate first/);
    expect(system).toContain('at most 15% and 30 GBP off');
    expect(system).toContain('"kind":{"type":"string","const":"handoff"');

    const input = (n: 0 | 1) => {
      const text = contentText((n === 0 ? first : second)?.messages[1]?.content ?? '');
      return JSON.parse(text.replace(/^Input:\n/, '')) as unknown;
    };
    expect(input(0)).toEqual({
      verifiedUserId: null,
      conversation: [
        {
          turn: 0,
          buyer: CANCEL_THREAD[0],
          hint: { intent: expect.any(String) as string, details: { emails: [YUSUF.email] } },
        },
      ],
    });
    expect(input(1)).toMatchObject({
      verifiedUserId: YUSUF.userId,
      conversation: [
        { turn: 0, buyer: CANCEL_THREAD[0] },
        {
          turn: 0,
          tool: 'find_user_id_by_email',
          args: { email: YUSUF.email },
          ok: true,
          result: { user_id: YUSUF.userId },
        },
      ],
    });
  });
});
