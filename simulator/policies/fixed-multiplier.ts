import type { PolicyFactory } from './policy.js';

/**
 * Bids `multiplier × pCVR × targetCpa` all day, whatever happens: the AuctionNet "fixed" baseline.
 * At multiplier 1 it bids its value at the target CPA; under second price it pays less, so its
 * realised CPA stays below target, and it leaves budget and conversions on the table.
 *
 * @example
 * ```ts
 * runEpisode(market, { policy: fixedMultiplier(), advertisers: [0] }, 1);
 * ```
 */
export function fixedMultiplier(options: { multiplier?: number } = {}): PolicyFactory {
  const multiplier = options.multiplier ?? 1;
  return {
    name: 'fixed-multiplier',
    usesWhatIf: false,
    create: () => ({ multiplier: () => multiplier }),
  };
}
