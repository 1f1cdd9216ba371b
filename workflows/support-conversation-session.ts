import { createActor, fromPromise, waitFor, type SnapshotFrom } from 'xstate';
import {
  createOfflinePolicy,
  interpret,
  loadOrTrainIntentModel,
  searchProductsTool,
  type IntentClassifier,
  type ProductSearch,
  type SupportPolicy,
  type ToolCall,
} from '../agents/customer-service/index.js';
import { NotFoundError, silentLogger, type Clock, type IdGenerator, type Logger } from '../src/core/index.js';
import {
  captureLeadTool,
  DEFAULT_COUPON_POLICY,
  issueCouponTool,
  type CouponPolicy,
  type Lead,
  type LeadStore,
} from '../tools/leads/index.js';
import { createRetailTools, openRetailStore, type RetailStore } from '../tools/retail/index.js';
import {
  supportConversationMachine,
  type BlockedCall,
  type SupportAction,
  type SupportReply,
} from './support-conversation.js';

/** What a support thread needs from outside: stores, the catalogue search, time and ids. */
export interface SupportDeps {
  /** The catalogue search (the composition root wires it to the vector memory). */
  readonly search: ProductSearch;
  readonly leads: LeadStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** This thread's copy of the retail database; a fresh deep copy of the shipped one by default. */
  readonly store?: RetailStore;
  /** The campaign whose ad brought the buyer; recorded on leads and scoping coupons. */
  readonly sourceCampaign?: string;
  readonly couponPolicy?: CouponPolicy;
  /** Intent classifier; by default the persisted Bitext model (trained on first use). */
  readonly classifier?: IntentClassifier;
  /** Decision policy; the offline policy by default. */
  readonly policy?: SupportPolicy;
  readonly logger?: Logger;
  readonly maxStepsPerTurn?: number;
}

/** The lead a thread produced: one buyer, one row per product of interest. */
export interface SupportLead {
  readonly buyer: string;
  readonly intentScore: number;
  readonly status: Lead['status'];
  readonly sourceCampaign: string | null;
  readonly products: readonly { productId: string; title: string | null; leadId: string; created: boolean }[];
}

/** Everything a thread produced. */
export interface SupportThreadResult {
  readonly replies: readonly SupportReply[];
  readonly actions: readonly SupportAction[];
  readonly lead?: SupportLead;
  readonly handoff: boolean;
  readonly handoffSummary?: string;
  /** Calls the policy asked for that the guards refused. */
  readonly blocked: readonly BlockedCall[];
  /** The verified buyer, if any. */
  readonly userId?: string;
  readonly state: string;
}

/** An interactive conversation, one buyer message at a time. */
export interface SupportSession {
  /** Sends one buyer message; resolves with the agent's reply (undefined once handed off). */
  send(message: string): Promise<SupportReply | undefined>;
  /** The thread so far. */
  result(): SupportThreadResult;
  /** True once handed off to a human. */
  readonly done: boolean;
  /**
   * The error that ended the thread, when a step threw (the policy, the interpreter): the buyer was
   * handed off, and a caller that must tell a broken endpoint from a bad answer can see which.
   */
  readonly fault: unknown;
  stop(): void;
}

let defaultClassifier: IntentClassifier | undefined;

/** Binds every tool of the thread to its stores; unknown names fail by listing the known ones. */
function toolRunner(deps: SupportDeps, store: RetailStore): (call: ToolCall) => Promise<unknown> {
  const retail = createRetailTools(store);
  const campaign = deps.sourceCampaign;
  const tools: Record<string, (args: unknown) => unknown> = {
    ...Object.fromEntries(
      Object.entries(retail).map(([name, tool]) => [name, (args: unknown) => tool.call(args)]),
    ),
    search_products: (args) => searchProductsTool(deps.search).call(args),
    capture_lead: (args) =>
      captureLeadTool({ store: deps.leads, clock: deps.clock, ids: deps.ids }).call(args),
    issue_coupon: (args) =>
      issueCouponTool({
        store: deps.leads,
        policy: deps.couponPolicy ?? DEFAULT_COUPON_POLICY,
        clock: deps.clock,
        ids: deps.ids,
        ...(campaign === undefined ? {} : { campaign }),
      }).call(args),
  };
  return async (call) => {
    const tool = tools[call.tool];
    if (!tool) throw new NotFoundError('tool', call.tool, Object.keys(tools));
    return await tool(call.args);
  };
}

