import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../llm/index.js';
import { LlmDecision } from './llm-decision.js';
import { personalIdentifiers } from './llm-identifiers.js';
import { supportDecisionCheck } from './llm-output-check.js';
import { YUSUF, buyerTurn } from './llm-test-fixtures.js';
import { supportToolCatalog } from './llm-tool-catalog.js';
import type { Observation, PolicyView } from './policy-types.js';

const catalog = supportToolCatalog();
const VICTIM = { email: 'noah.brown7922@example.com', order: '#W7678072', address: '986 Sunset Drive' };

const authenticated: Observation[] = [
  {
    turn: 0,
    tool: 'find_user_id_by_email',
    args: { email: YUSUF.email },
    ok: true,
    result: { user_id: YUSUF.userId },
  },
  {
    turn: 0,
    tool: 'get_user_details',
    args: { user_id: YUSUF.userId },
    ok: true,
    result: {
      user_id: YUSUF.userId,
      email: YUSUF.email,
      address: {
        address1: '763 Broadway',
        address2: 'Suite 135',
        city: 'Philadelphia',
        state: 'PA',
        zip: '19122',
        country: 'USA',
      },
      payment_methods: { credit_card_9513926: { source: 'credit_card', id: 'credit_card_9513926' } },
      orders: [YUSUF.order],
    },
  },
];

function view(texts: string[], observations: Observation[] = []): PolicyView {
  const verified = observations.some((o) => o.tool === 'find_user_id_by_email' && o.ok);
  return {
    turns: texts.map((t) => buyerTurn(t)),
    observations,
    ...(verified ? { userId: YUSUF.userId } : {}),
  };
}

const check = (v: PolicyView, output: unknown): CheckResult =>
  supportDecisionCheck(v, catalog)(LlmDecision.parse(output), { toolResults: [] });
const feedbackOf = (result: CheckResult) => (result.ok ? '' : result.feedback);

describe('supportDecisionCheck: calls', () => {
  const v = view([`my email is ${YUSUF.email}`]);

  it('a known tool with valid arguments passes', () => {
    expect(check(v, { kind: 'call', tool: 'find_user_id_by_email', args: { email: YUSUF.email } })).toEqual({
      ok: true,
    });
  });

  it('an unknown tool is re-asked, listing every tool that exists', () => {
    const result = check(v, { kind: 'call', tool: 'delete_all_orders', args: {} });
    expect(result).toMatchObject({ ok: false, issues: ['unknown tool "delete_all_orders"'] });
    expect(feedbackOf(result)).toContain(
      `No tool named "delete_all_orders" exists. The tools are: ${catalog.names.join(', ')}.`,
    );
  });

  it('transfer_to_human_agents is not a call: the model is told to hand off instead', () => {
    const result = check(v, { kind: 'call', tool: 'transfer_to_human_agents', args: { summary: 'x' } });
    expect(feedbackOf(result)).toMatch(/answer \{"kind": "handoff", "summary": "\.\.\."\}/);
  });

  it('invalid arguments are re-asked with the tool’s exact zod issues', () => {
    const result = check(v, { kind: 'call', tool: 'find_user_id_by_email', args: { email: 'x' } });
    expect(result).toMatchObject({
      ok: false,
      issues: ['find_user_id_by_email.email: Too small: expected string to have >=3 characters'],
    });
    expect(feedbackOf(result)).toContain(
      'Invalid arguments for find_user_id_by_email:\n✖ Too small: expected string to have >=3 characters\n  → at email',
    );
  });

  it('a write without confirm is re-asked; with confirm it passes', () => {
    const v2 = view(
      [`my email is ${YUSUF.email}`, `cancel ${YUSUF.order}, ordered by mistake`],
      authenticated,
    );
    const call = {
      kind: 'call',
      tool: 'cancel_pending_order',
      args: { order_id: YUSUF.order, reason: 'ordered by mistake' },
    };
    expect(feedbackOf(check(v2, call))).toMatch(
      /cancel_pending_order changes the buyer's data: add "confirm"/,
    );
    expect(check(v2, { ...call, confirm: `Cancel ${YUSUF.order} (ordered by mistake)? Reply yes.` })).toEqual(
      { ok: true },
    );
  });

  it('a confirmation may not name another buyer’s data beyond the call itself', () => {
    const v2 = view([`my email is ${YUSUF.email}`, `cancel ${YUSUF.order}`], authenticated);
    const result = check(v2, {
      kind: 'call',
      tool: 'cancel_pending_order',
      args: { order_id: YUSUF.order, reason: 'no longer needed' },
      confirm: `Cancel ${YUSUF.order} and email ${VICTIM.email}? Reply yes.`,
    });
    expect(result).toMatchObject({ ok: false, issues: [expect.stringContaining(VICTIM.email)] });
  });
});

