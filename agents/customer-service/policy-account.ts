import type { RetailOrder, RetailOrderItem, RetailUser } from '../../tools/retail/index.js';
import { namedItems, resolveVariants, textAbout } from './order-match.js';
import { chooseVariant } from './order-variant.js';
import { referencedAddress } from './policy-address.js';
import { findOrder } from './policy-find-order.js';
import { settlementMethod } from './policy-payment.js';
import { confirmText, describeItem, describeOrder, REPLIES, usd } from './policy-replies.js';
import type { Observation, PolicyStep, PolicyView, ToolCall } from './policy-types.js';
import { authKey, textOfKind, type Task, type ThreadMemory } from './thread-memory.js';

export { chooseVariant } from './order-variant.js';

const reply = (text: string): PolicyStep => ({ kind: 'reply', text });
const call = (tool: string, args: Record<string, unknown>): PolicyStep => ({
  kind: 'call',
  call: { tool, args },
});

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
  if (task.kind === 'user_address') return userAddressStep(task, user, memory);

  const found = findOrder(task, user, memory, now);
  if ('step' in found) return found.step;
  const step = orderStep(task, found.order, user, memory, now);
  const [next, ...later] = found.rest;
  if (step.kind !== 'call' || step.confirm === undefined || next === undefined) return step;
  // One write per order: the buyer hears which of their orders the same request covers next.
  const note = `Your request also covers order${later.length > 0 ? 's' : ''} ${[next, ...later].join(', ')}, which come${later.length > 0 ? '' : 's'} next.`;
  return { ...step, confirm: confirmText(step.call, found.order, user, note) };
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

function propose(c: ToolCall, order: RetailOrder | undefined, user: RetailUser): PolicyStep {
  return { kind: 'call', call: c, confirm: confirmText(c, order, user) };
}

/**
 * A buyer who asks to cancel some items of an order ("cancel the garden hose") hears that only
 * whole orders can be cancelled, and what else the order holds, before anything is proposed.
 */
