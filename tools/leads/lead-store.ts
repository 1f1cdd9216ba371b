import Database from 'better-sqlite3';
import { z } from 'zod';
import { DataError, NotFoundError } from '../../src/core/index.js';

/** Where a lead is in the sales funnel. */
export const LeadStatus = z.enum(['new', 'contacted', 'qualified', 'won', 'lost']);
export type LeadStatus = z.infer<typeof LeadStatus>;

/** A buyer's interest in one product, captured once per buyer and product. */
export const Lead = z.object({
  id: z.string().describe('Lead id'),
  buyer: z.string().describe("The buyer's contact key: a lower-cased email"),
  productId: z.string().describe('Product of interest (catalog stock code)'),
  productTitle: z.string().nullable().describe('Product title when known'),
  intentScore: z.number().min(0).max(1).describe('Purchase intent 0..1; the highest seen so far'),
  status: LeadStatus,
  sourceCampaign: z.string().nullable().describe('Campaign that brought the buyer (first touch)'),
  createdAt: z.string().describe('ISO timestamp of the first capture'),
  updatedAt: z.string().describe('ISO timestamp of the last capture or status change'),
});
export type Lead = z.infer<typeof Lead>;

/** A coupon issued to a buyer for a campaign (at most one per buyer and campaign). */
export const Coupon = z.object({
  code: z.string().describe('Coupon code to give the buyer'),
  buyer: z.string(),
  campaign: z.string().describe("Campaign the coupon belongs to ('' when none)"),
  percent: z.number().min(0).max(100).describe('Percent off'),
  maxAmount: z.number().min(0).describe('Cap on the discount, in `currency`'),
  currency: z.string(),
  issuedAt: z.string(),
});
export type Coupon = z.infer<typeof Coupon>;

/** What the agent knows when it captures a lead. */
export interface LeadCapture {
  readonly buyer: string;
  readonly productId: string;
  readonly productTitle?: string;
  readonly intentScore: number;
  readonly sourceCampaign?: string;
}

/**
 * The leads port. The embedded adapter is SQLite ({@link openSqliteLeadStore}); a shared adapter
 * (PostgreSQL) implements the same interface.
 */
export interface LeadStore {
  /** Inserts the lead, or — same buyer and product — keeps the one row and raises its score. */
  capture(capture: LeadCapture, at: { now: Date; newId: () => string }): { lead: Lead; created: boolean };
  list(filter?: { buyer?: string; sourceCampaign?: string }): Lead[];
  setStatus(id: string, status: LeadStatus, now: Date): Lead;
  findCoupon(buyer: string, campaign: string): Coupon | undefined;
  listCoupons(): Coupon[];
  /** Inserts the coupon unless the buyer already has one for the campaign; returns the one kept. */
  saveCoupon(coupon: Coupon): { coupon: Coupon; created: boolean };
  close(): void;
}

