import {
  formatPrice,
  queryTerms,
  relevantHits,
  answerProductQuestion,
  type ProductHit,
} from './product-answer.js';
import { REPLIES } from './policy-replies.js';
import type { Observation, PolicyStep, PolicyView } from './policy-types.js';
import type { ThreadMemory } from './thread-memory.js';

/**
 * Purchase intent 0..1 from what the buyer did: asked about a product, asked the price, said they
 * want to buy, gave a quantity, asked for a discount, left an email.
 *
 * @example
 * ```ts
 * intentScore({ asked: true, price: true, purchase: true, coupon: false, quantity: 24 }, true); // 0.9
 * ```
 */
export function intentScore(signals: ThreadMemory['signals'], leftEmail: boolean): number {
  const score =
    (signals.asked ? 0.3 : 0) +
    (signals.price ? 0.1 : 0) +
    (signals.purchase ? 0.3 : 0) +
    (signals.quantity !== undefined ? 0.1 : 0) +
    (signals.coupon ? 0.1 : 0) +
    (leftEmail ? 0.1 : 0);
  return Math.round(Math.min(1, score) * 100) / 100;
}

/** The buyer's contact for leads and coupons: the verified account's email, else the first one given. */
export function buyerContact(memory: ThreadMemory): string | undefined {
  return memory.user?.email.toLowerCase() ?? memory.contactEmail;
}

/** Words that point back at a product named earlier in the thread. */
const ANAPHORA = /\b(them|it|those|these|that one|this one|the same)\b|它|它们|这个|那个|这款|那款/i;

/**
 * The pre-sales side of the offline policy: search the catalogue for the product asked about,
 * capture a lead once the buyer shows intent and leaves an email, issue a coupon within policy
 * when asked, then answer citing the product ids used.
 */
export function salesStep(
  view: PolicyView,
  memory: ThreadMemory,
  now: readonly Observation[],
  options: { productMinScore: number; searchK: number },
): PolicyStep {
  const turn = view.turns.at(-1);
  const intent = turn?.interpretation.intent ?? '';
  const text = turn?.text ?? '';
  const searched = now.find((o) => o.tool === 'search_products');
  // "I'd like 24 of them" refers to the product already discussed: searching its words ("gift
  // shop") would cite the wrong product.
  const refersBack = memory.interest.length > 0 && ANAPHORA.test(text);
  if (
    (intent === 'product_question' || intent === 'purchase_intent') &&
    !searched &&
    !refersBack &&
    queryTerms(text).length > 0
  ) {
    return { kind: 'call', call: { tool: 'search_products', args: { query: text, k: options.searchK } } };
  }
  const buyer = buyerContact(memory);
  const interested = memory.signals.purchase || memory.signals.price || memory.signals.coupon;
  if (buyer && interested) {
    const next = memory.interest.find(
      (p) =>
        !memory.leads.has(p.id) && !now.some((o) => o.tool === 'capture_lead' && o.args.productId === p.id),
    );
    if (next) {
      return {
        kind: 'call',
        call: {
          tool: 'capture_lead',
          args: {
            buyer,
            productId: next.id,
            productTitle: next.title.trim(),
            intentScore: intentScore(memory.signals, true),
            ...(view.sourceCampaign === undefined ? {} : { sourceCampaign: view.sourceCampaign }),
          },
        },
      };
    }
  }
  const wantsCoupon = intent === 'coupon_request' || (memory.focus === 'coupon' && !memory.coupon);
  if (wantsCoupon && !now.some((o) => o.tool === 'issue_coupon')) {
    if (!buyer) return { kind: 'reply', text: REPLIES.askEmailForCoupon };
    const product = memory.interest.at(-1);
    const basket = product ? product.price * (memory.signals.quantity ?? 1) : undefined;
    return {
      kind: 'call',
      call: {
        tool: 'issue_coupon',
        args: {
          buyer,
          ...(memory.signals.percent === undefined ? {} : { requestedPercent: memory.signals.percent }),
          ...(basket === undefined ? {} : { basketAmount: Math.round(basket * 100) / 100 }),
        },
      },
    };
  }
  return composeSalesReply(
    memory,
    now,
    searched,
    options.productMinScore,
    buyer,
    turn?.interpretation.slots.quantity,
  );
}

function composeSalesReply(
  memory: ThreadMemory,
  now: readonly Observation[],
  searched: Observation | undefined,
  minScore: number,
  buyer: string | undefined,
  turnQuantity: number | undefined,
): PolicyStep {
  const parts: string[] = [];
  const citations: string[] = [];
  const cite = (id: string): void => {
    if (!citations.includes(id)) citations.push(id);
  };
  const hits = searched?.ok ? relevantHits((searched.result ?? []) as ProductHit[], { minScore }) : [];
  const last = memory.interest.at(-1);
  if (hits.length > 0) {
    const answer = answerProductQuestion(hits);
    parts.push(answer.text);
    answer.citations.forEach(cite);
  } else if (last && (searched || turnQuantity !== undefined)) {
    parts.push(`${last.title.trim()} (item ${last.id}) is ${formatPrice(last.price, last.currency)} each.`);
    cite(last.id);
  } else if (searched) {
    parts.push(answerProductQuestion([]).text);
  }
  const focus = hits[0] ?? last;
  const quantity = memory.signals.quantity;
  if (focus && quantity !== undefined && quantity > 1 && (searched || turnQuantity !== undefined)) {
    parts.push(`For ${quantity} that comes to ${formatPrice(focus.price * quantity, focus.currency)}.`);
    cite(focus.id);
  }
  for (const o of now) {
    if (o.tool === 'capture_lead' && o.ok) {
      const { lead, created } = o.result as {
        lead: { productId: string; productTitle: string | null; buyer: string };
        created: boolean;
      };
      const what = `${lead.productTitle ?? 'this item'} (item ${lead.productId})`;
      parts.push(
        created
          ? `Thank you! I've passed your interest in ${what} to our sales team; they will contact you at ${lead.buyer}.`
          : `You're already on our list for ${what}; our sales team will be in touch at ${lead.buyer}.`,
      );
      cite(lead.productId);
    }
    if (o.tool === 'issue_coupon' && o.ok)
      parts.push(couponText(o.result as NonNullable<ThreadMemory['coupon']>));
    if (o.tool === 'issue_coupon' && !o.ok) parts.push('Sorry, I could not issue a coupon just now.');
  }
  const purchase = memory.signals.purchase || memory.signals.price;
  if (!buyer && purchase && memory.interest.length > 0) parts.push(REPLIES.askEmailForSales);
  if (parts.length === 0) {
    parts.push(
      buyer ? 'Thanks! Which product are you interested in?' : 'Which product are you interested in?',
    );
  }
  return { kind: 'reply', text: parts.join(' '), citations };
}

function couponText(result: NonNullable<ThreadMemory['coupon']>): string {
  const { coupon, capped, reused, discount } = result;
  const value = `${coupon.percent}% off, up to ${formatPrice(coupon.maxAmount, coupon.currency)}`;
  const saving =
    discount === undefined ? '' : ` On your basket that saves ${formatPrice(discount, coupon.currency)}.`;
  if (reused) return `You already have coupon ${coupon.code} (${value}); it is one per customer.${saving}`;
  const cap = capped ? `The most I can offer is ${coupon.percent}% off. ` : '';
  return `${cap}Here is your coupon ${coupon.code}: ${value}.${saving}`;
}
