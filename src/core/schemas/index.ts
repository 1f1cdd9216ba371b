export * from './money.js';
export * from './brief.js';
export * from './catalog.js';
export * from './insight.js';
export * from './segment.js';
export * from './plan.js';
