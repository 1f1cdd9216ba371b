import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, InvalidInputError, sequentialIds } from '../../src/core/index.js';
import {
  captureLeadTool,
  DEFAULT_COUPON_POLICY,
  grantCoupon,
  issueCouponTool,
  openSqliteLeadStore,
  type LeadStore,
} from './index.js';

const open: LeadStore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const memoryStore = (): LeadStore => {
  const store = openSqliteLeadStore(':memory:');
  open.push(store);
  return store;
};

describe('lead store', () => {
  it('captures a lead once per buyer and product, keeping the highest intent score', () => {
    const store = memoryStore();
    const clock = fixedClock('2026-11-29T09:00:00Z');
    const tool = captureLeadTool({ store, clock, ids: sequentialIds() });
    const first = tool.call({
      buyer: 'Amy@Example.com',
      productId: '85123A',
      intentScore: 0.6,
      sourceCampaign: 'xmas',
    });
    clock.advance(60_000);
    const again = tool.call({
      buyer: 'amy@example.com ',
      productId: '85123A',
      intentScore: 0.9,
      sourceCampaign: 'other',
    });
    const lower = tool.call({ buyer: 'amy@example.com', productId: '85123A', intentScore: 0.1 });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(lower.created).toBe(false);
    expect(store.list()).toHaveLength(1);
    expect(lower.lead).toMatchObject({
      id: 'lead_1',
      buyer: 'amy@example.com',
      intentScore: 0.9,
      sourceCampaign: 'xmas',
      status: 'new',
      createdAt: '2026-11-29T09:00:00.000Z',
      updatedAt: '2026-11-29T09:01:00.000Z',
    });
    tool.call({ buyer: 'amy@example.com', productId: '22633', intentScore: 0.5 });
    expect(store.list({ buyer: 'AMY@example.com' }).map((l) => l.productId)).toEqual(['85123A', '22633']);
    expect(store.list({ sourceCampaign: 'xmas' })).toHaveLength(1);
  });

  it('persists to a file and survives reopening; statuses move through the funnel', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leads-'));
    dirs.push(dir);
    const path = join(dir, 'leads.sqlite');
    const a = openSqliteLeadStore(path);
    const { lead } = a.capture(
      { buyer: 'bo@example.com', productId: '22633', intentScore: 0.7 },
      { now: new Date(0), newId: () => 'lead_x' },
    );
    a.setStatus(lead.id, 'contacted', new Date(1000));
    a.close();
    const b = openSqliteLeadStore(path);
    open.push(b);
    expect(b.list()).toMatchObject([{ id: 'lead_x', status: 'contacted' }]);
    expect(
      b.capture(
        { buyer: 'bo@example.com', productId: '22633', intentScore: 0.2 },
        { now: new Date(2000), newId: () => 'lead_y' },
      ).created,
    ).toBe(false);
    expect(() => b.setStatus('lead_missing', 'won', new Date())).toThrow(/No lead named "lead_missing"/);
  });

  it('rejects a lead without a valid email at the tool boundary', () => {
    const tool = captureLeadTool({
      store: memoryStore(),
      clock: fixedClock('2026-01-01T00:00:00Z'),
      ids: sequentialIds(),
    });
    expect(() => tool.call({ buyer: 'not-an-email', productId: 'x', intentScore: 0.5 })).toThrow(
      InvalidInputError,
    );
    expect(() => tool.call({ buyer: 'a@b.co', productId: 'x', intentScore: 1.5 })).toThrow(InvalidInputError);
  });
});

describe('coupons', () => {
  it('never exceeds the policy whatever is asked (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          maxPercent: fc.double({ min: 0, max: 100, noNaN: true }),
          maxAmount: fc.double({ min: 0, max: 1e6, noNaN: true }),
        }),
        fc.option(fc.double(), { nil: undefined }),
        fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }),
        (limits, requestedPercent, basketAmount) => {
          const policy = { ...limits, currency: 'GBP' };
          const grant = grantCoupon(
            {
              ...(requestedPercent === undefined ? {} : { requestedPercent }),
              ...(basketAmount === undefined ? {} : { basketAmount }),
            },
            policy,
          );
          expect(grant.percent).toBeGreaterThanOrEqual(0);
          expect(grant.percent).toBeLessThanOrEqual(policy.maxPercent);
          expect(grant.maxAmount).toBeLessThanOrEqual(policy.maxAmount);
          if (grant.discount !== undefined && basketAmount !== undefined) {
            expect(grant.discount).toBeGreaterThanOrEqual(0);
            expect(grant.discount).toBeLessThanOrEqual(policy.maxAmount);
            expect(grant.discount).toBeLessThanOrEqual(basketAmount);
            expect(grant.discount).toBeLessThanOrEqual((basketAmount * grant.percent) / 100 + 1e-9);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('caps "100% off" to the policy and gives one coupon per buyer and campaign', () => {
    const store = memoryStore();
    const deps = {
      store,
      policy: DEFAULT_COUPON_POLICY,
      campaign: 'xmas',
      clock: fixedClock('2026-11-29T09:00:00Z'),
      ids: sequentialIds(),
    };
    const tool = issueCouponTool(deps);
    const first = tool.call({ buyer: 'amy@example.com', requestedPercent: 100, basketAmount: 500 });
    expect(first).toMatchObject({
      coupon: { percent: 10, maxAmount: 20, currency: 'GBP', code: 'COUPON-1' },
      discount: 20,
      capped: true,
      reused: false,
    });
    const second = tool.call({ buyer: 'AMY@example.com', requestedPercent: 5 });
    expect(second).toMatchObject({ coupon: { code: 'COUPON-1', percent: 10 }, reused: true });
    expect(store.listCoupons()).toHaveLength(1);
    // A tightened policy applies to coupons already issued.
    const strict = issueCouponTool({ ...deps, policy: { maxPercent: 5, maxAmount: 3, currency: 'GBP' } });
    expect(strict.call({ buyer: 'amy@example.com', basketAmount: 100 })).toMatchObject({
      coupon: { percent: 5, maxAmount: 3 },
      discount: 3,
    });
    expect(() => tool.call({ buyer: 'amy@example.com', basketAmount: -1 })).toThrow(InvalidInputError);
  });
});
