import type { RetailOrder, RetailUser } from '../../tools/retail/index.js';
import {
  orderCandidates,
  preferredCandidate,
  splitKept,
  spreadOverOrders,
  wantsSeveralOrders,
  type OrderCandidate,
} from './order-match.js';
import { describeItem, listOrders, REPLIES } from './policy-replies.js';
import type { Observation, PolicyStep } from './policy-types.js';
import { textOfKind, type Task, type ThreadMemory } from './thread-memory.js';

/** The order a task is about, or the step that gets closer to knowing it. */
export type OrderLookup =
  | {
      readonly order: RetailOrder;
      /** Further orders the same request covers, to do next (one write per order). */
      readonly rest: readonly string[];
    }
  | { readonly step: PolicyStep };

/** The writes each task makes: an order already changed by one is not picked again for it. */
const WRITES: Readonly<Record<Task['kind'], readonly string[]>> = {
  cancel: ['cancel_pending_order'],
  change_items: ['modify_pending_order_items', 'exchange_delivered_order_items'],
  order_address: ['modify_pending_order_address'],
  modify_payment: ['modify_pending_order_payment'],
  return: ['return_delivered_order_items'],
  track: [],
  user_address: [],
};

const WHAT: Readonly<Record<Task['kind'], string>> = {
  cancel: 'can be cancelled (only pending orders can)',
  change_items: 'can have items changed (pending orders) or exchanged (delivered orders)',
  order_address: 'can have its address changed (only pending orders can)',
  modify_payment: 'can have its payment changed (only pending orders can)',
  return: 'can be returned (only delivered orders can)',
  track: 'fits',
  user_address: 'fits',
};

/** "#W1 (pending): Desk Lamp (black, low); Water Bottle (1L)". */
function describeCandidate(c: OrderCandidate): string {
  const items = c.items.length > 0 ? c.items : c.order.items;
  return `${c.order.order_id} (${c.order.status}): ${items.map(describeItem).join(', ')}`;
}

/**
 * Finds the order a task is about among the authenticated buyer's own orders, one step at a time:
 * the order id they gave (only if it is theirs), else their orders loaded one by one and matched
 * on status and the items they named. Asks only when several orders fit, listing them. It never
 * looks up an order that is not on the buyer's profile.
 *
 * @example
 * ```ts
 * const found = findOrder(task, user, memory, now);
 * if ('step' in found) return found.step; // a look-up, or a question to the buyer
 * found.order.order_id; // '#W4776164'
 * ```
 */
export function findOrder(
  task: Task,
  user: RetailUser,
  memory: ThreadMemory,
  now: readonly Observation[],
): OrderLookup {
  const reply = (text: string): OrderLookup => ({ step: { kind: 'reply', text } });
  const lookUp = (id: string): OrderLookup => ({
    step: { kind: 'call', call: { tool: 'get_order_details', args: { order_id: id } } },
  });
  const done = (id: string): boolean =>
    WRITES[task.kind].some((tool) => memory.written.get(id)?.has(tool) === true);
  // Items the buyer says to keep do not point at an order ("return the lamp, keep the kettle").
  const text = splitKept(textOfKind(task.kind, task.text)).act;
  if (task.orderId) {
    // Several orders named for a change of one ("cancel the older of #W1 and #W2"): the buyer says
    // which, unless they asked for all of them.
    const named = task.orderIds.filter((id) => !done(id));
    if (named.length > 1 && !wantsSeveralOrders(text) && !/\b(?:both|each|all)\b/i.test(text)) {
      return reply(`Which order is it about? You named ${named.join(' and ')}.`);
    }
    const [id = task.orderId, ...rest] = named;
    if (!user.orders.includes(id)) return reply(`${REPLIES.notYourOrder} ${listOrders(user)}`);
    // The order the buyer named is read afresh on the turn it is acted on.
    if (!now.some((o) => o.tool === 'get_order_details' && o.args.order_id === id)) return lookUp(id);
    const order = memory.orders.get(id);
    return order
      ? { order, rest: rest.filter((r) => user.orders.includes(r)) }
      : reply(`I could not load order ${id} just now. Please try again in a moment.`);
  }
  if (user.orders.length === 0) return reply(listOrders(user));
  const missing = user.orders.find((id) => !memory.orders.has(id));
  if (missing !== undefined) return lookUp(missing);
  const all = user.orders.flatMap((id) => memory.orders.get(id) ?? []);
  const orders = all.filter((o) => !done(o.order_id));
  const candidates = orderCandidates(task.kind, orders, text);
  const [first, ...others] = candidates;
  const several = wantsSeveralOrders(text) || spreadOverOrders(candidates);
  // An order this request already changed is passed over only when the buyer asked for several
  // orders; a request for one ("ship the order to my new address") that an order already changed
  // also fits is not moved onto another order.
  const fitBefore = orderCandidates(task.kind, all, text).filter((c) => done(c.order.order_id));
  if (first && (several || (others.length === 0 && fitBefore.length === 0))) {
    return { order: first.order, rest: others.map((c) => c.order.order_id) };
  }
  if (!several && fitBefore.length > 0 && candidates.length > 0) {
    const both = [...fitBefore, ...candidates];
    return reply(`Which order is it about? These fit: ${both.map(describeCandidate).join('; ')}.`);
  }
  const preferred = preferredCandidate(candidates, text);
  if (preferred) return { order: preferred.order, rest: [] };
  if (!first) {
    const all = orders.map((order) => describeCandidate({ order, items: [] }));
    return reply(
      all.length === 0
        ? `None of your other orders ${WHAT[task.kind]}.`
        : `None of your orders ${WHAT[task.kind]}. Your orders: ${all.join('; ')}.`,
    );
  }
  return reply(`Which order is it about? These fit: ${candidates.map(describeCandidate).join('; ')}.`);
}
