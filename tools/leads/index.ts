/**
 * Leads and coupons: the SQLite lead store (one lead per buyer and product), the `capture_lead`
 * tool, and the `issue_coupon` tool bounded by a {@link CouponPolicy}.
 */
export * from './lead-store.js';
export * from './coupon-policy.js';
export * from './capture-lead.js';
export * from './issue-coupon.js';
