export * from './bid-strategist.js';
export * from './budget.js';
export * from './forecast.js';
