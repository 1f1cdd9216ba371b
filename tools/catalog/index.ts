export * from './online-retail.js';
export * from './categorize.js';
export * from './derive.js';
export * from './catalog-store.js';
export * from './catalog-search.js';
export * from './product-kind.js';
