import { NotFoundError } from '../../src/core/index.js';
import type { RandomStream } from '../random.js';
import { dualPacing } from './dual-pacing.js';
import { fixedMultiplier } from './fixed-multiplier.js';
import { onlineLp } from './online-lp.js';
import { pidPacing } from './pid-pacing.js';
import type { PolicyFactory } from './policy.js';

export * from './policy.js';
export * from './fixed-multiplier.js';
export * from './pid-pacing.js';
export * from './dual-pacing.js';
export * from './online-lp.js';

/** The built-in policies with their default parameters, by name. */
export const POLICIES: Readonly<Record<string, () => PolicyFactory>> = Object.freeze({
  'fixed-multiplier': () => fixedMultiplier(),
  'pid-pacing': () => pidPacing(),
  'online-lp': () => onlineLp(),
  'dual-pacing': () => dualPacing(),
});

/**
 * A built-in policy by name; an unknown name throws and lists the known ones.
 *
 * @example
 * ```ts
 * policyByName('dual-pacing').name; // 'dual-pacing'
 * ```
 */
export function policyByName(name: string): PolicyFactory {
  const make = POLICIES[name];
  if (!make) throw new NotFoundError('bidding policy', name, Object.keys(POLICIES));
  return make();
}

/**
 * A competitor running the named policy with its own settings, drawn from the competitors' random
 * stream: real advertisers do not share one configuration (fixed multipliers in [0.8, 1.2], PID and
 * dual step sizes within ±25 %).
 *
 * @example
 * ```ts
 * competitorPolicy('pid-pacing', new RandomStream(3));
 * ```
 */
export function competitorPolicy(name: string, rng: RandomStream): PolicyFactory {
  const jitter = () => rng.uniform(0.75, 1.25);
  switch (name) {
    case 'fixed-multiplier':
      return fixedMultiplier({ multiplier: rng.uniform(0.8, 1.2) });
    case 'pid-pacing':
      return pidPacing({ gains: { kp: 6 * jitter(), ki: 1.5 * jitter() } });
    case 'dual-pacing':
      return dualPacing({ steps: { lambda: 0.3 * jitter(), mu: 0.5 * jitter() } });
    default:
      return policyByName(name);
  }
}
