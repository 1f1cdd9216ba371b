import type { Coupon, Lead } from '../../tools/leads/index.js';
import {
  isRetailWriteTool,
  type RetailAddress,
  type RetailOrder,
  type RetailProduct,
  type RetailUser,
} from '../../tools/retail/index.js';
import type { Observation, PolicyView } from './policy-types.js';
import { relevantHits, type ProductHit } from './product-answer.js';
import type { PaymentKind, Slots } from './slots.js';

/** An account task: what the buyer wants done to their orders or profile. */
export type TaskKind =
  'cancel' | 'change_items' | 'order_address' | 'user_address' | 'modify_payment' | 'return' | 'track';

/** The task under way, with the details gathered over the turns since it started. */
export interface Task {
  /** Set when the task starts; an address task turns to the profile's or an order's as the buyer says. */
  kind: TaskKind;
  readonly startTurn: number;
  /** The first of `orderIds`. */
  orderId?: string;
  /**
   * The orders the latest message naming any asks about; not one named as a reference ("the
   * same address as order #W2").
   */
  orderIds: string[];
  reason?: Slots['cancelReason'];
  address?: RetailAddress;
  defaultAddress: boolean;
  paymentKind?: PaymentKind;
  paymentMethodId?: string;
  itemIds: string[];
  allItems: boolean;
  /** Lower-cased text of the task's turns, for matching item names and options. */
  text: string;
  /** The same text as written (place names such as "LA" need the case). */
  said: string;
  /** The message that started the task, as written: it may ask for more than this task's kind. */
  request: string;
  done: boolean;
}

/** A write that succeeded, with the request (the message that started its task) it served. */
export interface FinishedWrite {
  readonly request: string;
  readonly tool: string;
}

/** Everything the offline policy knows, folded from the turns and the tool outcomes. */
export interface ThreadMemory {
  focus?: 'account' | 'sales' | 'coupon';
  task?: Task;
  /** The first email the buyer gave: their contact for leads and coupons. */
  contactEmail?: string;
  latestEmail?: string;
  name?: { first: string; last: string };
  zip?: string;
  authTried: Set<string>;
  user?: RetailUser;
  orders: Map<string, RetailOrder>;
  /** Write tools that succeeded on each order in this thread, by order id. */
  written: Map<string, Set<string>>;
  /** Every write that succeeded, oldest first, with the request it served. */
  finished: FinishedWrite[];
  products: Map<string, RetailProduct>;
  /** The best hit of each product search, in the order asked about. */
  interest: ProductHit[];
  leads: Map<string, { lead: Lead; created: boolean }>;
  coupon?: { coupon: Coupon; discount?: number; capped: boolean; reused: boolean };
  signals: {
    asked: boolean;
    price: boolean;
    purchase: boolean;
    coupon: boolean;
    quantity?: number;
    percent?: number;
  };
}

const TASK_OF_INTENT: Readonly<Record<string, TaskKind>> = {
  cancel_order: 'cancel',
  change_order: 'change_items',
  exchange_items: 'change_items',
  change_shipping_address: 'order_address',
  set_up_shipping_address: 'user_address',
  modify_payment: 'modify_payment',
  get_refund: 'return',
  return_items: 'return',
  track_order: 'track',
  delivery_period: 'track',
  track_refund: 'track',
};

/**
 * What the buyer's words ask for, by where each request verb first appears. The intent model
 * confuses the account intents ("modify my pending boots to size 8" reads as a shipping address
 * change), so the verbs the buyer used settle it.
 */
