/**
 * Lodestone's eval harness and suites. Nothing in the framework imports this folder; the CLI
 * (`lodestone eval …`) and researchers' scripts do.
 *
 * @example
 * ```ts
 * import { getSuites, runEval, RunStore } from './evals/index.js';
 * const { summary } = await runEval({ store: new RunStore('.lodestone/evals'), suites: getSuites(['all']), options: { seed: '1', trials: 1, split: 'test', model: 'offline' } });
 * ```
 */
export * from './harness/index.js';
export * from './report/index.js';
export { SUITES, SUITE_REGISTRY, getSuites } from './suites/index.js';
