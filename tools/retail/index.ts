/**
 * The τ²-bench retail domain in TypeScript: its database schemas, a per-session store over a deep
 * copy of data/tau2-retail/db.json, and one tool per file with the benchmark's preconditions.
 */
export * from './retail-db.js';
export * from './retail-store.js';
export * from './retail-tools.js';
export * from './order-rules.js';
export * from './calculate.js';
export * from './cancel-pending-order.js';
export * from './exchange-delivered-order-items.js';
export * from './find-user-id-by-email.js';
export * from './find-user-id-by-name-zip.js';
export * from './get-item-details.js';
export * from './get-order-details.js';
export * from './get-product-details.js';
export * from './get-user-details.js';
export * from './list-all-product-types.js';
export * from './modify-pending-order-address.js';
export * from './modify-pending-order-items.js';
export * from './modify-pending-order-payment.js';
export * from './modify-user-address.js';
export * from './return-delivered-order-items.js';
export * from './transfer-to-human-agents.js';
