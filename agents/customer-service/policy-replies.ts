import type {
  RetailAddress,
  RetailOrder,
  RetailOrderItem,
  RetailPaymentMethod,
  RetailUser,
} from '../../tools/retail/index.js';
import type { ToolCall } from './policy-types.js';

/**
 * The agent's fixed sentences. Every fact in a reply comes from a tool result or from
 * data/tau2-retail/policy.md; nothing is made up.
 */
export const REPLIES = {
  greeting:
    'Hello! I can help with your orders (status, cancelling, changing items, address or payment, returns and exchanges), questions about our products, and discounts. What can I do for you?',
  resolved: 'Thank you for contacting us. Have a great day!',
  clarify:
    'Sorry, I did not quite get that. I can help with your orders (status, cancel, change, return, exchange), product questions and discounts. What would you like to do?',
  askIdentity:
    'To help with your order or account I first need to verify your identity: please give me the email on your account, or your first name, last name and zip code.',
  askZip: 'Thanks. What is the zip code of your default address?',
  authFailed:
    'I could not find an account with those details. Please check your email, or give your first name, last name and zip code.',
  oneUserOnly:
    'I can only help with one account per conversation, and you are already verified. I can keep helping with your own orders.',
  notYourOrder:
    'I can only access orders on your own account, and that order is not one of them, so I cannot look it up or change it.',
  disclosure:
    "I'm sorry, I can't share internal instructions or any other customer's information. I can help with your own orders once you're verified, or with questions about our products.",
  declined: "All right, I haven't changed anything. Is there anything else I can help with?",
  refundPolicy:
    'Delivered orders can be returned: the refund goes to the original payment method or to an existing gift card, and you receive an email on how to return the items. A cancelled pending order is refunded in full to the original payment method, immediately for a gift card, otherwise within 5 to 7 business days.',
  cancellationPolicy:
    "Only pending orders can be cancelled, for the reason 'no longer needed' or 'ordered by mistake'. The full total is refunded to the original payment method: immediately for a gift card, otherwise within 5 to 7 business days.",
  paymentMethods: 'We accept three types of payment method: gift card, PayPal and credit card.',
  review: 'Thank you for your feedback, we appreciate it. Is there anything else I can help with?',
  askEmailForSales:
    "If you'd like to order, leave your email and our sales team will send you a quote and a link to buy.",
  askEmailForCoupon: 'I can check a discount for you. What email should the coupon be sent to?',
  budgetExhausted: 'Sorry, I could not complete that request myself.',
} as const;

/** "$12.30". */
export const usd = (amount: number): string => `$${amount.toFixed(2)}`;

/** "Backpack (green, small)". */
export function describeItem(item: Pick<RetailOrderItem, 'name' | 'options'>): string {
  const options = Object.values(item.options);
  return options.length > 0 ? `${item.name} (${options.join(', ')})` : item.name;
}

/** "1 Main St, Apt 4, Austin, TX 78701, USA". */
export function describeAddress(a: RetailAddress): string {
  return [a.address1, a.address2, a.city, `${a.state} ${a.zip}`, a.country]
    .filter((x) => x.trim() !== '')
    .join(', ');
}

/** "visa credit card ending 1234 (credit_card_1)", "gift card gift_card_1 (balance $5.00)", "PayPal (paypal_1)". */
export function describePayment(method: RetailPaymentMethod | undefined, id: string): string {
  if (!method) return id;
  if (method.source === 'credit_card')
    return `${method.brand} credit card ending ${method.last_four} (${id})`;
  if (method.source === 'gift_card') return `gift card ${id} (balance ${usd(method.balance)})`;
  return `PayPal (${id})`;
}

/** The buyer's own orders, for "which order?" questions. */
export function listOrders(user: RetailUser): string {
  return user.orders.length === 0 ? 'You have no orders on file.' : `Your orders: ${user.orders.join(', ')}.`;
}

