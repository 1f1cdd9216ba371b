import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataError } from '../../src/core/index.js';

/** ABCD's action knowledge base shipped in data/abcd (subflow -> gold ordered action buttons). */
export const ABCD_KB_PATH = fileURLToPath(new URL('../../data/abcd/kb.json', import.meta.url));

/**
 * Which ABCD subflow (data/abcd/kb.json) each support intent corresponds to. Intents with no
 * counterpart in ABCD's clothing-store flows (accounts, invoices, newsletters...) are absent.
 */
export const ABCD_SUBFLOW_OF_INTENT: Readonly<Record<string, string>> = {
  cancel_order: 'manage_cancel',
  change_order: 'manage',
  exchange_items: 'manage',
  change_shipping_address: 'manage',
  set_up_shipping_address: 'manage_change_address',
  edit_account: 'manage_change_name',
  track_order: 'status',
  delivery_period: 'status_delivery_time',
  delivery_options: 'status_shipping_question',
  get_refund: 'refund_initiate',
  return_items: 'refund_initiate',
  track_refund: 'refund_status',
  check_refund_policy: 'policy',
  check_cancellation_fee: 'policy',
  check_payment_methods: 'pricing',
  modify_payment: 'status_payment_method',
  payment_issue: 'credit_card',
  recover_password: 'recover_password',
  switch_account: 'recover_username',
  product_question: 'pricing',
  purchase_intent: 'manage_create',
  place_order: 'manage_create',
  coupon_request: 'bad_price_competitor',
};

let kb: Readonly<Record<string, readonly string[]>> | undefined;

function loadKb(): Readonly<Record<string, readonly string[]>> {
  if (kb) return kb;
  try {
    const parsed = JSON.parse(readFileSync(ABCD_KB_PATH, 'utf8')) as unknown;
    if (parsed === null || typeof parsed !== 'object') throw new TypeError('not an object');
    kb = Object.freeze(parsed as Record<string, readonly string[]>);
    return kb;
  } catch (cause) {
    throw new DataError(`Cannot read ABCD's action knowledge base at ${ABCD_KB_PATH}`, { cause });
  }
}

/**
 * The gold ABCD action sequence for an intent: a support intent (mapped through
 * {@link ABCD_SUBFLOW_OF_INTENT}) or an ABCD subflow name itself. Empty when ABCD has no flow for it.
 *
 * @example
 * ```ts
 * expectedActions('cancel_order'); // ['pull-up-account', 'verify-identity', 'shipping-status', 'membership', 'offer-refund']
 * expectedActions('recover_password'); // ['pull-up-account', 'enter-details', 'make-password']
 * ```
 */
export function expectedActions(intent: string): readonly string[] {
  const actions = loadKb();
  const subflow = ABCD_SUBFLOW_OF_INTENT[intent] ?? intent;
  return actions[subflow] ?? [];
}

/** Every ABCD subflow with its gold action sequence. */
export function abcdSubflows(): Readonly<Record<string, readonly string[]>> {
  return loadKb();
}