const TASK_WORDS: readonly (readonly [TaskKind, RegExp])[] = [
  ['cancel', /\b(?:cancel(?:l?ing|l?ed)?|remove)\b(?!.{0,40}\b(?:order )?cancel)/i],
  ['return', /\breturn(?:ed|ing)?\b(?!\s+(?:it|them)\s+later)/i],
  [
    'change_items',
    /\b(?:exchang(?:e|ed|ing)|swap(?:ped)?|modif(?:y|ied|ying)|chang(?:e|ed|ing)|upgrad(?:e|ed|ing)|downgrade|adjust(?:ed)?|switch(?:ed)?)\b/i,
  ],
  ['order_address', /\baddress(?:es)?\b/i],
  ['modify_payment', /\b(?:change|switch|update|modify|use)\b.{0,30}\bpayment method\b/i],
  ['track', /\b(?:track|tracking|where is|status of|arriv(?:e|es|ing))\b/i],
];
const NOT_A_TASK =
  /\b(?:undo|not|don'?t|never|no need to)\s+(?:want to\s+)?(?:cancel|return|exchange|change|modify)/i;

/** A change verb whose words, up to the next request verb, name an item or its options, not an address or payment. */
function changesAnItem(text: string): boolean {
  const change = TASK_WORDS.find(([k]) => k === 'change_items')?.[1];
  if (!change) return false;
  const verbs = new RegExp(TASK_WORDS.map(([, re]) => re.source).join('|'), 'gi');
  return [...text.matchAll(new RegExp(change.source, 'gi'))].some((m) => {
    const from = m.index + m[0].length;
    verbs.lastIndex = from;
    const end = verbs.exec(text)?.index ?? text.length;
    const governed = text.slice(from, end);
    return (
      /\b(?:items?|colou?r|size|material|style|version|model)\b/i.test(governed) &&
      !/\b(?:address|payment|ship|deliver)/i.test(governed)
    );
  });
}

/**
 * Kinds of task the words of a message ask for, by their request verbs, in the order they appear.
 *
 * @example
 * ```ts
 * kindsInText('return the bottle and exchange the lamp'); // ['return', 'change_items']
 * kindsInText('I do not want to cancel anything'); // []
 * ```
 */
export function kindsInText(text: string): TaskKind[] {
  if (NOT_A_TASK.test(text)) return [];
  const found = TASK_WORDS.flatMap(([kind, re]) => {
    const at = text.search(re);
    return at < 0 ? [] : [{ kind, at }];
  });
  const kinds = new Set(found.map((f) => f.kind));
  // "change the address" and "switch the payment method" are not item changes; "change the
  // address, and change its item color to red" asks for both.
  if (kinds.has('order_address') || kinds.has('modify_payment')) {
    if (!/\b(?:exchange|swap|upgrade|downgrade)\b/i.test(text) && !changesAnItem(text))
      kinds.delete('change_items');
  }
  return found
    .filter((f) => kinds.has(f.kind))
    .sort((a, b) => a.at - b.at)
    .map((f) => f.kind);
}

/**
 * The parts of `text` that ask for a task of `kind`: each request verb governs the words up to the
 * next one ("return the water bottle, and exchange the pet bed" → "return the water bottle, and "
 * for a return). Words before the first verb go with it. The whole text when no other kind is asked.
 *
 * @example
 * ```ts
 * textOfKind('return', 'I want to return the bottle and exchange the lamp'); // 'I want to return the bottle and '
 * ```
 */
export function textOfKind(kind: TaskKind, text: string): string {
  const kinds = new Set(kindsInText(text));
  const marks = TASK_WORDS.filter(([k]) => kinds.has(k))
    .flatMap(([k, re]) =>
      [...text.matchAll(new RegExp(re.source, 'gi'))].map((m) => ({ kind: k, at: m.index })),
    )
    .sort((a, b) => a.at - b.at);
  const asked = (k: TaskKind): boolean => k === kind || (kind === 'user_address' && k === 'order_address');
  if (marks.every((m) => asked(m.kind))) return text;
  return marks
    .map((m, i) => ({ kind: m.kind, from: i === 0 ? 0 : m.at, to: marks[i + 1]?.at ?? text.length }))
    .filter((m) => asked(m.kind))
    .map((m) => text.slice(m.from, m.to))
    .join(' ');
}

/** Intents that carry no task of their own but whose words may ask for one. */
const OPEN_INTENTS = new Set(['unknown', 'provide_info']);

/**
 * Out-of-scope intents the model gives order requests it misreads ("change the pressure to 8 bar"
 * as switch_account, "change the lamp for the cheapest one" as delivery_options): the request
 * verbs settle those, unless the words are about the account itself, an invoice or a person.
 */
const MISREAD_INTENTS = new Set([
  'switch_account',
  'delivery_options',
  'payment_issue',
  'complaint',
  'check_invoice',
  'get_invoice',
  'registration_problems',
]);
const NOT_AN_ORDER_REQUEST =
  /\b(?:account|password|log ?in|sign(?:ed)? ?(?:in|up)|subscri\w*|newsletter|invoices?|human|person|representative|manager|supervisor|split)\b/i;

/**
 * Whether an out-of-scope intent is the model's misreading of an order request in so many words.
 *
 * @example
 * ```ts
 * misreadOrderRequest('switch_account', 'I want to change the pressure of the coffee machine to 8 bar'); // true
 * misreadOrderRequest('switch_account', 'I want to change to my other account'); // false
 * ```
 */
export function misreadOrderRequest(intent: string, text: string): boolean {
  return MISREAD_INTENTS.has(intent) && !NOT_AN_ORDER_REQUEST.test(text) && kindsInText(text).length > 0;
}

/**
 * The task a message starts, if any: the intent's, unless the request verbs the buyer used say
 * otherwise ("change my default address" is the profile's, not an order's).
 *
 * @example
 * ```ts
 * taskKindOf('change_shipping_address', 'I want to modify the pending boots to a size 8'); // 'change_items'
 * taskKindOf('cancel_order', 'cancel order #W2378156'); // 'cancel'
 * ```
 */
export function taskKindOf(intent: string, text: string): TaskKind | undefined {
  const fromIntent = TASK_OF_INTENT[intent];
  const said = kindsInText(text);
  const [first] = said;
  const agrees =
    fromIntent !== undefined && said.includes(fromIntent === 'user_address' ? 'order_address' : fromIntent);
  const kind =
    fromIntent !== undefined && (first === undefined || agrees)
      ? fromIntent
      : OPEN_INTENTS.has(intent) || fromIntent || misreadOrderRequest(intent, text)
        ? first
        : undefined;
  if (kind === 'order_address' || kind === 'user_address') return addressKind(text, kind);
  if (intent === 'edit_account' && /address/i.test(text)) return 'user_address';
  return kind;
}

/** An order's shipping address or the profile's default one, by the buyer's words. */
function addressKind(text: string, kind: 'order_address' | 'user_address'): TaskKind {
  const order = /#?W\d{7}|\b(?:shipping address|order address|(?:the|my|an|this|that|all) orders?\b)/i.test(
    text,
  );
  const profile = /\b(?:default|profile|account|user|on file)\b/i.test(text);
  if (order) return 'order_address';
  return profile ? 'user_address' : kind;
}

