import type { RetailAddress, RetailOrder, RetailUser } from '../../tools/retail/index.js';
import { namedItems, splitKept } from './order-match.js';
import { referencedAddress } from './policy-address.js';
import { findOrder } from './policy-find-order.js';
import { doneKinds, laterKinds, nextKindNote, requestedKinds } from './policy-follow-up.js';
import { changeItemsStep, returnStep } from './policy-items.js';
import { confirmText, describeAddress, describeItem, describeOrder, REPLIES, usd } from './policy-replies.js';
import { unclearRequest } from './policy-request.js';
import { call, cannot, newItemsOf, propose, reply } from './policy-steps.js';
import type { Observation, PolicyStep, PolicyView } from './policy-types.js';
import { authKey, textOfKind, type Task, type TaskKind, type ThreadMemory } from './thread-memory.js';

export { chooseVariant } from './order-variant.js';
export { selectItems } from './policy-items.js';

/**
 * The account side of the offline policy, one step at a time: authenticate (email, else name +
 * zip), load the buyer's profile, find the order among *their* orders (the id they gave, else by
 * status and the items they describe, asking only when several fit), check its status against the
 * policy, gather the missing details (items, variant, address, payment method), then propose the
 * exact write for confirmation. A request covering several orders is done one order at a time.
 *
 * @example
 * ```ts
 * const step = accountStep(view, foldThread(view, { productMinScore: 0.2 }), now);
 * if (step.kind === 'call' && step.confirm) show(step.confirm); // a write waits for the buyer's yes
 * ```
 */
export function accountStep(view: PolicyView, memory: ThreadMemory, now: readonly Observation[]): PolicyStep {
  const task = memory.task;
  if (!view.userId) return authenticate(memory, now);
  const user = memory.user;
  if (!user) return call('get_user_details', { user_id: view.userId });
  if (!task) return reply(`Thank you, you are verified. How can I help with your orders?`);
  return taskStep(task, user, memory, now);
}

/**
 * One task's next step. A request that asks for several kinds of change ("cancel my pending
 * orders and return the watch") does them one kind at a time: once the buyer asks to go on with a
 * request whose current kind is already done and leaves nothing more to do, the other kinds it
 * asks for are tried in turn (`tried` holds those already found to have nothing left).
 */
function taskStep(
  task: Task,
  user: RetailUser,
  memory: ThreadMemory,
  now: readonly Observation[],
  tried: ReadonlySet<TaskKind> = new Set(),
): PolicyStep {
  // A change the buyer's words do not ask for is never proposed: ask what they want instead.
  const unclear = unclearRequest(task);
  if (unclear) return unclear;
  const seen = new Set([...tried, task.kind]);
  const other = requestedKinds(task.request).find((k) => !seen.has(k));
  const moveOn = other !== undefined && doneKinds(task, memory).has(task.kind);
  const [nextKind] = laterKinds(task, memory);
  if (task.kind === 'user_address') {
    if (moveOn) return taskStep({ ...task, kind: other }, user, memory, now, seen);
    const step = userAddressStep(task, user, memory);
    return withNote(step, undefined, user, memory, nextKind && nextKindNote(nextKind));
  }

  const found = findOrder(task, user, memory, now);
  if ('step' in found) {
    // Nothing left of this kind for the request (no order fits, or the buyer would be asked
    // again which one): on to another kind it asks for.
    if (moveOn && found.step.kind === 'reply')
      return taskStep({ ...task, kind: other }, user, memory, now, seen);
    return found.step;
  }
  const step = orderStep(task, found.order, user, memory, now);
  const [next, ...rest] = found.rest;
  // One write per order: the buyer hears which of their orders the same request covers next,
  // or else which kind of change it asks for next.
  const note =
    next !== undefined
      ? `Your request also covers order${rest.length > 0 ? 's' : ''} ${[next, ...rest].join(', ')}, which come${rest.length > 0 ? '' : 's'} next.`
      : nextKind && nextKindNote(nextKind);
  return withNote(step, found.order, user, memory, note);
}

/** The write's confirmation with `note` (what comes after it) added. */
function withNote(
  step: PolicyStep,
  order: RetailOrder | undefined,
  user: RetailUser,
  memory: ThreadMemory,
  note: string | undefined,
): PolicyStep {
  if (step.kind !== 'call' || step.confirm === undefined || note === undefined) return step;
  return {
    ...step,
    confirm: confirmText(step.call, order, user, { note, newItems: newItemsOf(step.call, memory) }),
  };
}

