import { settleOpportunity, type EngineState } from './engine.js';
import { TABLE_MASK } from './values.js';

/** Relative margin of the screening bound over float rounding (a few ulps, 1e-16 each). */
const SCREEN_MARGIN = 1 + 1e-9;

/**
 * Runs the auctions of one tick, opportunities `first … first + count - 1`: the hot loop.
 *
 * Per opportunity it draws the user (activeness, in-market category) and, per advertiser, 12 bits
 * of match; the predicted probability is `user × rowFactor × idio` (capped), the bid
 * `pCVR × alpha × targetCpa` capped at the remaining budget, and the top `slots + 1` bids are kept
 * by insertion behind a running floor. Most advertisers never come near the floor, so each is
 * first screened with `user × scaledRow × idio` (scaledRow = rowFactor × alpha × targetCpa, set
 * per tick): an upper bound of the bid up to rounding, hence the 1e-9 margin; only advertisers
 * that pass get the exact bid, the pCVR cap and the budget cap. No per-advertiser stores,
 * objects, closures or allocations: typed arrays read through locals, and the values stream's
 * sfc32 step inlined on local words (written back after the tick) so that no int32 is boxed. Ties
 * keep the lower index first, exactly like a stable sort (see naive-tick.ts, the baseline it is
 * tested against, which draws through `RandomStream.nextU32`). Typed-array reads use `as number`:
 * indices are in range by construction, and `?? 0` would add a branch per read.
 *
 * Internal to the simulator (not exported from its index); reached through `runEpisode`.
 */
export function runTypedTick(state: EngineState, first: number, count: number): void {
  const n = state.advertisers;
  const slots = state.slots;
  const categories = state.model.categories;
  const { rowFactor, userTable, idioTable } = state.model;
  const maxCvr = state.model.maxCvr;
  const { bidScale, remaining, topBids, topBidders, pairBits, scaledRow } = state;
  const reserve = state.reservePrice;
  for (let c = 0; c < categories; c++) {
    for (let a = 0; a < n; a++)
      scaledRow[c * n + a] = (rowFactor[c * n + a] as number) * (bidScale[a] as number);
  }
  const words = state.values.state;
  let s0 = words[0] as number;
  let s1 = words[1] as number;
  let s2 = words[2] as number;
  let s3 = words[3] as number;
  let t = 0;
  for (let i = 0; i < count; i++) {
    t = (((s0 + s1) | 0) + s3) | 0;
    s3 = (s3 + 1) | 0;
    s0 = s1 ^ (s1 >>> 9);
    s1 = (s2 + (s2 << 3)) | 0;
    s2 = (((s2 << 21) | (s2 >>> 11)) + t) | 0;
    const r0 = t >>> 0;
    const user = userTable[r0 & TABLE_MASK] as number;
    const row = (((r0 >>> 12) * categories) >>> 20) * n;
    state.user = user;
    state.row = row;
    for (let k = 0; k <= slots; k++) {
      topBids[k] = reserve;
      topBidders[k] = -1;
    }
    let floor = reserve;
    let bits = 0;
    for (let a = 0; a < n; a++) {
      let index: number;
      if ((a & 1) === 0) {
        t = (((s0 + s1) | 0) + s3) | 0;
        s3 = (s3 + 1) | 0;
        s0 = s1 ^ (s1 >>> 9);
        s1 = (s2 + (s2 << 3)) | 0;
        s2 = (((s2 << 21) | (s2 >>> 11)) + t) | 0;
        bits = t;
        pairBits[a >> 1] = t;
        index = bits & TABLE_MASK;
      } else {
        index = (bits >>> 16) & TABLE_MASK;
      }
      const idio = idioTable[index] as number;
      if (user * (scaledRow[row + a] as number) * idio * SCREEN_MARGIN > floor) {
        let p = user * (rowFactor[row + a] as number) * idio;
        if (p > maxCvr) p = maxCvr;
        let bid = p * (bidScale[a] as number);
        const cap = remaining[a] as number;
        if (bid > cap) bid = cap;
        if (bid > floor) {
          let j = slots;
          while (j > 0 && bid > (topBids[j - 1] as number)) {
            topBids[j] = topBids[j - 1] as number;
            topBidders[j] = topBidders[j - 1] as number;
            j--;
          }
          topBids[j] = bid;
          topBidders[j] = a;
          floor = topBids[slots] as number;
        }
      }
    }
    settleOpportunity(state, first + i);
  }
  words[0] = s0;
  words[1] = s1;
  words[2] = s2;
  words[3] = s3;
}
