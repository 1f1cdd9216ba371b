export * from './price-band.js';
export * from './score-copy.js';