function orderStep(
  task: Task,
  order: RetailOrder,
  user: RetailUser,
  memory: ThreadMemory,
  now: readonly Observation[],
): PolicyStep {
  switch (task.kind) {
    case 'track':
    case 'user_address':
      return reply(describeOrder(order));
    case 'cancel': {
      if (order.status !== 'pending')
        return reply(cannot(order, 'cancelled', 'Only pending orders can be cancelled.'));
      const part = wholeOrderOnly(task, order);
      if (part) return part;
      if (!task.reason) {
        return reply(
          `Order ${order.order_id} is pending and can be cancelled. What is the reason: 'no longer needed' or 'ordered by mistake'?`,
        );
      }
      return propose(
        { tool: 'cancel_pending_order', args: { order_id: order.order_id, reason: task.reason } },
        order,
        user,
      );
    }
    case 'order_address': {
      if (!order.status.includes('pending'))
        return reply(cannot(order, 'changed', 'Only pending orders can be modified.'));
      const found = referencedAddress(task, user, memory, order.address);
      if (found && 'step' in found) return found.step;
      const address = found?.address;
      if (!address) {
        return reply(
          'What is the new shipping address? Please give street, apartment or suite if any, city, state, zip code and country.',
        );
      }
      if (sameAddress(address, order.address)) {
        return reply(`Order ${order.order_id} already ships to ${describeAddress(order.address)}.`);
      }
      return propose(
        { tool: 'modify_pending_order_address', args: { order_id: order.order_id, ...address } },
        order,
        user,
      );
    }
    case 'modify_payment':
      return paymentStep(task, order, user);
    case 'return':
      return returnStep(task, order, user);
    case 'change_items':
      return changeItemsStep(task, order, user, memory, now);
  }
}

function authenticate(memory: ThreadMemory, now: readonly Observation[]): PolicyStep {
  const email = memory.latestEmail;
  if (email && !memory.authTried.has(authKey.email(email))) return call('find_user_id_by_email', { email });
  const { name, zip } = memory;
  if (name && zip && !memory.authTried.has(authKey.nameZip(name.first, name.last, zip))) {
    return call('find_user_id_by_name_zip', { first_name: name.first, last_name: name.last, zip });
  }
  if (now.some((o) => o.tool.startsWith('find_user_id') && !o.ok)) return reply(REPLIES.authFailed);
  if (name && !zip) return reply(REPLIES.askZip);
  return reply(REPLIES.askIdentity);
}

/**
 * A buyer who asks to cancel some items of an order ("cancel the garden hose") hears that only
 * whole orders can be cancelled, and what else the order holds, before anything is proposed.
 */
function wholeOrderOnly(task: Task, order: RetailOrder): PolicyStep | undefined {
  if (task.allItems) return undefined;
  const named = new Set(namedItems(order.items, splitKept(textOfKind(task.kind, task.text)).act));
  const others = order.items.filter((i) => !named.has(i));
  if (named.size === 0 || others.length === 0) return undefined;
  return reply(
    `Only a whole order can be cancelled, not single items. Order ${order.order_id} also has ${others
      .map(describeItem)
      .join(
        '; ',
      )}. If you want the whole order cancelled, say "cancel the whole order"; otherwise I will leave it as it is.`,
  );
}

function sameAddress(a: RetailAddress, b: RetailAddress): boolean {
  const key = (x: RetailAddress): string =>
    [x.address1, x.address2, x.city, x.state, x.zip].map((v) => v.trim().toLowerCase()).join('|');
  return key(a) === key(b);
}

function userAddressStep(task: Task, user: RetailUser, memory: ThreadMemory): PolicyStep {
  const found = referencedAddress(task, user, memory, user.address);
  if (found && 'step' in found) return found.step;
  if (!found) {
    return reply(
      'What is your new default address? Please give street, apartment if any, city, state, zip code and country.',
    );
  }
  return propose(
    { tool: 'modify_user_address', args: { user_id: user.user_id, ...found.address } },
    undefined,
    user,
  );
}

function paymentStep(task: Task, order: RetailOrder, user: RetailUser): PolicyStep {
  if (!order.status.includes('pending'))
    return reply(cannot(order, 'changed', 'Only pending orders can be modified.'));
  const current = order.payment_history[0]?.payment_method_id;
  const methods = Object.values(user.payment_methods).filter((m) => m.id !== current);
  const chosen = task.paymentMethodId
    ? methods.filter((m) => m.id === task.paymentMethodId)
    : methods.filter((m) => m.source === task.paymentKind);
  const [only] = chosen;
  const [paid, ...later] = order.payment_history;
  if (!paid || later.length > 0) {
    return reply(
      `The payment method of order ${order.order_id} can no longer be changed: it must have exactly one payment, and it has ${order.payment_history.length}.`,
    );
  }
  if (only?.source === 'gift_card' && chosen.length === 1 && only.balance < paid.amount) {
    return reply(
      `Gift card ${only.id} has ${usd(only.balance)}, which does not cover the order total of ${usd(paid.amount)}. Which other payment method would you like to use?`,
    );
  }
  if (chosen.length !== 1 || !only) {
    const options = methods.map((m) => m.id).join(', ');
    return reply(
      options === ''
        ? 'You have no other payment method on file to switch to.'
        : `Which payment method should order ${order.order_id} use instead? Your other methods: ${options}.`,
    );
  }
  return propose(
    { tool: 'modify_pending_order_payment', args: { order_id: order.order_id, payment_method_id: only.id } },
    order,
    user,
  );
}
