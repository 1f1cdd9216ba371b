import type { IntentClassifier } from './intent-model.js';
import { confirmationOf, extractSlots, type Slots } from './slots.js';

/**
 * Intents the shop adds to the 27 Bitext ones: small talk, confirmations, pre-sales questions,
 * coupons, order changes the Bitext labels do not separate, and attempts to extract data.
 */
export const SHOP_INTENTS = [
  'greeting',
  'thanks',
  'affirm',
  'deny',
  'product_question',
  'purchase_intent',
  'coupon_request',
  'exchange_items',
  'return_items',
  'modify_payment',
  'disclosure_request',
  'provide_info',
  'unknown',
] as const;
export type ShopIntent = (typeof SHOP_INTENTS)[number];

/** What one buyer message means: its intent, where that came from, and its slots. */
export interface Interpretation {
  readonly intent: string;
  readonly source: 'rule' | 'model';
  readonly confidence: number;
  /** The classifier's label even when a rule decided, for logs and evals. */
  readonly modelIntent?: string;
  readonly slots: Slots;
  readonly confirmation?: 'yes' | 'no';
}

/** A rule: an intent, its pattern, and whether it needs an order in the message to apply. */
type Rule = readonly [intent: string, pattern: RegExp, order?: 'required' | 'forbidden'];

