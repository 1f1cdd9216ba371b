import { z } from 'zod';
import type { Clock, IdGenerator } from '../../src/core/index.js';
import { defineTool } from '../define-tool.js';
import { grantCoupon, type CouponPolicy } from './coupon-policy.js';
import { Coupon, type LeadStore } from './lead-store.js';

/** Input of {@link issueCouponTool}. */
export const IssueCouponInput = z.object({
  buyer: z.string().min(1).describe("The buyer's email or user id"),
  requestedPercent: z
    .number()
    .optional()
    .describe('Percent off the buyer asked for, if any; the policy caps it'),
  basketAmount: z
    .number()
    .min(0)
    .optional()
    .describe('Value of what the buyer wants to buy, to compute the discount'),
});

/** Output of {@link issueCouponTool}. */
export const IssueCouponOutput = z.object({
  coupon: Coupon,
  discount: z.number().min(0).optional().describe('Discount on basketAmount, when given'),
  capped: z.boolean().describe('True when the buyer asked for more than the policy allows'),
  reused: z.boolean().describe('True when the buyer already had a coupon for this campaign'),
});

/**
 * `issue_coupon`: gives a buyer a coupon within the policy (max percent, max amount), at most one
 * per buyer and campaign; asking again returns the same coupon.
 *
 * @example
 * ```ts
 * const tool = issueCouponTool({ store, policy: DEFAULT_COUPON_POLICY, campaign: 'xmas', clock, ids });
 * tool.call({ buyer: 'amy@example.com', requestedPercent: 100 }).coupon.percent; // 10
 * ```
 */
export function issueCouponTool(deps: {
  store: LeadStore;
  policy: CouponPolicy;
  campaign?: string;
  clock: Clock;
  ids: IdGenerator;
}) {
  const campaign = deps.campaign ?? '';
  return defineTool({
    name: 'issue_coupon',
    description: `Issue a discount coupon within policy: at most ${deps.policy.maxPercent}% off and at most ${deps.policy.maxAmount} ${deps.policy.currency}; one per buyer and campaign.`,
    input: IssueCouponInput,
    output: IssueCouponOutput,
    run: ({ buyer, requestedPercent, basketAmount }) => {
      const request = {
        ...(requestedPercent === undefined ? {} : { requestedPercent }),
        ...(basketAmount === undefined ? {} : { basketAmount }),
      };
      const existing = deps.store.findCoupon(buyer, campaign);
      const grant = grantCoupon(request, deps.policy);
      if (existing) {
        // The stored coupon was granted under a policy; re-clamp in case the policy was tightened.
        const kept = grantCoupon({ ...request, requestedPercent: existing.percent }, deps.policy);
        const coupon = {
          ...existing,
          percent: kept.percent,
          maxAmount: Math.min(existing.maxAmount, kept.maxAmount),
        };
        return {
          coupon,
          ...(kept.discount === undefined ? {} : { discount: kept.discount }),
          capped: grant.capped,
          reused: true,
        };
      }
      const code = deps
        .ids('coupon')
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '-');
      const { coupon, created } = deps.store.saveCoupon({
        code,
        buyer,
        campaign,
        percent: grant.percent,
        maxAmount: grant.maxAmount,
        currency: deps.policy.currency,
        issuedAt: deps.clock.now().toISOString(),
      });
      return {
        coupon,
        ...(grant.discount === undefined ? {} : { discount: grant.discount }),
        capped: grant.capped,
        reused: !created,
      };
    },
  });
}