/** An order named as the source of a detail ("the same address as order #W2"), not a target. */
const REFERENCE_ORDER =
  /\b(?:same (?:\w+ )?as|as (?:in|on|for)|like|that of)\s+(?:the\s+|my\s+|in\s+)?(?:order\s+)?#?\s?(W\d{7})\b/gi;

/**
 * The order ids of a message that it asks about: all it names but those named as a reference.
 *
 * @example
 * ```ts
 * targetOrderIds('For #W5056519, use the same address as order #W8277957', ['#W5056519', '#W8277957']); // ['#W5056519']
 * ```
 */
export function targetOrderIds(text: string, orderIds: readonly string[]): string[] {
  const references = new Set(
    [...text.matchAll(REFERENCE_ORDER)].map((m) => `#${(m[1] ?? '').toUpperCase()}`),
  );
  return orderIds.filter((id) => !references.has(id));
}

/** The key recorded for an authentication attempt, so each is tried once. */
export const authKey = {
  email: (email: string): string => `email:${email.trim().toLowerCase()}`,
  nameZip: (first: string, last: string, zip: string): string =>
    `namezip:${first.toLowerCase()}|${last.toLowerCase()}|${zip}`,
};

/**
 * Folds the conversation into the policy's memory. Pure: the same view gives the same memory.
 *
 * @example
 * ```ts
 * const memory = foldThread(view, { productMinScore: 0.2 });
 * memory.task?.kind; // 'cancel'
 * ```
 */
export function foldThread(view: PolicyView, options: { productMinScore: number }): ThreadMemory {
  const memory: ThreadMemory = {
    authTried: new Set(),
    orders: new Map(),
    written: new Map(),
    finished: [],
    products: new Map(),
    interest: [],
    leads: new Map(),
    signals: { asked: false, price: false, purchase: false, coupon: false },
  };
  const byTurn = new Map<number, Observation[]>();
  for (const o of view.observations) byTurn.set(o.turn, [...(byTurn.get(o.turn) ?? []), o]);
  view.turns.forEach((turn, index) => {
    foldTurn(memory, turn.text, turn.interpretation.intent, turn.interpretation.slots, index);
    for (const o of byTurn.get(index) ?? []) foldObservation(memory, o, view.userId, options);
  });
  return memory;
}