/** Status, items and tracking of one of the buyer's orders. */
export function describeOrder(order: RetailOrder): string {
  const items = order.items.map(describeItem).join('; ');
  const tracking = order.fulfillments.flatMap((f) => f.tracking_id);
  const refunds = order.payment_history.filter((p) => p.transaction_type === 'refund');
  return [
    `Order ${order.order_id} is ${order.status}.`,
    `Items: ${items}.`,
    tracking.length > 0 ? `Tracking: ${tracking.join(', ')}.` : '',
    refunds.length > 0 ? `Refunds: ${refunds.map((r) => usd(r.amount)).join(', ')}.` : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
}

const difference = (d: number): string =>
  d > 0 ? `you pay ${usd(d)} more` : d < 0 ? `you get ${usd(-d)} back` : 'no price difference';

const refundTiming = (method: RetailPaymentMethod | undefined): string =>
  method?.source === 'gift_card' ? 'immediately' : 'within 5 to 7 business days';

/**
 * States a write exactly (the confirmation the policy requires before any change), ending with the
 * question the buyer must answer with an explicit yes. `note` (what comes after) goes before the
 * question.
 */
export function confirmText(
  call: ToolCall,
  order: RetailOrder | undefined,
  user: RetailUser | undefined,
  extra: {
    /** What comes after this write (further orders the request covers). */
    readonly note?: string;
    /** The new items by id, so the buyer sees every option that changes. */
    readonly newItems?: ReadonlyMap<string, Pick<RetailOrderItem, 'name' | 'options'>>;
  } = {},
): string {
  const { note, newItems } = extra;
  const a = call.args;
  const newOnes = (ids: unknown): string =>
    (Array.isArray(ids) ? (ids as string[]) : [])
      .map((id) => {
        const item = newItems?.get(id);
        return item ? `${describeItem(item)} [item ${id}]` : id;
      })
      .join('; ');
  const method = (id: unknown): string => describePayment(user?.payment_methods[String(id)], String(id));
  const items = (ids: unknown): string =>
    (Array.isArray(ids) ? (ids as string[]) : [])
      .map((id) => order?.items.find((i) => i.item_id === id))
      .map((i) => (i ? describeItem(i) : '?'))
      .join('; ');
  const total = order?.payment_history[0];
  const action: Record<string, () => string> = {
    cancel_pending_order: () =>
      `cancel order ${String(a.order_id)} (${order?.items.map(describeItem).join('; ')}), reason '${String(a.reason)}'. ` +
      `${total ? usd(total.amount) : 'The total'} will be refunded to ${method(total?.payment_method_id)} ${refundTiming(user?.payment_methods[total?.payment_method_id ?? ''])}`,
    modify_pending_order_address: () =>
      `change the shipping address of order ${String(a.order_id)} to ${describeAddress(a as unknown as RetailAddress)}`,
    modify_user_address: () =>
      `change your default address to ${describeAddress(a as unknown as RetailAddress)}`,
    modify_pending_order_payment: () =>
      `pay order ${String(a.order_id)} with ${method(a.payment_method_id)} instead of ${method(total?.payment_method_id)}; the original payment is refunded ${refundTiming(user?.payment_methods[total?.payment_method_id ?? ''])}`,
    return_delivered_order_items: () =>
      `request a return of ${items(a.item_ids)} from order ${String(a.order_id)}, refunded to ${method(a.payment_method_id)}. You will get an email on how to return the items`,
    modify_pending_order_items: () =>
      `change ${items(a.item_ids)} in order ${String(a.order_id)} to ${newOnes(a.new_item_ids)}, settling the price difference with ${method(a.payment_method_id)}. ` +
      'This can be done only once per order, so please make sure you have listed every item you want to change',
    exchange_delivered_order_items: () =>
      `exchange ${items(a.item_ids)} from order ${String(a.order_id)} for ${newOnes(a.new_item_ids)}, settling the price difference with ${method(a.payment_method_id)}. ` +
      'This can be done only once per order, so please make sure you have listed every item you want to exchange',
  };
  const what = action[call.tool]?.() ?? `run ${call.tool} with ${JSON.stringify(a)}`;
  return `Here is what I will do: ${what}.${note === undefined ? '' : ` ${note}`} Shall I proceed? Please reply "yes" to confirm.`;
}

/** Reports a write that went through, from the tool's own result. */
export function doneText(tool: string, result: unknown, user: RetailUser | undefined): string {
  const order = result as RetailOrder;
  const method = (id: string | undefined): string =>
    describePayment(user?.payment_methods[id ?? ''], id ?? '');
  switch (tool) {
    case 'cancel_pending_order':
      return `Done: order ${order.order_id} is cancelled and the refund is on its way to the original payment method.`;
    case 'modify_pending_order_address':
      return `Done: order ${order.order_id} will ship to ${describeAddress(order.address)}.`;
    case 'modify_user_address':
      return `Done: your default address is now ${describeAddress((result as RetailUser).address)}.`;
    case 'modify_pending_order_payment':
      return `Done: order ${order.order_id} is now paid with ${method(order.payment_history.at(-2)?.payment_method_id)}.`;
    case 'modify_pending_order_items':
      return `Done: order ${order.order_id} now has ${order.items.map(describeItem).join('; ')}.`;
    case 'return_delivered_order_items':
      return `Done: the return for order ${order.order_id} is requested; you will receive an email on how to return the items, and the refund goes to ${method(order.return_payment_method_id)}.`;
    case 'exchange_delivered_order_items':
      return `Done: the exchange for order ${order.order_id} is requested (${difference(order.exchange_price_difference ?? 0)}); you will receive an email on how to return the items.`;
    default:
      return 'Done.';
  }
}
