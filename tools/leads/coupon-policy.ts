import { z } from 'zod';
import { CurrencyCode } from '../../src/core/index.js';

/** The bounds every coupon obeys, whatever the buyer asks for. */
export const CouponPolicy = z
  .object({
    maxPercent: z.number().min(0).max(100).describe('Highest percent off ever granted'),
    maxAmount: z.number().min(0).finite().describe('Highest discount ever granted, in `currency`'),
    currency: CurrencyCode,
  })
  .readonly();
export type CouponPolicy = z.infer<typeof CouponPolicy>;

/** Default bounds: 10 % off, at most 20 GBP. */
export const DEFAULT_COUPON_POLICY = {
  maxPercent: 10,
  maxAmount: 20,
  currency: 'GBP',
} as const satisfies CouponPolicy;

/** A grant computed from a request and the policy. */
export interface CouponGrant {
  readonly percent: number;
  readonly maxAmount: number;
  /** Discount on `basketAmount` when one was given: min(percent of the basket, maxAmount, basket). */
  readonly discount?: number;
  /** True when the buyer asked for more than the policy allows. */
  readonly capped: boolean;
}

/**
 * Clamps a requested discount to the policy. Non-finite or negative requests grant nothing above
 * the policy either way; the discount never exceeds the basket, the percent or the cap.
 *
 * @example
 * ```ts
 * grantCoupon({ requestedPercent: 100, basketAmount: 50 }, DEFAULT_COUPON_POLICY);
 * // { percent: 10, maxAmount: 20, discount: 5, capped: true }
 * ```
 */
export function grantCoupon(
  request: { requestedPercent?: number; basketAmount?: number },
  policy: CouponPolicy,
): CouponGrant {
  const requested = request.requestedPercent;
  const wanted = requested === undefined || !Number.isFinite(requested) ? policy.maxPercent : requested;
  const percent = Math.min(policy.maxPercent, Math.max(0, wanted));
  const capped = requested !== undefined && requested > policy.maxPercent;
  const basket = request.basketAmount;
  if (basket === undefined || !Number.isFinite(basket) || basket < 0) {
    return { percent, maxAmount: policy.maxAmount, capped };
  }
  const discount = Math.floor(Math.min(basket * (percent / 100), policy.maxAmount, basket) * 100) / 100;
  return { percent, maxAmount: policy.maxAmount, discount, capped };
}