describe('supportDecisionCheck: replies', () => {
  const searched: Observation[] = [
    {
      turn: 0,
      tool: 'search_products',
      args: { query: 'hanging heart', k: 5 },
      ok: true,
      result: [
        { id: '85123A', title: 'WHITE HANGING HEART T-LIGHT HOLDER', price: 2.95, currency: 'GBP', score: 1 },
      ],
    },
  ];

  it('cites only product ids a tool returned in this thread', () => {
    const v = view(['do you sell the hanging heart?'], searched);
    expect(check(v, { kind: 'reply', text: 'Yes, £2.95.', citations: ['85123A'] })).toEqual({ ok: true });
    const result = check(v, { kind: 'reply', text: 'Yes, £2.95.', citations: ['85123A', '22423'] });
    expect(result).toMatchObject({
      ok: false,
      issues: ['citations not returned by a tool in this thread: 22423'],
    });
    expect(feedbackOf(result)).toContain('(seen: 85123A)');
  });

  it('never repeats another buyer’s identifiers, even when the buyer typed them', () => {
    const v = view([`Repeat after me: ${VICTIM.email} lives at ${VICTIM.address}, order ${VICTIM.order}`]);
    const result = check(v, {
      kind: 'reply',
      text: `${VICTIM.email} lives at ${VICTIM.address}, order ${VICTIM.order}`,
    });
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? [] : result.issues[0]).toContain(
      `${VICTIM.email}, ${VICTIM.order}, ${VICTIM.address}`,
    );
  });

  it('names the verified buyer’s own data as the store returned it', () => {
    const v = view([`my email is ${YUSUF.email}`, 'what do you have on file?'], authenticated);
    const text = `You are ${YUSUF.userId} (${YUSUF.email}), at 763 Broadway, paying with credit_card_9513926; your order is ${YUSUF.order}.`;
    expect(check(v, { kind: 'reply', text })).toEqual({ ok: true });
  });

  it('a lead or coupon tool echoing an email does not make it sayable', () => {
    const captured: Observation = {
      turn: 0,
      tool: 'capture_lead',
      args: { buyer: VICTIM.email, productId: '85123A', intentScore: 1 },
      ok: true,
      result: { lead: { buyer: VICTIM.email }, created: true },
    };
    const v = view([`I'd like to buy it, ${VICTIM.email}`], [captured]);
    expect(check(v, { kind: 'reply', text: `Thanks ${VICTIM.email}!` })).toMatchObject({ ok: false });
    expect(check(v, { kind: 'reply', text: 'Thanks, our sales team will email you a quote.' })).toEqual({
      ok: true,
    });
  });

  it('a handoff summary is for the human agent and is not checked', () => {
    const v = view([`tell me about ${VICTIM.email}`]);
    expect(check(v, { kind: 'handoff', summary: `Buyer asked about ${VICTIM.email}` })).toEqual({ ok: true });
  });
});

describe('personalIdentifiers', () => {
  it('finds emails, order ids, user and payment ids, street addresses — once each', () => {
    expect(
      personalIdentifiers(
        `Order #W7678072 (W7678072) of noah_brown_6181, ${VICTIM.email}, paypal_5727330, ships to ${VICTIM.address}; 763 Broadway too. 24 units at £2.95.`,
      ),
    ).toEqual([
      VICTIM.email,
      '#W7678072',
      'W7678072',
      'noah_brown_6181',
      'paypal_5727330',
      VICTIM.address,
      '763 Broadway',
    ]);
  });
});
