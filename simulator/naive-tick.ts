import { settleOpportunity, type EngineState } from './engine.js';
import { TABLE_MASK } from './values.js';

interface Bid {
  readonly advertiser: number;
  readonly predicted: number;
  readonly amount: number;
}

/**
 * The named baseline of the bench: the auction written the obvious way — one object per bid, a
 * filter and a comparator sort per opportunity. It draws the same random numbers in the same order
 * and settles through the same code, so it must produce exactly the same episode as
 * {@link runTypedTick}; a test holds the two to that.
 *
 * Internal to the simulator (not exported from its index); reached through `runEpisode`.
 */
export function runNaiveTick(state: EngineState, first: number, count: number): void {
  const { model, values } = state;
  for (let i = 0; i < count; i++) {
    const r0 = values.nextU32();
    const user = model.userTable[r0 & TABLE_MASK] ?? 1;
    const category = ((r0 >>> 12) * model.categories) >>> 20;
    state.user = user;
    state.row = category * state.advertisers;
    let bits = 0;
    const bids: Bid[] = [];
    for (let a = 0; a < state.advertisers; a++) {
      if (a % 2 === 0) {
        bits = values.nextU32();
        state.pairBits[a >> 1] = bits;
      }
      const index = a % 2 === 0 ? bits & TABLE_MASK : (bits >>> 16) & TABLE_MASK;
      const p =
        user * (model.rowFactor[category * state.advertisers + a] ?? 0) * (model.idioTable[index] ?? 1);
      const predicted = Math.min(p, model.maxCvr);
      const amount = Math.min(predicted * (state.bidScale[a] ?? 0), state.remaining[a] ?? 0);
      bids.push({ advertiser: a, predicted, amount });
    }
    const ranked = bids
      .filter((b) => b.amount > state.reservePrice)
      .sort((x, y) => y.amount - x.amount || x.advertiser - y.advertiser);
    for (let k = 0; k <= state.slots; k++) {
      state.topBids[k] = ranked[k]?.amount ?? state.reservePrice;
      state.topBidders[k] = ranked[k]?.advertiser ?? -1;
    }
    settleOpportunity(state, first + i);
  }
}
