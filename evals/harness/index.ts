/**
 * The eval harness: suites declared with {@link defineSuite}, seeded trials, pass^k and pass@k,
 * intervals, record/replay of model calls, cost, resumable runs on worker threads, summaries.
 */
export * from './define-suite.js';
export * from './errors.js';
export * from './seeds.js';
export * from './estimators.js';
export * from './intervals.js';
export * from './cost.js';
export * from './model-cache.js';
export * from './model-setup.js';
export * from './run-types.js';
export * from './run-store.js';
export * from './summarize.js';
export * from './trial.js';
export * from './runner.js';
export * from './compare.js';
export * from './data-hash.js';