function foldTurn(memory: ThreadMemory, text: string, intent: string, slots: Slots, index: number): void {
  const [firstEmail] = slots.emails;
  if (firstEmail !== undefined) {
    memory.contactEmail ??= firstEmail.toLowerCase();
    memory.latestEmail = (slots.emails.at(-1) ?? firstEmail).toLowerCase();
  }
  if (slots.name) memory.name = { ...slots.name };
  if (slots.zip) memory.zip = slots.zip;
  const signals = memory.signals;
  if (intent === 'product_question') signals.asked = true;
  if (intent === 'purchase_intent') signals.purchase = signals.asked = true;
  if (/\b(?:how much|price|cost)\b|多少钱/i.test(text) && intent !== 'coupon_request') signals.price = true;
  if (intent === 'coupon_request') {
    signals.coupon = true;
    if (slots.percent !== undefined) signals.percent = slots.percent;
  }

  const kind = taskKindOf(intent, text);
  const targets = targetOrderIds(text, slots.orderIds);
  if (kind) {
    memory.focus = 'account';
    const current = memory.task;
    if (!current || current.done || current.kind !== kind || targets.length > 0) {
      memory.task = {
        kind,
        startTurn: index,
        orderIds: [],
        defaultAddress: false,
        itemIds: [],
        allItems: false,
        text: '',
        said: '',
        request: text,
        done: false,
      };
    }
  } else if (intent === 'product_question' || intent === 'purchase_intent') memory.focus = 'sales';
  else if (intent === 'coupon_request') memory.focus = 'coupon';
  if (slots.quantity !== undefined && memory.focus !== 'account') signals.quantity = slots.quantity;

  const task = memory.task;
  if (!task || task.done || memory.focus !== 'account') return;
  const [orderId] = targets;
  if (orderId) {
    task.orderId = orderId;
    task.orderIds = targets;
  }
  if (slots.cancelReason) task.reason = slots.cancelReason;
  if (slots.address) task.address = slots.address;
  if (slots.defaultAddress) task.defaultAddress = true;
  if (slots.paymentKind) task.paymentKind = slots.paymentKind;
  const [methodId] = slots.paymentMethodIds;
  if (methodId) task.paymentMethodId = methodId;
  for (const id of slots.itemIds) if (!task.itemIds.includes(id)) task.itemIds.push(id);
  if (slots.allItems) task.allItems = true;
  task.text = `${task.text}\n${text.toLowerCase()}`;
  task.said = `${task.said}\n${text}`;
  // "Which address?" — "the default one": the answer settles whose address it is.
  if (!kind && (task.kind === 'order_address' || task.kind === 'user_address')) {
    task.kind = addressKind(task.said, task.kind);
  }
}

function foldObservation(
  memory: ThreadMemory,
  o: Observation,
  userId: string | undefined,
  options: { productMinScore: number },
): void {
  const args = o.args;
  if (o.tool === 'find_user_id_by_email' && typeof args.email === 'string')
    memory.authTried.add(authKey.email(args.email));
  if (o.tool === 'find_user_id_by_name_zip') {
    memory.authTried.add(authKey.nameZip(String(args.first_name), String(args.last_name), String(args.zip)));
  }
  if (!o.ok) return;
  const result = o.result as Record<string, unknown> | undefined;
  switch (o.tool) {
    case 'get_user_details':
    case 'modify_user_address':
      if (result && result.user_id === userId) memory.user = result as unknown as RetailUser;
      break;
    case 'get_order_details':
      if (result) memory.orders.set(String(result.order_id), result as unknown as RetailOrder);
      break;
    case 'get_product_details':
      if (result) memory.products.set(String(result.product_id), result as unknown as RetailProduct);
      break;
    case 'search_products': {
      const [best] = relevantHits((o.result ?? []) as ProductHit[], { minScore: options.productMinScore });
      if (best && !memory.interest.some((h) => h.id === best.id)) memory.interest.push(best);
      break;
    }
    case 'capture_lead': {
      const captured = o.result as { lead: Lead; created: boolean };
      memory.leads.set(captured.lead.productId, captured);
      break;
    }
    case 'issue_coupon':
      memory.coupon = o.result as ThreadMemory['coupon'] & object;
      break;
    default:
      if (result && typeof result.order_id === 'string') {
        memory.orders.set(result.order_id, result as unknown as RetailOrder);
      }
  }
  if (isRetailWriteTool(o.tool) && typeof args.order_id === 'string') {
    memory.written.set(args.order_id, new Set([...(memory.written.get(args.order_id) ?? []), o.tool]));
  }
  // A successful write settles the task it belongs to.
  if (memory.task && o.turn >= memory.task.startTurn && isRetailWriteTool(o.tool)) {
    memory.task.done = true;
    memory.finished.push({ request: memory.task.request, tool: o.tool });
  }
}