function summarize(snapshot: SnapshotFrom<typeof supportConversationMachine>): SupportThreadResult {
  const c = snapshot.context;
  const captured = c.observations.filter((o) => o.tool === 'capture_lead' && o.ok);
  const leads = captured.map((o) => o.result as { lead: Lead; created: boolean });
  const [first] = leads;
  const lead: SupportLead | undefined = first && {
    buyer: first.lead.buyer,
    intentScore: Math.max(...leads.map((l) => l.lead.intentScore)),
    status: first.lead.status,
    sourceCampaign: first.lead.sourceCampaign,
    products: leads.map((l) => ({
      productId: l.lead.productId,
      title: l.lead.productTitle,
      leadId: l.lead.id,
      created: l.created,
    })),
  };
  return {
    replies: c.replies,
    actions: c.actions,
    handoff: c.handoff !== undefined,
    blocked: c.blocked,
    state: String(snapshot.value),
    ...(lead ? { lead } : {}),
    ...(c.handoff ? { handoffSummary: c.handoff.summary } : {}),
    ...(c.userId === undefined ? {} : { userId: c.userId }),
  };
}

/**
 * Starts an interactive support conversation (for `lodestone chat`).
 *
 * @example
 * ```ts
 * const session = createSupportSession({ search, leads: openSqliteLeadStore(':memory:'), clock: systemClock,
 *   ids: createIdGenerator(systemClock) });
 * const reply = await session.send('How much is the white hanging heart t-light holder?');
 * reply?.citations; // ['85123A']
 * ```
 */
export function createSupportSession(deps: SupportDeps): SupportSession {
  const store = deps.store ?? openRetailStore();
  const classifier = deps.classifier ?? (defaultClassifier ??= loadOrTrainIntentModel().classifier);
  const policy = deps.policy ?? createOfflinePolicy();
  const runTool = toolRunner(deps, store);
  const log = (deps.logger ?? silentLogger()).child({ component: 'support-conversation' });
  const machine = supportConversationMachine.provide({
    actors: {
      interpret: fromPromise(({ input }: { input: { text: string } }) =>
        Promise.resolve(interpret(input.text, classifier)),
      ),
      decide: fromPromise(async ({ input }) => await policy(input)),
      runTool: fromPromise(async ({ input }: { input: ToolCall }) => {
        try {
          const result = await runTool(input);
          log.debug({ tool: input.tool, ok: true }, 'tool ran');
          return result;
        } catch (error) {
          log.debug({ tool: input.tool, ok: false, error: String(error) }, 'tool failed');
          throw error;
        }
      }),
    },
  });
  const actor = createActor(machine, {
    input: {
      ...(deps.sourceCampaign === undefined ? {} : { sourceCampaign: deps.sourceCampaign }),
      ...(deps.maxStepsPerTurn === undefined ? {} : { maxStepsPerTurn: deps.maxStepsPerTurn }),
    },
  }).start();
  let sent = 0;

  return {
    async send(message) {
      if (actor.getSnapshot().status !== 'active') return undefined;
      const before = actor.getSnapshot().context.replies.length;
      sent++;
      const turn = sent;
      actor.send({ type: 'buyer.message', text: message });
      const settled = await waitFor(
        actor,
        (s) =>
          s.status !== 'active' ||
          ((s.matches('awaitingMessage') || s.matches('resolved')) && s.context.turns.length === turn),
      );
      return settled.context.replies.length > before ? settled.context.replies.at(-1) : undefined;
    },
    result: () => summarize(actor.getSnapshot()),
    get done() {
      return actor.getSnapshot().status !== 'active';
    },
    get fault() {
      return actor.getSnapshot().context.handoff?.fault;
    },
    stop() {
      actor.stop();
    },
  };
}

/**
 * Runs a whole buyer thread through the support workflow (for `lodestone support --thread`).
 * Messages after a handoff are left to the human agent and get no reply.
 *
 * @example
 * ```ts
 * const result = await runSupportThread(readThreadFile('agents/customer-service/samples/thread.jsonl'), deps);
 * result.lead?.products[0]?.productId; // '85123A'
 * ```
 */
export async function runSupportThread(
  messages: readonly string[],
  deps: SupportDeps,
): Promise<SupportThreadResult> {
  const session = createSupportSession(deps);
  try {
    for (const message of messages) {
      if (session.done) break;
      await session.send(message);
    }
    return session.result();
  } finally {
    session.stop();
  }
}
