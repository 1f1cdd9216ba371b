import type { JournalEntry } from '../core/index.js';
import { buyerKey, type Coupon, type Lead, type LeadStore } from '../../tools/leads/index.js';

/** What the lead store held for a buyer just before the thread wrote to it (`lead.prior`). */
interface LeadPrior {
  readonly kind: 'lead' | 'coupon';
  readonly leads?: readonly Lead[];
  readonly coupon?: Coupon | null;
}

/**
 * The thread's lead store, journaling what it held for the buyer before each write (`lead.prior`):
 * the buyer's lead for the product before a capture, their coupon for the campaign before a save.
 * A replay seeds a scratch store from these, so a repeat buyer replays as they ran.
 *
 * @example
 * ```ts
 * const leads = recordingLeadStore(openSqliteLeadStore(file), record);
 * ```
 */
export function recordingLeadStore(
  store: LeadStore,
  record: (type: string, data: unknown) => void,
): LeadStore {
  return {
    capture(capture, at) {
      const leads = store.list({ buyer: capture.buyer }).filter((l) => l.productId === capture.productId);
      record('lead.prior', { kind: 'lead', leads } satisfies LeadPrior);
      return store.capture(capture, at);
    },
    saveCoupon(coupon) {
      const held = store.findCoupon(coupon.buyer, coupon.campaign) ?? null;
      record('lead.prior', { kind: 'coupon', coupon: held } satisfies LeadPrior);
      return store.saveCoupon(coupon);
    },
    list: (filter) => store.list(filter),
    setStatus: (id, status, now) => store.setStatus(id, status, now),
    findCoupon: (buyer, campaign) => store.findCoupon(buyer, campaign),
    listCoupons: () => store.listCoupons(),
    close: () => store.close(),
  };
}

/**
 * A scratch lead store for a replay: before each write it restores what the journal says the
 * real store held for that buyer (`lead.prior`, in order), so captures and coupons answer as
 * they did.
 *
 * @example
 * ```ts
 * const leads = seededLeadStore(openSqliteLeadStore(':memory:'), entries);
 * ```
 */
export function seededLeadStore(scratch: LeadStore, entries: readonly JournalEntry[]): LeadStore {
  const priors = entries.filter((e) => e.type === 'lead.prior').map((e) => e.data as LeadPrior);
  let next = 0;
  const prior = (kind: LeadPrior['kind']): LeadPrior | undefined =>
    priors[next]?.kind === kind ? priors[next++] : undefined;
  return {
    capture(capture, at) {
      for (const lead of prior('lead')?.leads ?? []) {
        if (scratch.list({ buyer: lead.buyer }).some((l) => l.productId === lead.productId)) continue;
        scratch.capture(
          {
            buyer: lead.buyer,
            productId: lead.productId,
            ...(lead.productTitle === null ? {} : { productTitle: lead.productTitle }),
            intentScore: lead.intentScore,
            ...(lead.sourceCampaign === null ? {} : { sourceCampaign: lead.sourceCampaign }),
          },
          { now: new Date(lead.createdAt), newId: () => lead.id },
        );
        if (lead.status !== 'new') scratch.setStatus(lead.id, lead.status, new Date(lead.updatedAt));
      }
      return scratch.capture(capture, at);
    },
    saveCoupon(coupon) {
      const held = prior('coupon')?.coupon;
      if (held && !scratch.findCoupon(buyerKey(held.buyer), held.campaign)) scratch.saveCoupon(held);
      return scratch.saveCoupon(coupon);
    },
    list: (filter) => scratch.list(filter),
    setStatus: (id, status, now) => scratch.setStatus(id, status, now),
    findCoupon: (buyer, campaign) => scratch.findCoupon(buyer, campaign),
    listCoupons: () => scratch.listCoupons(),
    close: () => scratch.close(),
  };
}
