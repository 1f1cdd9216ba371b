import type { RetailAddress, RetailUser } from '../../tools/retail/index.js';
import { listOrders, REPLIES } from './policy-replies.js';
import type { PolicyStep } from './policy-types.js';
import type { Task, ThreadMemory } from './thread-memory.js';

/** The address a task should set, or the step that gets closer to it, or nothing to go on. */
export type AddressLookup = { readonly address: RetailAddress } | { readonly step: PolicyStep } | undefined;

/** What buyers call a city. */
const CITY_ALIASES: Readonly<Record<string, RegExp>> = {
  'new york': /\bnyc\b|\bnew york\b|\bbig apple\b/i,
  'los angeles': /\bLA\b|\blos angeles\b/,
  washington: /\bwashington\b|\bD\.?C\.?\b/,
  'san francisco': /\bSF\b|\bsan francisco\b/,
};

/** "to my NYC address", "to the default Chicago one", "to the Washington DC address". */
const TO_PLACE =
  /\bto (?:my |the |our |his |her )?(?:default |new |old |usual )?((?:[A-Z][\w.]*|[A-Z]{2,3})(?: [A-Z][\w.]*)?) (?:address|one|home|place|house)\b/g;

const key = (a: RetailAddress): string => `${a.address1}|${a.address2}|${a.zip}`.toLowerCase();

/** Whether the text names the address's city ("my NYC address", "the default Chicago one"). */
function placeNamed(a: RetailAddress, text: string): boolean {
  const city = a.city.toLowerCase();
  const alias = CITY_ALIASES[city];
  return alias ? alias.test(text) : new RegExp(`\\b${city.replace(/[^a-z ]/g, '')}\\b`, 'i').test(text);
}

/**
 * Finds the address a buyer refers to without spelling it out: the one they gave, the address of
 * another of *their* orders ("the same as order #W8277957"), an address of theirs in the city they
 * name ("my NYC address", read from their profile and orders), or their default address. Never the
 * address being replaced (`current`). Loads the buyer's own orders when it needs their addresses.
 *
 * @example
 * ```ts
 * const found = referencedAddress(task, user, memory, order.address);
 * if (found && 'address' in found) propose(found.address);
 * ```
 */
export function referencedAddress(
  task: Task,
  user: RetailUser,
  memory: ThreadMemory,
  current: RetailAddress,
): AddressLookup {
  if (task.address) return { address: task.address };
  const lookUp = (id: string): AddressLookup => ({
    step: { kind: 'call', call: { tool: 'get_order_details', args: { order_id: id } } },
  });
  const other = [...task.said.matchAll(/#?\bW(\d{7})\b/gi)]
    .map((m) => `#W${m[1] ?? ''}`)
    .filter((id) => id !== task.orderId)
    .at(-1);
  if (other !== undefined) {
    if (!user.orders.includes(other)) {
      return { step: { kind: 'reply', text: `${REPLIES.notYourOrder} ${listOrders(user)}` } };
    }
    const order = memory.orders.get(other);
    return order ? { address: order.address } : lookUp(other);
  }
  const known = [user.address, ...user.orders.flatMap((id) => memory.orders.get(id)?.address ?? [])];
  // Only a place the address should change *to* counts ("to my NYC address", not "I live in Houston").
  const target = [...task.said.matchAll(TO_PLACE)].map((m) => m[1] ?? '').join(' ');
  const places = known.filter((a) => key(a) !== key(current) && target !== '' && placeNamed(a, target));
  const distinct = [...new Map(places.map((a) => [key(a), a])).values()];
  const [only] = distinct;
  if (distinct.length === 1 && only) return { address: only };
  const unloaded = user.orders.find((id) => !memory.orders.has(id));
  if (distinct.length === 0 && unloaded !== undefined && target !== '') return lookUp(unloaded);
  if (task.defaultAddress && key(user.address) !== key(current)) return { address: user.address };
  return undefined;
}
