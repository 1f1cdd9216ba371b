import { createHash } from 'node:crypto';

/**
 * Derives a 32-bit seed from the run's seed and a path of names, by hashing: `sha256("s:a:b:…")`.
 * Every task and trial gets its own seed from the one seed of the run, so adding a task, running
 * tasks in another order or on another worker changes no other task's randomness.
 *
 * @example
 * ```ts
 * const taskSeed = deriveSeed('42', 'complements', 'basket-17');
 * const trialSeed = deriveSeed('42', 'complements', 'basket-17', 2);
 * ```
 */
export function deriveSeed(seed: string | number, ...path: readonly (string | number)[]): number {
  const digest = createHash('sha256')
    .update([String(seed), ...path.map(String)].join(':'))
    .digest();
  return digest.readUInt32BE(0);
}

/** The seeded generator of trials and bootstraps (mulberry32), shared with the rest of the project. */
export { seededRandom } from '../../src/core/index.js';

/** A share in [0, 1) decided by hashing `key` — for fixed, order-free train/test splits. */
export function hashShare(key: string): number {
  return deriveSeed(key) / 4294967296;
}