function wholeOrderOnly(task: Task, order: RetailOrder): PolicyStep | undefined {
  if (task.allItems) return undefined;
  const named = new Set(namedItems(order.items, textOfKind(task.kind, task.text)));
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

function cannot(order: RetailOrder, verb: string, rule: string): string {
  return `Order ${order.order_id} is ${order.status}, so it cannot be ${verb}. ${rule}`;
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

/** "…I received with the vacuum cleaner", "…in the same order as the lamp": where, not what. */
const LOCATOR =
  /\b(?:(?:received|got|came|bought|ordered|delivered|arrived)(?: together)? with|in the same order as|along with which)\b[^,.;]*/gi;

/**
 * Items of the order the buyer means: every item (but those after "except") when they said "all",
 * else the items they named in the words of this task ("return the bottle, and exchange the lamp"
 * names only the bottle for the return) or gave ids of. A product the order holds in several
 * variants that their words do not tell apart is `unclear`, to ask about.
 */
export function selectItems(
  task: Task,
  order: RetailOrder,
): { items: RetailOrderItem[]; unclear: RetailOrderItem[] } {
  if (task.allItems) {
    // "Everything (not) related to gaming" sorts items by what the words alone cannot tell: ask.
    if (
      /\b(?:associated|related|connected|to do) (?:with|to)\b|\bunrelated\b|\bthat goes? with\b/.test(
        task.text,
      )
    ) {
      return { items: [], unclear: [] };
    }
    const except = /\b(?:except|but not|other than|apart from|excluding)\b(.*)$/m.exec(task.text)?.[1];
    const excluded = new Set(except === undefined ? [] : namedItems(order.items, except));
    if (except !== undefined && excluded.size === 0) return { items: [], unclear: [] };
    return { items: order.items.filter((i) => !excluded.has(i)), unclear: [] };
  }
  // "The backpack I received with the vacuum cleaner": the vacuum cleaner only locates the order.
  const own = textOfKind(task.kind, task.text).replace(LOCATOR, ' ');
  const text = namedItems(order.items, own).length > 0 ? own : task.text;
  const named = new Set([
    ...namedItems(order.items, text),
    ...order.items.filter((i) => task.itemIds.includes(i.item_id)),
  ]);
  return resolveVariants(
    order.items.filter((i) => named.has(i)),
    text,
    task.itemIds,
  );
}

/** "color: black, size: M": option names with the values, so the buyer can say which they mean. */
function describeOptions(options: Readonly<Record<string, string>>): string {
  return Object.entries(options)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
}

function askItems(order: RetailOrder, verb: string): PolicyStep {
  return reply(
    `Which items would you like to ${verb}? Order ${order.order_id} has: ${order.items
      .map((i) => `${describeItem(i)} [item ${i.item_id}]`)
      .join('; ')}.`,
  );
}

/** Asks which of several variants of one product in the order the buyer means. */
function askWhich(order: RetailOrder, unclear: readonly RetailOrderItem[]): PolicyStep {
  const [first] = unclear;
  return reply(
    `Order ${order.order_id} has more than one ${first?.name ?? 'item'}. Which ${first?.name ?? 'one'} do you mean? Available: ${unclear
      .map((i) => `${describeOptions(i.options)} [item ${i.item_id}]`)
      .join('; ')}.`,
  );
}

function returnStep(task: Task, order: RetailOrder, user: RetailUser): PolicyStep {
  if (order.status !== 'delivered') {
    const hint = order.status === 'pending' ? ' As it is still pending, I can cancel it instead.' : '';
    return reply(cannot(order, 'returned', `Only delivered orders can be returned.${hint}`));
  }
  const { items, unclear } = selectItems(task, order);
  if (unclear.length > 0) return askWhich(order, unclear);
  if (items.length === 0) return askItems(order, 'return');
  const method = settlementMethod(task, order, user, 'refund', 0);
  if ('step' in method) return method.step;
  return propose(
    {
      tool: 'return_delivered_order_items',
      args: { order_id: order.order_id, item_ids: items.map((i) => i.item_id), payment_method_id: method.id },
    },
    order,
    user,
  );
}

function changeItemsStep(
  task: Task,
  order: RetailOrder,
  user: RetailUser,
  memory: ThreadMemory,
  now: readonly Observation[],
): PolicyStep {
  const pending = order.status === 'pending';
  if (!pending && order.status !== 'delivered') {
    return reply(
      cannot(order, 'changed', 'Items can be changed in pending orders or exchanged in delivered ones.'),
    );
  }
  const { items, unclear } = selectItems(task, order);
  if (unclear.length > 0) return askWhich(order, unclear);
  if (items.length === 0) return askItems(order, pending ? 'change' : 'exchange');
  for (const item of items) {
    const loaded = now.some((o) => o.tool === 'get_product_details' && o.args.product_id === item.product_id);
    if (!loaded) return call('get_product_details', { product_id: item.product_id });
  }
  const newIds: string[] = [];
  let difference = 0;
  const about = textOfKind(task.kind, task.text);
  // Words about another product the buyer has ("the helmet in red") are not about this one.
  const known = [...memory.orders.values()].flatMap((o) => o.items);
  for (const item of items) {
    const product = memory.products.get(item.product_id);
    const explicit = task.itemIds.find((id) => product?.variants[id] !== undefined && id !== item.item_id);
    const explicitVariant = explicit === undefined ? undefined : product?.variants[explicit];
    const candidates = explicitVariant
      ? [explicitVariant]
      : product
        ? chooseVariant(item, product, textAbout(item, known, about))
        : [];
    const [variant] = candidates;
    if (candidates.length !== 1 || !variant || !variant.available) {
      const offered = candidates.length > 1 ? candidates : Object.values(product?.variants ?? {});
      const choices = offered
        .filter((v) => v.available && v.item_id !== item.item_id)
        .map((v) => `${describeOptions(v.options)}, ${usd(v.price)} [item ${v.item_id}]`);
      return reply(
        `Which option would you like for the ${describeItem(item)}? Available: ${choices.slice(0, 12).join('; ') || 'none'}.`,
      );
    }
    newIds.push(variant.item_id);
    difference += variant.price - item.price;
  }
  const method = settlementMethod(task, order, user, 'difference', difference);
  if ('step' in method) return method.step;
  return propose(
    {
      tool: pending ? 'modify_pending_order_items' : 'exchange_delivered_order_items',
      args: {
        order_id: order.order_id,
        item_ids: items.map((i) => i.item_id),
        new_item_ids: newIds,
        payment_method_id: method.id,
      },
    },
    order,
    user,
  );
}
