import type { RetailOrder, RetailOrderItem, RetailUser } from '../../tools/retail/index.js';
import { namedItems, resolveVariants, splitKept, textAbout } from './order-match.js';
import { chooseVariant, rankVariants, unaskedChanges, wantsSomething } from './order-variant.js';
import { settlementMethod } from './policy-payment.js';
import { describeItem, usd } from './policy-replies.js';
import { call, cannot, propose, reply } from './policy-steps.js';
import type { Observation, PolicyStep } from './policy-types.js';
import { textOfKind, type Task, type ThreadMemory } from './thread-memory.js';

/*
 * The item steps of the offline policy: which items of an order the buyer means, and the return,
 * item change (pending) or exchange (delivered) of them, proposed only once the items, the new
 * variants and the payment method are all the buyer's own choice.
 */

/** "…I received with the vacuum cleaner", "…in the same order as the lamp": where, not what. */
const LOCATOR =
  /\b(?:(?:received|got|came|bought|ordered|delivered|arrived)(?: together)? with|in the same order as|along with which)\b[^,.;]*/gi;

/** "its item", "the order item": the buyer says the order's item without naming it. */
const ONE_ITEM = /\b(?:its|the|my|that|this|order(?:'s)?) item\b(?!s)/i;

/**
 * Items of the order the buyer means: every item (but those they keep: "except the lamp", "keep
 * the watch") when they said "all", else the items they named in the words of this task ("return
 * the bottle, and exchange the lamp" names only the bottle for the return; "not the vacuum" names
 * none) or gave ids of. A product the order holds in several variants that their words do not tell
 * apart is `unclear`, to ask about.
 *
 * @example
 * ```ts
 * selectItems(task, order).items; // "return the headphones but keep the watch" → [headphones]
 * ```
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
    // "Everything except the coffee machine", "all of it but keep the watch".
    const { kept } = splitKept(task.text);
    const excluded = new Set(kept === '' ? [] : namedItems(order.items, kept));
    if (
      kept !== '' &&
      excluded.size === 0 &&
      /\b(?:except|but not|other than|apart from|excluding)\b/.test(kept)
    ) {
      return { items: [], unclear: [] };
    }
    return { items: order.items.filter((i) => !excluded.has(i)), unclear: [] };
  }
  // "The backpack I received with the vacuum cleaner": the vacuum cleaner only locates the order;
  // "but keep the watch": the watch stays.
  const own = splitKept(textOfKind(task.kind, task.text).replace(LOCATOR, ' ')).act;
  const text = namedItems(order.items, own).length > 0 ? own : splitKept(task.text).act;
  const named = new Set([
    ...namedItems(order.items, text),
    ...order.items.filter((i) => task.itemIds.includes(i.item_id)),
  ]);
  // "Change its item to red" of an order with one item: that item, the only one it can be.
  const [only, ...others] = order.items;
  if (named.size === 0 && only && others.length === 0 && ONE_ITEM.test(text)) named.add(only);
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

export function returnStep(task: Task, order: RetailOrder, user: RetailUser): PolicyStep {
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

export function changeItemsStep(
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
    const words = textAbout(item, known, about);
    const candidates = explicitVariant
      ? [explicitVariant]
      : product
        ? chooseVariant(item, product, words)
        : [];
    const [variant] = candidates;
    if (!explicitVariant && product && !wantsSomething(item, product, words)) {
      // Nothing said about what it should become: ask, rather than list options to pick from.
      const keys = [...new Set(Object.values(product.variants).flatMap((v) => Object.keys(v.options)))];
      return reply(
        `What would you like to change about the ${describeItem(item)}? Its options are ${keys.join(', ')}.`,
      );
    }
    // The best variant also changes an option the buyer said nothing about, and others have what
    // they asked for too: that pick would be a guess, so they choose.
    const fitting = product && variant && !explicitVariant ? rankVariants(item, product, words) : [];
    const guessed =
      fitting.length > 1 &&
      product !== undefined &&
      variant !== undefined &&
      unaskedChanges(item, product, variant, words).length > 0;
    if (candidates.length !== 1 || !variant || !variant.available || guessed) {
      const offered = guessed
        ? fitting
        : candidates.length > 1
          ? candidates
          : Object.values(product?.variants ?? {});
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
    memory,
  );
}
