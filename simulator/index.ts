/**
 * The market digital twin: a seeded AuctionNet-style ad market (GSP with slots, pay on exposure,
 * hard budget caps, predicted and true conversion probabilities, organic sales and halo), its
 * baseline bidding policies, replay against recorded prices, the hindsight optimum and a
 * multi-seed policy evaluation.
 */
export * from './data.js';
export * from './market-config.js';
export * from './random.js';
export * from './traffic.js';
export * from './values.js';
export * from './what-if.js';
export * from './score.js';
export * from './hindsight.js';
export * from './organic.js';
export * from './ledger.js';
export * from './stream.js';
export * from './episode.js';
export * from './replay.js';
export * from './stats.js';
export * from './evaluate.js';
export * from './policies/index.js';
export * from './session.js';
export * from './focal-market.js';
