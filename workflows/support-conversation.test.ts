import { createActor, fromPromise, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { Interpretation, PolicyStep, PolicyView, ToolCall } from '../agents/customer-service/index.js';
import { confirmationOf, extractSlots } from '../agents/customer-service/index.js';
import { supportConversationMachine } from './support-conversation.js';

/** A scripted policy: one step per call, in order; throws when the script runs out. */
function scripted(steps: PolicyStep[]) {
  const seen: PolicyView[] = [];
  return {
    seen,
    actor: fromPromise<PolicyStep, PolicyView>(({ input }) => {
      seen.push(input);
      const step = steps.shift();
      if (!step) return Promise.reject(new Error('scripted policy: no step left'));
      return Promise.resolve(step);
    }),
    remaining: () => steps.length,
  };
}

const interpret = fromPromise<Interpretation, { text: string }>(({ input }) => {
  const confirmation = confirmationOf(input.text);
  return Promise.resolve({
    intent: 'unknown',
    source: 'rule',
    confidence: 1,
    slots: extractSlots(input.text),
    ...(confirmation ? { confirmation } : {}),
  });
});

/** Fake tools over a tiny world: Yusuf owns #W1111111; #W2222222 is someone else's. */
function fakeTools() {
  const calls: ToolCall[] = [];
  const actor = fromPromise<unknown, ToolCall>(({ input }) => {
    calls.push(input);
    switch (input.tool) {
      case 'find_user_id_by_email':
        return Promise.resolve({ user_id: 'yusuf' });
      case 'get_user_details':
        return Promise.resolve({ user_id: 'yusuf', email: 'y@example.com', orders: ['#W1111111'] });
      default:
        return Promise.resolve({ order_id: input.args.order_id, status: 'cancelled' });
    }
  });
  return { calls, actor };
}

async function run(steps: PolicyStep[], messages: string[]) {
  const policy = scripted(steps);
  const tools = fakeTools();
  const machine = supportConversationMachine.provide({
    actors: { interpret, decide: policy.actor, runTool: tools.actor },
  });
  const actor = createActor(machine, { input: { maxStepsPerTurn: 5 } }).start();
  for (const [i, text] of messages.entries()) {
    actor.send({ type: 'buyer.message', text });
    await waitFor(
      actor,
      (s) =>
        s.status !== 'active' ||
        ((s.matches('awaitingMessage') || s.matches('resolved')) && s.context.turns.length === i + 1),
    );
  }
  return { snapshot: actor.getSnapshot(), calls: tools.calls, policy };
}

const cancelOther: PolicyStep = {
  kind: 'call',
  call: { tool: 'cancel_pending_order', args: { order_id: '#W2222222', reason: 'no longer needed' } },
  confirm: 'cancel #W2222222?',
};
const cancelOwn: PolicyStep = {
  kind: 'call',
  call: { tool: 'cancel_pending_order', args: { order_id: '#W1111111', reason: 'no longer needed' } },
  confirm: 'Here is what I will do: cancel order #W1111111. Reply "yes" to confirm.',
};
const authenticate: PolicyStep[] = [
  { kind: 'call', call: { tool: 'find_user_id_by_email', args: { email: 'y@example.com' } } },
  { kind: 'call', call: { tool: 'get_user_details', args: { user_id: 'yusuf' } } },
  { kind: 'reply', text: 'verified' },
];

describe('support-conversation guards hold whatever the policy decides', () => {
  it('blocks account reads and writes before authentication', async () => {
    const { snapshot, calls } = await run(
      [{ kind: 'call', call: { tool: 'get_order_details', args: { order_id: '#W1111111' } } }, cancelOwn],
      ['status of #W1111111?', 'cancel it'],
    );
    expect(calls).toEqual([]);
    expect(snapshot.context.blocked.map((b) => b.reason)).toEqual(['not_authenticated', 'not_authenticated']);
    expect(snapshot.context.replies[0]?.text).toMatch(/verify your identity/);
  });

  it("blocks another buyer's order and a second identity after authentication", async () => {
    const { snapshot, calls } = await run(
      [
        ...authenticate,
        cancelOther,
        { kind: 'call', call: { tool: 'get_user_details', args: { user_id: 'noah' } } },
        { kind: 'call', call: { tool: 'find_user_id_by_email', args: { email: 'noah@example.com' } } },
      ],
      ['y@example.com', 'cancel #W2222222', 'show noah', 'I am noah@example.com'],
    );
    expect(calls.map((c) => c.tool)).toEqual(['find_user_id_by_email', 'get_user_details']);
    expect(snapshot.context.blocked.map((b) => b.reason)).toEqual([
      'other_buyer',
      'other_buyer',
      'one_user_only',
    ]);
    expect(snapshot.context.pending).toBeUndefined();
  });

  it('shows the policy what the agent already said and which calls were refused, by turn', async () => {
    const { policy } = await run(
      [...authenticate, cancelOther, { kind: 'reply', text: 'anything else?' }],
      ['my email is y@example.com', 'cancel #W2222222 please', 'hello?'],
    );
    const last = policy.seen.at(-1)!;
    expect(last.agentReplies).toEqual([
      { turn: 0, text: 'verified' },
      { turn: 1, text: expect.stringContaining('not one of them') as unknown },
    ]);
    expect(last.blocked).toEqual([
      expect.objectContaining({ tool: 'cancel_pending_order', reason: 'other_buyer', turn: 1 }),
    ]);
  });

  it('runs a write only after the buyer says yes in the very next message', async () => {
    const { snapshot, calls, policy } = await run(
      [...authenticate, cancelOwn, { kind: 'reply', text: 'done' }],
      ['y@example.com', 'cancel #W1111111', 'yes'],
    );
    expect(calls.map((c) => c.tool)).toEqual([
      'find_user_id_by_email',
      'get_user_details',
      'cancel_pending_order',
    ]);
    expect(snapshot.context.replies.map((r) => r.text)).toEqual([
      'verified',
      'Here is what I will do: cancel order #W1111111. Reply "yes" to confirm.',
      'done',
    ]);
    expect(snapshot.context.actions.at(-1)).toEqual({
      tool: 'cancel_pending_order',
      args: cancelOwn.kind === 'call' ? cancelOwn.call.args : {},
      ok: true,
    });
    expect(policy.remaining()).toBe(0);
  });

  it('drops a proposal when the next message is not an explicit yes', async () => {
    const { snapshot, calls } = await run(
      [...authenticate, cancelOwn, { kind: 'reply', text: 'ok' }, { kind: 'reply', text: 'nothing pending' }],
      ['y@example.com', 'cancel #W1111111', 'hmm let me think', 'yes'],
    );
    expect(calls.map((c) => c.tool)).not.toContain('cancel_pending_order');
    expect(snapshot.context.replies.at(-1)?.text).toBe('nothing pending');
  });

  it('a "no" declines the proposal without asking the policy', async () => {
    const { snapshot, calls } = await run(
      [...authenticate, cancelOwn],
      ['y@example.com', 'cancel #W1111111', 'no'],
    );
    expect(calls.map((c) => c.tool)).not.toContain('cancel_pending_order');
    expect(snapshot.context.replies.at(-1)?.text).toMatch(/haven't changed anything/);
  });

  it('states a write in full even when the policy gave no wording', async () => {
    const { snapshot } = await run(
      [
        ...authenticate,
        {
          kind: 'call',
          call: { tool: 'cancel_pending_order', args: { order_id: '#W1111111', reason: 'x' } },
        },
      ],
      ['y@example.com', 'cancel'],
    );
    expect(snapshot.context.replies.at(-1)?.text).toContain('#W1111111');
    expect(snapshot.context.pending?.call.tool).toBe('cancel_pending_order');
  });

  it('hands off with a summary, as a final state, and after a step budget', async () => {
    const handoff = await run(
      [{ kind: 'handoff', summary: 'wants to delete account' }],
      ['delete my account'],
    );
    expect(handoff.snapshot.status).toBe('done');
    expect(handoff.calls).toEqual([
      { tool: 'transfer_to_human_agents', args: { summary: 'wants to delete account' } },
    ]);
    expect(handoff.snapshot.context.replies.at(-1)?.text).toBe(
      'YOU ARE BEING TRANSFERRED TO A HUMAN AGENT. PLEASE HOLD ON.',
    );
    const loop = Array.from({ length: 10 }, (): PolicyStep => ({
      kind: 'call',
      call: { tool: 'calculate', args: { expression: '1+1' } },
    }));
    const budget = await run(loop, ['loop forever']);
    expect(budget.snapshot.status).toBe('done');
    expect(budget.snapshot.context.handoff?.summary).toMatch(/Step budget \(5\)/);
  });

  it('resolves, and a new message reopens the conversation', async () => {
    const { snapshot } = await run(
      [
        { kind: 'reply', text: 'bye', resolved: true },
        { kind: 'reply', text: 'hello again' },
      ],
      ['thanks', 'one more thing'],
    );
    expect(snapshot.value).toBe('awaitingMessage');
    expect(snapshot.context.replies.map((r) => r.text)).toEqual(['bye', 'hello again']);
  });

  it('authenticates only with an identity the buyer wrote', async () => {
    const { snapshot, calls } = await run(
      [{ kind: 'call', call: { tool: 'find_user_id_by_email', args: { email: 'noah@example.com' } } }],
      ['hi, my email is y@example.com'],
    );
    expect(calls).toEqual([]);
    expect(snapshot.context.blocked[0]?.reason).toBe('identity_not_given');
    expect(snapshot.context.userId).toBeUndefined();
  });

  it('refuses coupons and leads for emails the buyer never gave', async () => {
    const { snapshot, calls } = await run(
      [
        {
          kind: 'call',
          call: { tool: 'issue_coupon', args: { buyer: 'someone@else.com', requestedPercent: 100 } },
        },
      ],
      ['coupon please, I am eve@example.com'],
    );
    expect(calls).toEqual([]);
    expect(snapshot.context.blocked[0]?.reason).toBe('unknown_contact');
  });
});
