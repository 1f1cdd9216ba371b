import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createSampleProductSearch, readThreadFile } from '../agents/customer-service/index.js';
import { fixedClock, sequentialIds } from '../src/core/index.js';
import { openSqliteLeadStore, type LeadStore } from '../tools/leads/index.js';
import { createRetailToolRegistry, openRetailStore, type RetailStore } from '../tools/retail/index.js';
import { createSupportSession, runSupportThread, type SupportDeps } from './support-conversation-session.js';

const opened: LeadStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function deps(
  store: RetailStore = openRetailStore(),
): SupportDeps & { leads: LeadStore; store: RetailStore } {
  const leads = openSqliteLeadStore(':memory:');
  opened.push(leads);
  return {
    search: createSampleProductSearch(),
    leads,
    store,
    clock: fixedClock('2026-11-29T09:00:00Z'),
    ids: sequentialIds(),
    sourceCampaign: 'xmas-gifts',
  };
}

/** The end state τ²-bench scores: the store after replaying a task's reference actions. */
function goldHash(taskId: string): string {
  const tasks = JSON.parse(readFileSync('data/tau2-retail/tasks.json', 'utf8')) as {
    id: string;
    evaluation_criteria: { actions: { name: string; arguments: unknown }[] };
  }[];
  const store = openRetailStore();
  const registry = createRetailToolRegistry(store);
  for (const action of tasks.find((t) => t.id === taskId)?.evaluation_criteria.actions ?? []) {
    try {
      (registry.get(action.name) as unknown as { call(input: unknown): unknown }).call(action.arguments);
    } catch {
      // reference trajectories contain failing look-ups; the end state is what counts
    }
  }
  return store.stateHash();
}

describe('runSupportThread', () => {
  it('turns the sample thread into a cited answer and one captured lead', async () => {
    const d = deps();
    const result = await runSupportThread(readThreadFile('agents/customer-service/samples/thread.jsonl'), d);
    expect(result.replies).toHaveLength(5);
    expect(result.replies[1]?.citations).toContain('85123A');
    expect(result.replies[1]?.text).toContain('WHITE HANGING HEART T-LIGHT HOLDER');
    expect(result.lead).toMatchObject({
      buyer: 'amy.baker@example.com',
      sourceCampaign: 'xmas-gifts',
      status: 'new',
      products: [{ productId: '85123A', created: true }],
    });
    expect(result.lead?.intentScore).toBeGreaterThanOrEqual(0.7);
    expect(result.handoff).toBe(false);
    expect(result.state).toBe('resolved');
    expect(d.leads.list()).toHaveLength(1);
    expect(result.actions.filter((a) => a.tool === 'capture_lead')).toHaveLength(1);
  });

  it('reaches τ²-bench task 0 gold end state: exchange after name+zip authentication and confirmation', async () => {
    const d = deps();
    const result = await runSupportThread(
      [
        'I received my order #W2378156 and want to exchange the mechanical keyboard for the same one but with clicky switches, and the smart thermostat for one compatible with Google Home instead of Apple HomeKit.',
        "I don't remember my email. I'm Yusuf Rossi, zip code 19122.",
        'The full size one with no backlight please, item 7706410293.',
        'yes',
      ],
      d,
    );
    expect(result.userId).toBe('yusuf_rossi_9620');
    expect(result.replies[3]?.text).toMatch(/^Done: the exchange/);
    expect(result.actions.filter((a) => a.tool === 'exchange_delivered_order_items')).toEqual([
      {
        tool: 'exchange_delivered_order_items',
        args: {
          order_id: '#W2378156',
          item_ids: ['1151293680', '4983901480'],
          new_item_ids: ['7706410293', '7747408585'],
          payment_method_id: 'credit_card_9513926',
        },
        ok: true,
      },
    ]);
    expect(d.store.stateHash()).toBe(goldHash('0'));
  });

  it('reaches τ²-bench task 73 gold end state: return everything except one item', async () => {
    const d = deps();
    const before = d.store.stateHash();
    const result = await runSupportThread(
      [
        'Hi, my email is fatima.wilson5721@example.com',
        'I want to return everything I just bought except the coffee machine',
        'yes',
      ],
      d,
    );
    expect(result.replies[1]?.text).toMatch(/Shall I proceed/);
    expect(d.store.stateHash()).not.toBe(before);
    expect(d.store.stateHash()).toBe(goldHash('73'));
  });

  it('never writes without the explicit yes, and answers policy questions from policy.md', async () => {
    const d = deps();
    const before = d.store.stateHash();
    const result = await runSupportThread(
      [
        'my email is yusuf.rossi7301@example.com',
        'please cancel order #W6247578',
        'no longer needed',
        'hmm, what is your refund policy?',
        'no',
      ],
      d,
    );
    expect(result.replies[1]?.text).toMatch(/'no longer needed' or 'ordered by mistake'/);
    expect(result.replies[2]?.text).toMatch(/cancel order #W6247578.*Shall I proceed/);
    expect(result.replies[3]?.text).toMatch(/5 to 7 business days/);
    expect(d.store.stateHash()).toBe(before);
    expect(result.actions.some((a) => a.tool === 'cancel_pending_order')).toBe(false);
  });

  it('hands off out-of-scope requests with a summary and stops replying', async () => {
    const result = await runSupportThread(['I need to delete my account', 'hello?'], deps());
    expect(result.handoff).toBe(true);
    expect(result.handoffSummary).toMatch(/delete account/);
    expect(result.replies).toEqual([
      { text: 'YOU ARE BEING TRANSFERRED TO A HUMAN AGENT. PLEASE HOLD ON.', citations: [] },
    ]);
    expect(result.actions.map((a) => a.tool)).toEqual(['transfer_to_human_agents']);
  });
});

describe('createSupportSession', () => {
  it('answers one message at a time', async () => {
    const session = createSupportSession(deps());
    const first = await session.send('Do you sell lunch bags?');
    expect(first?.citations.length).toBeGreaterThan(0);
    expect(first?.text).toContain('LUNCH BAG');
    const second = await session.send('Can I get a discount? My email is bo@example.com');
    expect(second?.text).toMatch(/10% off/);
    // Asking for a discount and leaving an email is purchase intent: a lead, then the coupon.
    expect(session.result().actions.map((a) => a.tool)).toEqual([
      'search_products',
      'capture_lead',
      'issue_coupon',
    ]);
    expect(session.done).toBe(false);
    session.stop();
  });

  it('keeps the error of a step that threw as the fault, out of the JSON result, and hands off', async () => {
    const boom = new Error('endpoint down');
    const session = createSupportSession({ ...deps(), policy: () => Promise.reject(boom) });
    expect(session.fault).toBeUndefined();
    await session.send('Do you sell lunch bags?');
    expect(session.done).toBe(true);
    expect(session.fault).toBe(boom);
    const result = session.result();
    expect(result.handoffSummary).toBe('The agent failed: endpoint down');
    expect(JSON.stringify(result)).not.toContain('fault');
    session.stop();
  });
});
