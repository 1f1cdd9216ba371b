import type { PolicyStep } from './policy-types.js';
import { kindsInText, type Task, type TaskKind } from './thread-memory.js';

/*
 * Whether the buyer's own words ask for the change a task would make. The intent model reads "I
 * received boots that look worn and want a new pair" as a refund; a return would then be a write
 * the buyer never asked for. The policy proposes a write only for what the words ask, and asks
 * otherwise.
 */

/** Words that ask for a task besides its request verbs ("I want my money back"). */
const ALSO_ASKS: Readonly<Partial<Record<TaskKind, RegExp>>> = {
  return: /\brefund(?:ed|s)?\b|\bmoney back\b|\bsend (?:it|them|this|these|that|those) back\b/i,
  change_items: /\breplac(?:e|ed|ing)\b|\binstead\b/i,
  order_address: /\b(?:ship|deliver|send)(?:s|ed|ing)?\b[^.;]{0,30}\bto\b/i,
  modify_payment: /\bpay(?:ment)?\b.{0,40}\b(?:card|paypal|gift)\b/i,
};

/**
 * A request for the same item again ("a new pair with the same specs", "a replacement"): no
 * write does that — an exchange must be for a different option of the same product.
 */
const SAME_ITEM =
  /\b(?:new|another|replacement|fresh)\b(?: (?:one|pair|item|unit))?\b[^.;]{0,30}\b(?:the )?same (?:specs?|specifications?|item|model|product|options?|one|kind)\b|\bexactly the same\b|\ba replacement\b/i;

/** A request verb the buyer hedges ("I am considering cancelling it"): not yet a decision. */
const HEDGED =
  /\b(?:considering|thinking (?:about|of)|not sure (?:yet )?(?:if|whether) (?:i (?:want|should) )?(?:to )?)\s*(?:\w+\s+){0,2}?(?:cancel|return|exchang|chang|modif|swap|upgrad)\w*/i;

/** Words that say which address: an order's ("ship", "#W…", "my order") or the profile's ("default"). */
const ORDER_ADDRESS = /#?\bW\d{7}\b|\borders?\b|\bship(?:s|ped|ping)?\b|\bdeliver/i;
const PROFILE_ADDRESS = /\b(?:default|profile|account|user|on file)\b/i;

/**
 * Whether `text` asks for a task of `kind` in so many words (a hedged verb does not count).
 *
 * @example
 * ```ts
 * asksFor('return', 'I want my money back for the kettle'); // true
 * asksFor('return', 'the boots look worn, I want a new pair with the same specs'); // false
 * ```
 */
export function asksFor(kind: TaskKind, text: string): boolean {
  if (kind === 'track') return true;
  const decided = text.replace(new RegExp(HEDGED.source, 'gi'), ' ');
  const said = kindsInText(decided);
  if (said.includes(kind) || (kind === 'user_address' && said.includes('order_address'))) return true;
  return ALSO_ASKS[kind === 'user_address' ? 'order_address' : kind]?.test(decided) === true;
}

/**
 * The question to ask before any write when the buyer's words do not ask for the task's change
 * (its kind came from the intent model alone), or nothing when they do.
 *
 * @example
 * ```ts
 * const step = unclearRequest(task);
 * if (step) return step; // "Would you like to return it for a refund, or exchange it …?"
 * ```
 */
export function unclearRequest(task: Task): PolicyStep | undefined {
  const address = task.kind === 'order_address' || task.kind === 'user_address';
  const whose = ORDER_ADDRESS.test(task.text) || PROFILE_ADDRESS.test(task.text);
  if (address && (!whose || !asksFor(task.kind, task.text))) {
    // "Change my address": the default one on the profile, or where an order ships?
    return {
      kind: 'reply',
      text: 'Which address would you like to change: the default address on your profile, or the shipping address of a pending order (which one)?',
    };
  }
  if (asksFor(task.kind, task.text)) return undefined;
  if (HEDGED.test(task.text)) {
    return {
      kind: 'reply',
      text: 'It sounds like you have not decided yet, so I have not changed anything. When you are sure, tell me what you want done and to which order, and I will set it out for your confirmation.',
    };
  }
  if (SAME_ITEM.test(task.text)) {
    return {
      kind: 'reply',
      text: 'I cannot send the same item again: an item can only be exchanged for a different option of the same product (another size, colour or material, say), or returned for a refund. What would you like to do?',
    };
  }
  return {
    kind: 'reply',
    text: 'I want to be sure I do what you ask before changing anything. Would you like to return an item for a refund, exchange it for another option of the same product, or cancel or change a pending order?',
  };
}