const RULES: readonly Rule[] = [
  [
    'disclosure_request',
    new RegExp(
      [
        String.raw`system prompt|(?:your|hidden|internal|secret) (?:prompt|instructions|rules|policy|guidelines)`,
        String.raw`(?:reveal|print|dump|show|repeat|tell me) (?:me )?(?:your|the) (?:prompt|instructions|rules|policy|guidelines|configuration)`,
        String.raw`(?:other|another|all(?: the)?|every|someone else'?s?) (?:customers?|users?|buyers?|accounts?|people)(?:'s|')?\s*(?:emails?|address(?:es)?|orders?|data|details|info|phone|payment)`,
        String.raw`(?:e-?mails?|address(?:es)?|phone(?: numbers?)?|orders?|details|data|info(?:rmation)?)\s+(?:address\s+)?(?:of|for|belonging to)\s+(?:the\s+)?(?:customer|user|buyer|client|someone|somebody|another|other|all|every)`,
        String.raw`(?:list|export|dump) (?:all )?(?:the )?(?:customers?|users?|e-?mails?)`,
        String.raw`all (?:the )?(?:customers|users|accounts|buyers)`,
        String.raw`\b(?:user(?: id)?|of|for|belonging to)\s+(?:user\s+)?[a-z]+_[a-z]+_\d{3,}`,
        String.raw`(?:i am|i'm|as) (?:the|an|a) (?:store )?(?:admin|administrator|developer|owner|staff|employee|moderator|supervisor)`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'coupon_request',
    /\b(?:coupon|discount|promo(?:tion)? code|voucher|\d+\s*% off|percent off|for free|half price|cheaper|better price)\b|优惠|折扣|打折/i,
  ],
  [
    'return_items',
    /\b(?:return(?!\s+policy)|send (?:it|them|this) back|refund (?:for|on) (?:my|the|order|item))\b|退货/i,
  ],
  ['exchange_items', /\b(?:exchange|swap)\b|换货|换成/i],
  [
    'modify_payment',
    /\b(?:(?:change|switch|update|modify|use)\b.{0,40}\b(?:payment(?: method)?|pay(?:ing)? with|paypal|gift card|credit card)|pay(?:ing)?\b.{0,30}\bwith\b.{0,30}\b(?:paypal|gift card|credit card|card))\b|更换支付/i,
    'required',
  ],
  [
    'set_up_shipping_address',
    /\b(?:set|change|update|modify)\b.{0,30}\b(?:default|profile|account|home) address\b/i,
    'forbidden',
  ],
  ['cancel_order', /\bcancel|取消/i, 'required'],
  [
    'track_order',
    /\b(?:where(?:'s| is)|track|status|when will|arrive|shipped|delivered yet)\b|物流|到哪/i,
    'required',
  ],
  ['change_shipping_address', /\b(?:change|update|modify|correct|wrong)\b.{0,40}\baddress\b/i, 'required'],
  [
    'purchase_intent',
    /\b(?:i(?:'d| would)? (?:like|love|want) to (?:buy|order|get|purchase)|i(?:'ll| will) take|want to buy|(?:can|could) i (?:buy|order|get)|how (?:do|can) i (?:buy|order)|place an order for|send me a quote|quote for|interested in (?:buying|ordering|getting)|i'?m interested in|i want \d+|wholesale|bulk order)\b|我想买|购买|下单|想订/i,
    'forbidden',
  ],
  [
    'product_question',
    /\b(?:how much (?:is|are|does|do|for)|what(?:'s| is) the price|price of|do you (?:have|sell|stock|carry)|in stock|what (?:sizes?|colou?rs?|materials?)|tell me (?:more )?about (?:the|your)|is (?:the|this|it) available|looking for (?:a|an|some|the))\b|多少钱|有货|有没有/i,
    'forbidden',
  ],
];

const ORDER_CONTEXT =
  /\b(?:my (?:last |recent )?(?:order|purchase|package|parcel|delivery)|(?:the|this|that) order|order\s*(?:#|number|id)?\s*#?W\d{7}|order (?:number|id))\b|#?\bW\d{7}\b/i;
const GREETING =
  /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|你好|您好)(?:\s+(?:there|all|team|everyone))?[\s!.,]*$/i;
const THANKS =
  /^(?:thanks?(?: you)?(?: so much| a lot)?|thx|ty|cheers|bye|goodbye|that'?s (?:all|it)|nothing else|谢谢|再见|没有了)\b[\s!.,]*(?:bye|goodbye)?[\s!.]*$/i;
const ACTION_WORDS =
  /\b(?:cancel|return|exchange|swap|change|modify|update|track|where|refund|buy|order|price|how much|deliver|ship|address|pay|coupon|discount)\b/i;

/**
 * Interprets one buyer message: shop rules first (they catch what Bitext has no label for and the
 * attempts to extract data), then the trained classifier; a message that only supplies details
 * ("my email is ...") is `provide_info`, so the current task continues.
 *
 * @example
 * ```ts
 * interpret('how much is the white hanging heart t-light holder?', classifier).intent; // 'product_question'
 * interpret('I want to cancel order #W2378156', classifier).intent; // 'cancel_order'
 * ```
 */
export function interpret(text: string, classifier: IntentClassifier): Interpretation {
  const slots = extractSlots(text);
  const confirmation = confirmationOf(text);
  const prediction = classifier.classify(text);
  const base = {
    slots,
    modelIntent: prediction.label,
    ...(confirmation ? { confirmation } : {}),
  };
  const rule = (intent: string): Interpretation => ({ ...base, intent, source: 'rule', confidence: 1 });
  if (confirmation === 'yes' && text.trim().split(/\s+/).length <= 6) return rule('affirm');
  if (confirmation === 'no' && text.trim().split(/\s+/).length <= 6) return rule('deny');
  if (GREETING.test(text.trim())) return rule('greeting');
  if (THANKS.test(text.trim())) return rule('thanks');
  const hasOrder = ORDER_CONTEXT.test(text);
  for (const [intent, pattern, order] of RULES) {
    // A pre-sales question never concerns an existing order; an order task always does.
    if (!pattern.test(text) || (order === 'required' && !hasOrder) || (order === 'forbidden' && hasOrder))
      continue;
    return rule(intent);
  }
  if (suppliesDetailsOnly(text, slots)) return rule('provide_info');
  if (prediction.label === 'place_order' && !hasOrder) return rule('purchase_intent');
  // Outside the model's domain ("what's the weather like?") no characteristic word is present.
  if (classifier.evidence(text, prediction.label).length === 0 && !hasOrder) return rule('unknown');
  return { ...base, intent: prediction.label, source: 'model', confidence: prediction.confidence };
}

function suppliesDetailsOnly(text: string, slots: Slots): boolean {
  const details =
    slots.emails.length > 0 ||
    slots.orderIds.length > 0 ||
    slots.itemIds.length > 0 ||
    slots.name !== undefined ||
    slots.zip !== undefined ||
    slots.cancelReason !== undefined ||
    slots.address !== undefined ||
    slots.paymentKind !== undefined ||
    slots.allItems;
  // "My new address is 1 Main St, ..." names an address; it does not ask for an action.
  const asked = slots.address ? text.replace(/\baddress\b/gi, ' ').replace(/\d+\s+[^,]+,.*$/s, ' ') : text;
  if (!details || ACTION_WORDS.test(asked)) return false;
  const rest = text
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, ' ')
    .replace(/#?W\d{7}|\d+/g, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  return rest.length <= 14;
}
