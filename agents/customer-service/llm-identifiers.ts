import { RETAIL_AUTH_TOOLS } from '../../tools/retail/index.js';
import type { Observation } from './policy-types.js';

/*
 * What an LLM reply may name. The workflow's guards decide which tools run on whose data, but a
 * reply's text is the model's own: it could echo another buyer's email that the attacker typed,
 * or make one up. So a reply may name personal identifiers only when the retail store returned
 * them to the verified buyer in this thread.
 */

const PATTERNS: readonly RegExp[] = [
  // Emails.
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu,
  // Order ids: #W0000000.
  /#?\bW\d{7}(?!\d)/gi,
  // User ids and payment method ids: noah_brown_6181, credit_card_9513926, paypal_5727330.
  /\b[a-z]+(?:_[a-z]+)*_\d{3,}\b/gi,
  // Street addresses: a house number, up to four words, a street type.
  /\b\d{1,6}\s+(?:[\p{L}.'-]+\s+){0,4}?(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|way|court|ct|place|pl|broadway|circle|terrace|parkway|highway)\b/giu,
];

/** Lead and coupon tools echo the contact they were given, which need not be the verified buyer's. */
const NOT_A_SOURCE: ReadonlySet<string> = new Set(['capture_lead', 'issue_coupon']);

const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').replace(/^#/, '');

/**
 * The personal identifiers a text names: emails, order ids, user and payment method ids, street
 * addresses.
 *
 * @example
 * ```ts
 * personalIdentifiers('Order #W7678072 of noah.brown7922@example.com ships to 986 Sunset Drive');
 * // ['noah.brown7922@example.com', '#W7678072', '986 Sunset Drive']
 * ```
 */
export function personalIdentifiers(text: string): string[] {
  const found: string[] = [];
  let rest = text;
  for (const pattern of PATTERNS) {
    for (const match of rest.matchAll(pattern)) if (!found.includes(match[0])) found.push(match[0]);
    // What one pattern matched is not matched again by the next (an email's local part).
    rest = rest.replace(pattern, ' ');
  }
  return found;
}

/**
 * Every string the retail store returned to this thread (results of successful calls, except the
 * lead tools'), the email or name that authenticated the buyer, and `extra` (a proposed write's
 * own arguments, which the guards check before the buyer sees its confirmation), lower-cased.
 *
 * @example
 * ```ts
 * identifierSources(view.observations).some((s) => s.includes('w6247578')); // after get_user_details
 * ```
 */
export function identifierSources(observations: readonly Observation[], extra?: unknown): string[] {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(fold(value));
    else if (typeof value === 'number') strings.push(String(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        strings.push(fold(key));
        walk(v);
      }
    }
  };
  for (const o of observations) {
    if (!o.ok || NOT_A_SOURCE.has(o.tool)) continue;
    walk(o.result);
    if ((RETAIL_AUTH_TOOLS as readonly string[]).includes(o.tool)) walk(o.args);
  }
  walk(extra);
  return strings;
}

/**
 * The identifiers of `text` that no source holds: what a reply may not say.
 *
 * @example
 * ```ts
 * unsupportedIdentifiers('Your order #W6247578 is pending.', identifierSources(view.observations)); // []
 * unsupportedIdentifiers('Write to noah.brown7922@example.com', []); // ['noah.brown7922@example.com']
 * ```
 */
export function unsupportedIdentifiers(text: string, sources: readonly string[]): string[] {
  return personalIdentifiers(text).filter((id) => {
    const wanted = fold(id);
    return !sources.some((s) => s.includes(wanted));
  });
}

/**
 * Product and item ids this thread's tools returned: what a reply may cite.
 *
 * @example
 * ```ts
 * productIdsSeen(view.observations).has('85123A'); // true after a search_products that found it
 * ```
 */
export function productIdsSeen(observations: readonly Observation[]): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === 'string' || typeof value === 'number') {
      if (key === 'product_id' || key === 'item_id') ids.add(String(value));
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v, key === 'item_ids' ? 'item_id' : undefined);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  for (const o of observations) {
    if (!o.ok) continue;
    if (o.tool === 'search_products' && Array.isArray(o.result)) {
      for (const hit of o.result as { id?: unknown }[]) if (typeof hit.id === 'string') ids.add(hit.id);
    }
    if (o.tool === 'list_all_product_types') {
      const products = (o.result as { products?: Record<string, unknown> } | undefined)?.products ?? {};
      for (const id of Object.values(products)) if (typeof id === 'string') ids.add(id);
    }
    walk(o.result);
  }
  return ids;
}
