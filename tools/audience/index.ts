export * from './next-buyers.js';
export * from './association-rules.js';
export * from './user-history.js';
export * from './next-buyers-tool.js';
export * from './buyer-propensity.js';
export * from './next-buyer-ranking.js';
