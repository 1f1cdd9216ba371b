/**
 * The AuctionNet score of a campaign: `conversions × min(1, (targetCpa / realisedCpa)²)`. A campaign
 * within its CPA target keeps all its conversions; one over it loses them quadratically. With no
 * conversions the score is 0; with conversions at no cost the penalty is 1.
 *
 * @example
 * ```ts
 * auctionNetScore({ conversions: 100, spend: 100 * 1.2 * 50, targetCpa: 50 }); // 69.44…
 * ```
 */
export function auctionNetScore(args: { conversions: number; spend: number; targetCpa: number }): number {
  return args.conversions * cpaPenalty(args);
}

/**
 * The penalty factor `min(1, (targetCpa / realisedCpa)²)` of the AuctionNet score, in [0, 1].
 *
 * @example
 * ```ts
 * cpaPenalty({ conversions: 10, spend: 1000, targetCpa: 50 }); // 0.25 (CPA 100 is twice the target)
 * ```
 */
export function cpaPenalty(args: { conversions: number; spend: number; targetCpa: number }): number {
  if (!(args.conversions > 0) || !(args.spend > 0)) return 1;
  const ratio = (args.targetCpa * args.conversions) / args.spend;
  return ratio >= 1 ? 1 : ratio * ratio;
}
