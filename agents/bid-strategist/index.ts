export * from './bid-strategist.js';
export * from './budget.js';
export * from './forecast.js';
export * from './twin-forecast.js';
