import type {
  RetailOrder,
  RetailOrderItem,
  RetailProduct,
  RetailUser,
  RetailVariant,
} from '../../tools/retail/index.js';
import { queryTerms } from './product-answer.js';
import { confirmText, describeItem, describeOrder, listOrders, REPLIES, usd } from './policy-replies.js';
import type { Observation, PolicyStep, PolicyView, ToolCall } from './policy-types.js';
import { authKey, type Task, type ThreadMemory } from './thread-memory.js';

const reply = (text: string): PolicyStep => ({ kind: 'reply', text });
const call = (tool: string, args: Record<string, unknown>): PolicyStep => ({
  kind: 'call',
  call: { tool, args },
});

/**
 * The account side of the offline policy, one step at a time: authenticate (email, else name +
 * zip), load the buyer's profile, pick one of *their* orders, check the order's status against the
 * policy, gather the missing details, then propose the exact write for confirmation.
 */
export function accountStep(view: PolicyView, memory: ThreadMemory, now: readonly Observation[]): PolicyStep {
  const task = memory.task;
  if (!view.userId) return authenticate(memory, now);
  const user = memory.user;
  if (!user) return call('get_user_details', { user_id: view.userId });
  if (!task) return reply(`Thank you, you are verified. How can I help with your orders?`);
  if (task.kind === 'user_address') return userAddressStep(task, user);

  const orderId = task.orderId ?? (user.orders.length === 1 ? user.orders[0] : undefined);
  if (!orderId) return reply(`Which order is it about? ${listOrders(user)}`);
  if (!user.orders.includes(orderId)) return reply(`${REPLIES.notYourOrder} ${listOrders(user)}`);
  if (!now.some((o) => o.tool === 'get_order_details' && o.args.order_id === orderId)) {
    return call('get_order_details', { order_id: orderId });
  }
  const order = memory.orders.get(orderId);
  if (!order) return reply(`I could not load order ${orderId} just now. Please try again in a moment.`);

  switch (task.kind) {
    case 'track':
      return reply(describeOrder(order));
    case 'cancel':
      if (order.status !== 'pending')
        return reply(cannot(order, 'cancelled', 'Only pending orders can be cancelled.'));
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
    case 'order_address': {
      if (!order.status.includes('pending'))
        return reply(cannot(order, 'changed', 'Only pending orders can be modified.'));
      const address = task.defaultAddress ? user.address : task.address;
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

function cannot(order: RetailOrder, verb: string, rule: string): string {
  return `Order ${order.order_id} is ${order.status}, so it cannot be ${verb}. ${rule}`;
}

function userAddressStep(task: Task, user: RetailUser): PolicyStep {
  if (!task.address) {
    return reply(
      'What is your new default address? Please give street, apartment if any, city, state, zip code and country.',
    );
  }
  return propose(
    { tool: 'modify_user_address', args: { user_id: user.user_id, ...task.address } },
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

/** Items of the order the buyer means: by item id, by product name, or all of them (but some). */
export function selectItems(task: Task, order: RetailOrder): RetailOrderItem[] {
  const named = (item: RetailOrderItem, words: Set<string>): boolean => {
    const head = queryTerms(item.name).at(-1);
    return head !== undefined && words.has(head);
  };
  if (task.allItems) {
    const except = /\b(?:except|but not|other than|apart from|excluding)\b(.*)$/m.exec(task.text)?.[1];
    const excluded = new Set(except === undefined ? [] : queryTerms(except));
    return order.items.filter((i) => !named(i, excluded));
  }
  const byId = order.items.filter((i) => task.itemIds.includes(i.item_id));
  if (byId.length > 0) return byId;
  const said = new Set(queryTerms(task.text));
  return order.items.filter((i) => named(i, said));
}

function askItems(order: RetailOrder, verb: string): PolicyStep {
  return reply(
    `Which items would you like to ${verb}? Order ${order.order_id} has: ${order.items
      .map((i) => `${describeItem(i)} [item ${i.item_id}]`)
      .join('; ')}.`,
  );
}

function refundMethod(task: Task, order: RetailOrder, user: RetailUser): string | undefined {
  const original = order.payment_history[0]?.payment_method_id;
  if (task.paymentMethodId) return task.paymentMethodId;
  if (task.paymentKind === 'gift_card') {
    return Object.values(user.payment_methods).find((m) => m.source === 'gift_card')?.id;
  }
  return original;
}

function returnStep(task: Task, order: RetailOrder, user: RetailUser): PolicyStep {
  if (order.status !== 'delivered') {
    const hint = order.status === 'pending' ? ' As it is still pending, I can cancel it instead.' : '';
    return reply(cannot(order, 'returned', `Only delivered orders can be returned.${hint}`));
  }
  const items = selectItems(task, order);
  if (items.length === 0) return askItems(order, 'return');
  const method = refundMethod(task, order, user);
  if (!method)
    return reply('You have no gift card on file; the refund can go to the original payment method instead.');
  return propose(
    {
      tool: 'return_delivered_order_items',
      args: { order_id: order.order_id, item_ids: items.map((i) => i.item_id), payment_method_id: method },
    },
    order,
    user,
  );
}

/**
 * The available variants of the same product that best match the option values the buyer asked
 * for (values they mentioned that differ from the current item) while keeping the most current
 * ones. One variant is a clear choice; several tied ones must be put to the buyer.
 */
export function chooseVariant(item: RetailOrderItem, product: RetailProduct, text: string): RetailVariant[] {
  const words = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  // A value is asked for when all its words are in the text, or its first distinctive word is
  // ("google home" asks for "Google Assistant"; "clicky switches" for "clicky").
  const said = (value: string): boolean => {
    const parts = value
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '');
    const [first] = parts;
    return parts.every((w) => words.has(w)) || (first !== undefined && first.length >= 4 && words.has(first));
  };
  const current = new Set(Object.values(item.options).map((v) => v.toLowerCase()));
  const values = new Set(Object.values(product.variants).flatMap((v) => Object.values(v.options)));
  const wanted = [...values].filter((v) => !current.has(v.toLowerCase()) && said(v));
  if (wanted.length === 0) return [];
  const scored = Object.values(product.variants)
    .filter((v) => v.available && v.item_id !== item.item_id)
    .map((v) => {
      const options = Object.entries(v.options);
      const hits = wanted.filter((w) => options.some(([, x]) => x === w)).length;
      const kept = options.filter(([k, x]) => item.options[k] === x).length;
      return { v, score: hits * 100 + kept };
    })
    .filter((s) => s.score >= 100)
    .sort((a, b) => b.score - a.score || a.v.item_id.localeCompare(b.v.item_id));
  const best = scored[0]?.score;
  return scored.filter((s) => s.score === best).map((s) => s.v);
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
  const items = selectItems(task, order);
  if (items.length === 0) return askItems(order, pending ? 'change' : 'exchange');
  for (const item of items) {
    const loaded = now.some((o) => o.tool === 'get_product_details' && o.args.product_id === item.product_id);
    if (!loaded) return call('get_product_details', { product_id: item.product_id });
  }
  const newIds: string[] = [];
  for (const item of items) {
    const product = memory.products.get(item.product_id);
    const explicit = task.itemIds.find((id) => product?.variants[id] !== undefined && id !== item.item_id);
    const explicitVariant = explicit === undefined ? undefined : product?.variants[explicit];
    const candidates = explicitVariant
      ? [explicitVariant]
      : product
        ? chooseVariant(item, product, task.text)
        : [];
    const [variant] = candidates;
    if (candidates.length !== 1 || !variant || !variant.available) {
      const offered = candidates.length > 1 ? candidates : Object.values(product?.variants ?? {});
      const choices = offered
        .filter((v) => v.available && v.item_id !== item.item_id)
        .map((v) => `${Object.values(v.options).join(', ')} [item ${v.item_id}]`);
      return reply(
        `Which option would you like for the ${describeItem(item)}? Available: ${choices.slice(0, 12).join('; ') || 'none'}.`,
      );
    }
    newIds.push(variant.item_id);
  }
  const method = task.paymentMethodId ?? refundMethod(task, order, user) ?? '';
  return propose(
    {
      tool: pending ? 'modify_pending_order_items' : 'exchange_delivered_order_items',
      args: {
        order_id: order.order_id,
        item_ids: items.map((i) => i.item_id),
        new_item_ids: newIds,
        payment_method_id: method,
      },
    },
    order,
    user,
  );
}