/** Emails are case-insensitive in practice; one buyer must not become two leads. */
export function buyerKey(buyer: string): string {
  return buyer.trim().toLowerCase();
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS leads (
  id TEXT PRIMARY KEY,
  buyer TEXT NOT NULL,
  product_id TEXT NOT NULL,
  product_title TEXT,
  intent_score REAL NOT NULL CHECK (intent_score BETWEEN 0 AND 1),
  status TEXT NOT NULL DEFAULT 'new',
  source_campaign TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (buyer, product_id)
);
CREATE TABLE IF NOT EXISTS coupons (
  code TEXT PRIMARY KEY,
  buyer TEXT NOT NULL,
  campaign TEXT NOT NULL,
  percent REAL NOT NULL CHECK (percent BETWEEN 0 AND 100),
  max_amount REAL NOT NULL CHECK (max_amount >= 0),
  currency TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  UNIQUE (buyer, campaign)
);`;

interface LeadRow {
  id: string;
  buyer: string;
  product_id: string;
  product_title: string | null;
  intent_score: number;
  status: string;
  source_campaign: string | null;
  created_at: string;
  updated_at: string;
}
interface CouponRow {
  code: string;
  buyer: string;
  campaign: string;
  percent: number;
  max_amount: number;
  currency: string;
  issued_at: string;
}

const toLead = (r: LeadRow): Lead =>
  Lead.parse({
    id: r.id,
    buyer: r.buyer,
    productId: r.product_id,
    productTitle: r.product_title,
    intentScore: r.intent_score,
    status: r.status,
    sourceCampaign: r.source_campaign,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
const toCoupon = (r: CouponRow): Coupon =>
  Coupon.parse({ ...r, maxAmount: r.max_amount, issuedAt: r.issued_at });

/**
 * Opens (creating if needed) the SQLite lead store; `':memory:'` for tests and one-off threads.
 *
 * @example
 * ```ts
 * const leads = openSqliteLeadStore(':memory:');
 * leads.capture({ buyer: 'amy@example.com', productId: '85123A', intentScore: 0.8 },
 *   { now: new Date(), newId: () => 'lead_1' });
 * ```
 */
export function openSqliteLeadStore(path: string): LeadStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA);
  const byKey = db.prepare<[string, string], LeadRow>(
    'SELECT * FROM leads WHERE buyer = ? AND product_id = ?',
  );
  const byId = db.prepare<[string], LeadRow>('SELECT * FROM leads WHERE id = ?');
  // One statement: a concurrent writer cannot slip a duplicate in between a read and an insert.
  const upsert = db.prepare(`
    INSERT INTO leads (id, buyer, product_id, product_title, intent_score, status, source_campaign, created_at, updated_at)
    VALUES (@id, @buyer, @productId, @productTitle, @intentScore, 'new', @sourceCampaign, @now, @now)
    ON CONFLICT (buyer, product_id) DO UPDATE SET
      intent_score = MAX(intent_score, excluded.intent_score),
      product_title = COALESCE(product_title, excluded.product_title),
      source_campaign = COALESCE(source_campaign, excluded.source_campaign),
      updated_at = excluded.updated_at`);
  const setStatus = db.prepare('UPDATE leads SET status = ?, updated_at = ? WHERE id = ?');
  const couponFor = db.prepare<[string, string], CouponRow>(
    'SELECT * FROM coupons WHERE buyer = ? AND campaign = ?',
  );
  const insertCoupon = db.prepare(`
    INSERT INTO coupons (code, buyer, campaign, percent, max_amount, currency, issued_at)
    VALUES (@code, @buyer, @campaign, @percent, @maxAmount, @currency, @issuedAt)
    ON CONFLICT (buyer, campaign) DO NOTHING`);

  return {
    capture(capture, at) {
      const buyer = buyerKey(capture.buyer);
      const score = Math.min(1, Math.max(0, capture.intentScore));
      const result = db.transaction(() => {
        const existed = byKey.get(buyer, capture.productId) !== undefined;
        upsert.run({
          id: at.newId(),
          buyer,
          productId: capture.productId,
          productTitle: capture.productTitle ?? null,
          intentScore: score,
          sourceCampaign: capture.sourceCampaign ?? null,
          now: at.now.toISOString(),
        });
        const row = byKey.get(buyer, capture.productId);
        if (!row) throw new DataError('The lead store lost a lead right after writing it');
        return { lead: toLead(row), created: !existed };
      })();
      return result;
    },
    list(filter = {}) {
      const where: string[] = [];
      const args: string[] = [];
      if (filter.buyer !== undefined) {
        where.push('buyer = ?');
        args.push(buyerKey(filter.buyer));
      }
      if (filter.sourceCampaign !== undefined) {
        where.push('source_campaign = ?');
        args.push(filter.sourceCampaign);
      }
      const sql = `SELECT * FROM leads ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`;
      return db
        .prepare<string[], LeadRow>(sql)
        .all(...args)
        .map(toLead);
    },
    setStatus(id, status, now) {
      setStatus.run(LeadStatus.parse(status), now.toISOString(), id);
      const row = byId.get(id);
      if (!row) throw new NotFoundError('lead', id);
      return toLead(row);
    },
    findCoupon(buyer, campaign) {
      const row = couponFor.get(buyerKey(buyer), campaign);
      return row ? toCoupon(row) : undefined;
    },
    listCoupons() {
      return db.prepare<[], CouponRow>('SELECT * FROM coupons ORDER BY issued_at, code').all().map(toCoupon);
    },
    saveCoupon(coupon) {
      const buyer = buyerKey(coupon.buyer);
      const info = insertCoupon.run({ ...Coupon.parse(coupon), buyer });
      const row = couponFor.get(buyer, coupon.campaign);
      if (!row) throw new DataError('The lead store lost a coupon right after writing it');
      return { coupon: toCoupon(row), created: info.changes === 1 };
    },
    close() {
      db.close();
    },
  };
}
