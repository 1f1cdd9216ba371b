import {
  AdvertiserLedger,
  emptyTickSums,
  sanitiseMultiplier,
  type AdvertiserOutcome,
  type TickSums,
} from './ledger.js';
import { organicBaseline } from './organic.js';
import type { PolicyFactory } from './policies/index.js';
import type { MarketStream } from './stream.js';
import { OUTCOME, exposureDepth, outcomeUniform, trueConversionProbability } from './values.js';
import { WHAT_IF_BINS, addWhatIf, cumulativeWhatIf } from './what-if.js';

/**
 * Replay mode: one policy bids for the stream's advertiser against the recorded market prices
 * (competitors fixed, as in AuctionNet's offline logs). It wins the highest slot whose price its
 * bid beats, pays that price if the slot is seen, and draws the same outcome coins as the game, so
 * replaying the policy that made the stream reproduces its game outcome exactly.
 *
 * @example
 * ```ts
 * const game = runEpisode(market, { policy: fixedMultiplier(), advertisers: [3] }, 1);
 * const outcome = runReplay(game.streams.get(3)!, dualPacing());
 * ```
 */
export function runReplay(stream: MarketStream, policy: PolicyFactory): AdvertiserOutcome {
  const { campaign, slots, prices, predicted, outcomeSeed, advertiser } = stream;
  const bidder = policy.create({
    campaign,
    ticks: stream.ticks,
    trafficCurve: stream.trafficCurve,
    exposure: stream.exposure,
  });
  const ledger = new AdvertiserLedger(campaign, stream.ticks);
  const whatIfSpend = new Float64Array(WHAT_IF_BINS);
  const whatIfConversions = new Float64Array(WHAT_IF_BINS);
  const exposure = Float64Array.from(stream.exposure);
  const counts = new Int32Array(stream.ticks);
  let remaining = campaign.budget;
  for (let t = 0; t < stream.ticks; t++) {
    const start = stream.tickStart[t] ?? 0;
    const end = stream.tickStart[t + 1] ?? start;
    const curve = policy.usesWhatIf ? cumulativeWhatIf(whatIfSpend, whatIfConversions, 0, start) : undefined;
    const alpha = sanitiseMultiplier(bidder.multiplier(ledger.observe(t, remaining, curve)));
    const bidScale = alpha * campaign.targetCpa;
    const sums: TickSums = emptyTickSums();
    for (let o = start; o < end; o++) {
      const p = predicted[o] ?? 0;
      let bid = p * bidScale;
      if (bid > remaining) bid = remaining;
      const base = o * slots;
      let k = 0;
      while (k < slots && !(bid > (prices[base + k] ?? Infinity))) k++;
      if (k < slots) {
        sums.wins++;
        const price = prices[base + k] ?? 0;
        const trueP = trueConversionProbability(stream.model, outcomeSeed, o, advertiser, p);
        const e = exposure[k] ?? 0;
        sums.decisionSpend += e * price;
        sums.decisionConversions += e * trueP;
        if (k < exposureDepth(outcomeSeed, o, exposure)) {
          remaining -= price;
          sums.spend += price;
          sums.exposures++;
          sums.trueConversions += trueP;
          sums.predictedConversions += p;
          if (outcomeUniform(outcomeSeed, o, advertiser, OUTCOME.conversion) < trueP) {
            sums.conversions++;
            if (outcomeUniform(outcomeSeed, o, advertiser, OUTCOME.overlap) < stream.overlap)
              sums.displaced++;
          }
          if (outcomeUniform(outcomeSeed, o, advertiser, OUTCOME.halo) < stream.haloLift * trueP) sums.halo++;
        }
      }
      if (policy.usesWhatIf) {
        addWhatIf(
          whatIfSpend,
          whatIfConversions,
          0,
          prices,
          base,
          slots,
          exposure,
          p,
          p * campaign.targetCpa,
        );
      }
    }
    counts[t] = end - start;
    ledger.record(t, alpha, end - start, sums);
  }
  const baseline = organicBaseline({
    seed: outcomeSeed,
    advertiser,
    rate: stream.organicRate,
    opportunitiesPerTick: counts,
  });
  return ledger.outcome(policy.name, remaining, baseline);
}
