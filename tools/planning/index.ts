export * from './fx.js';
export * from './traffic-curve.js';
export * from './budget-split.js';
export * from './order-value.js';
