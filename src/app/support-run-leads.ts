import type { RecordFn } from '../../agents/llm/index.js';
import type { JournalEntry } from '../core/index.js';
import {
  buyerKey,
  openSqliteLeadStore,
  type Coupon,
  type Lead,
  type LeadCapture,
  type LeadStore,
} from '../../tools/leads/index.js';

/**
 * What the lead store held for a buyer just before the thread used it (`lead.prior`): their lead
 * for the product before a capture (`lead`), their coupon for the campaign before a save
 * (`coupon`) or when the coupon tool looked it up (`coupon-read`).
 */
interface LeadPrior {
  readonly kind: 'lead' | 'coupon' | 'coupon-read';
  readonly leads?: readonly Lead[];
  readonly coupon?: Coupon | null;
}

/**
 * The thread's lead store, journaling what it held for the buyer before each write, and what each
 * coupon look-up found (`lead.prior`). A replay seeds a scratch store from these, so a repeat buyer
 * replays as they ran; a resume answers the part of the thread it re-drives from them.
 *
 * @example
 * ```ts
 * const leads = recordingLeadStore(openSqliteLeadStore(file), record);
 * ```
 */
export function recordingLeadStore(store: LeadStore, record: RecordFn): LeadStore {
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
    findCoupon(buyer, campaign) {
      const held = store.findCoupon(buyer, campaign);
      record('lead.prior', { kind: 'coupon-read', coupon: held ?? null } satisfies LeadPrior);
      return held;
    },
    list: (filter) => store.list(filter),
    setStatus: (id, status, now) => store.setStatus(id, status, now),
    listCoupons: () => store.listCoupons(),
    close: () => store.close(),
  };
}

/**
 * A scratch lead store for a replay: before each write or coupon look-up it restores what the
 * journal says the real store held for that buyer (`lead.prior`, in order), so captures and
 * coupons answer as they did.
 *
 * @example
 * ```ts
 * const leads = seededLeadStore(openSqliteLeadStore(':memory:'), entries);
 * ```
 */
export function seededLeadStore(scratch: LeadStore, entries: readonly JournalEntry[]): LeadStore {
  return seeded(scratch, priorCursor(entries));
}

/**
 * The lead store of a resumed thread: the writes and look-ups the journal holds (the part of the
 * thread that ran before it stopped) answer from a scratch store seeded as a replay's is, so the
 * re-driven part sees exactly what it saw; each such write is also applied to `real` unless `real`
 * already holds it (the process may have died between journaling it and writing it), which the
 * store's keys make idempotent: one lead per buyer and product, one coupon per buyer and campaign.
 * From the first call the journal does not hold, every call goes to `real` and is journaled.
 * `close()` closes the scratch store only.
 *
 * @example
 * ```ts
 * const leads = resumingLeadStore(openSqliteLeadStore(file), journal.entries(runId), record);
 * ```
 */
export function resumingLeadStore(
  real: LeadStore,
  entries: readonly JournalEntry[],
  record: RecordFn,
): LeadStore {
  const cursor = priorCursor(entries);
  const scratch = openSqliteLeadStore(':memory:');
  const replayed = seeded(scratch, cursor);
  const live = recordingLeadStore(real, record);
  let replaying = true;
  // The first call the journal does not hold ends the re-driven part for good.
  const fromJournal = (...kinds: LeadPrior['kind'][]) => {
    const next = cursor.peek();
    replaying &&= next !== undefined && kinds.includes(next.kind);
    return replaying;
  };
  return {
    capture(capture, at) {
      if (!fromJournal('lead')) return live.capture(capture, at);
      const result = replayed.capture(capture, at);
      if (!holdsCapture(real, capture, at.now, result.lead.intentScore))
        real.capture(capture, { now: at.now, newId: () => result.lead.id });
      return result;
    },
    saveCoupon(coupon) {
      if (!fromJournal('coupon')) return live.saveCoupon(coupon);
      const result = replayed.saveCoupon(coupon);
      // One coupon per buyer and campaign: a save the store already holds changes nothing.
      real.saveCoupon(result.coupon);
      return result;
    },
    findCoupon(buyer, campaign) {
      // A journal written before look-ups were journaled has the save's prior next: it answers too.
      if (!fromJournal('coupon-read', 'coupon')) return live.findCoupon(buyer, campaign);
      return replayed.findCoupon(buyer, campaign);
    },
    list: (filter) => real.list(filter),
    setStatus: (id, status, now) => real.setStatus(id, status, now),
    listCoupons: () => real.listCoupons(),
    // `real` stays its owner's to close.
    close: () => scratch.close(),
  };
}

/** The journaled priors, in order. */
interface PriorCursor {
  peek(): LeadPrior | undefined;
  /** The next prior if it is of `kind` (consumed), else undefined. */
  take(kind: LeadPrior['kind']): LeadPrior | undefined;
}

function priorCursor(entries: readonly JournalEntry[]): PriorCursor {
  const priors = entries.filter((e) => e.type === 'lead.prior').map((e) => e.data as LeadPrior);
  let next = 0;
  return {
    peek: () => priors[next],
    take: (kind) => (priors[next]?.kind === kind ? priors[next++] : undefined),
  };
}

/** `scratch`, seeded from the priors before each write or coupon look-up. */
function seeded(scratch: LeadStore, priors: PriorCursor): LeadStore {
  const seedCoupon = (held: Coupon | null | undefined) => {
    if (held && !scratch.findCoupon(buyerKey(held.buyer), held.campaign)) scratch.saveCoupon(held);
  };
  return {
    capture(capture, at) {
      for (const lead of priors.take('lead')?.leads ?? []) seedLead(scratch, lead);
      return scratch.capture(capture, at);
    },
    saveCoupon(coupon) {
      seedCoupon(priors.take('coupon')?.coupon);
      return scratch.saveCoupon(coupon);
    },
    findCoupon(buyer, campaign) {
      // Older journals hold no look-ups: the save that follows one tells what the store held then.
      const read = priors.take('coupon-read') ?? priors.peek();
      if (read?.kind !== 'lead') seedCoupon(read?.coupon);
      return scratch.findCoupon(buyer, campaign);
    },
    list: (filter) => scratch.list(filter),
    setStatus: (id, status, now) => scratch.setStatus(id, status, now),
    listCoupons: () => scratch.listCoupons(),
    close: () => scratch.close(),
  };
}

/** Restores a lead the real store held into the scratch store, as it was. */
function seedLead(scratch: LeadStore, lead: Lead): void {
  if (scratch.list({ buyer: lead.buyer }).some((l) => l.productId === lead.productId)) return;
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

/** True when `store` already holds this capture: the buyer's lead, as recent and as keen. */
function holdsCapture(store: LeadStore, capture: LeadCapture, now: Date, score: number): boolean {
  const held = store.list({ buyer: capture.buyer }).find((l) => l.productId === capture.productId);
  return held !== undefined && held.updatedAt >= now.toISOString() && held.intentScore >= score;
}
