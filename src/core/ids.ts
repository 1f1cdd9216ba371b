import { randomBytes } from 'node:crypto';
import type { Clock } from './clock.js';

/** Generates ids; injected so tests and replays can be deterministic. */
export type IdGenerator = (prefix: string) => string;

/**
 * Time-sortable ids: `run_20261129T042233_3f9a1c`.
 *
 * @example
 * ```ts
 * const newId = createIdGenerator(systemClock);
 * newId('run'); // 'run_20261129T042233_3f9a1c'
 * ```
 */
export function createIdGenerator(
  clock: Clock,
  random: () => string = () => randomBytes(3).toString('hex'),
): IdGenerator {
  return (prefix) => {
    const stamp = clock
      .now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, '');
    return `${prefix}_${stamp}_${random()}`;
  };
}

/** Sequential ids for tests: `run_1`, `run_2`, ... */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return (prefix) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}_${n}`;
  };
}
