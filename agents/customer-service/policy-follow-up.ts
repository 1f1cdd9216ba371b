import { kindsInText, type Task, type TaskKind, type ThreadMemory } from './thread-memory.js';

/*
 * One message may ask for several kinds of change ("cancel all my pending orders and return the
 * watch", "change all my order addresses, and my user default address too"). The policy does one
 * write at a time: after the last write of one kind it says which kind comes next, and when the
 * buyer asks it to go on with the same request, it moves on to that kind. It never moves on to a
 * kind the buyer's words did not ask for, and every write still waits for the buyer's yes.
 */

/** The write tools that carry out each kind of task. */
const KIND_OF_WRITE: Readonly<Record<string, TaskKind>> = {
  cancel_pending_order: 'cancel',
  return_delivered_order_items: 'return',
  modify_pending_order_items: 'change_items',
  exchange_delivered_order_items: 'change_items',
  modify_pending_order_address: 'order_address',
  modify_user_address: 'user_address',
  modify_pending_order_payment: 'modify_payment',
};

/**
 * The profile's address named as something to change ("and my user default address", "my user
 * address"), not as where an order should go ("ship it to my default address").
 */
const PROFILE_ADDRESS_CHANGED =
  /(?<!\b(?:to|as|from|at) )\b(?:my|the) (?:user (?:default )?|default (?:user )?|profile |account )address(?:es)?\b/i;
/** An order's address named as something to change ("all my order addresses", "my pending order address"). */
const ORDER_ADDRESS_CHANGED =
  /\b(?:order|shipping) address(?:es)?\b|#?\bW\d{7}\b|\b(?:my|the|all|those|these) (?:\w+ )?orders?\b/i;

const WHAT_COMES: Readonly<Record<TaskKind, string>> = {
  cancel: 'cancel an order',
  return: 'return items',
  change_items: 'change or exchange items',
  order_address: 'change the shipping address of an order',
  user_address: 'change your default address',
  modify_payment: 'change the payment method of an order',
  track: 'check an order',
};

/**
 * The kinds of change a message asks for, in the order it asks them; an address change names
 * the profile's address, an order's, or both.
 *
 * @example
 * ```ts
 * requestedKinds('cancel all my pending orders and return the watch'); // ['cancel', 'return']
 * requestedKinds('change all my order addresses and my user address'); // ['order_address', 'user_address']
 * ```
 */
export function requestedKinds(text: string): TaskKind[] {
  return kindsInText(text).flatMap((kind): TaskKind[] => {
    if (kind === 'track') return [];
    if (kind !== 'order_address') return [kind];
    const profile = PROFILE_ADDRESS_CHANGED.test(text);
    if (!profile) return ['order_address'];
    return ORDER_ADDRESS_CHANGED.test(text.replace(PROFILE_ADDRESS_CHANGED, ' '))
      ? ['order_address', 'user_address']
      : ['user_address'];
  });
}

/** Whether two messages carry the same request ("Please go on with the next one. <request>"). */
function sameRequest(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const [x, y] = [norm(a), norm(b)];
  return x.length >= 12 && y.length >= 12 && (x.includes(y) || y.includes(x));
}

/** The kinds of change the task's request has already had written in this thread. */
export function doneKinds(task: Task, memory: ThreadMemory): Set<TaskKind> {
  return new Set(
    memory.finished
      .filter((f) => sameRequest(f.request, task.request))
      .flatMap((f) => KIND_OF_WRITE[f.tool] ?? []),
  );
}

/**
 * The kinds the task's request still asks for besides the task's own: those not yet written for it.
 *
 * @example
 * ```ts
 * laterKinds(task, memory); // ['cancel'] while returning the watch of "cancel all … and return the watch"
 * ```
 */
export function laterKinds(task: Task, memory: ThreadMemory): TaskKind[] {
  const done = doneKinds(task, memory);
  return [...new Set(requestedKinds(task.request))].filter((k) => k !== task.kind && !done.has(k));
}

/** "Your request also asks to cancel an order, which comes next." */
export function nextKindNote(kind: TaskKind): string {
  return `Your request also asks to ${WHAT_COMES[kind]}, which comes next.`;
}
