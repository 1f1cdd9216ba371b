/**
 * The suite registry. A suite is one file in this folder that calls `defineSuite`; add it to
 * {@link SUITES} below and `lodestone eval list` / `eval run <name>` / `eval run all` pick it up.
 * Workers load this module by URL to find suites by name, so keep it free of side effects.
 */
import { NotFoundError } from '../../src/core/index.js';
import { eraseSuite, type AnySuite } from '../harness/index.js';
import { bidding } from './bidding.js';
import { briefParsing } from './brief-parsing.js';
import { complements } from './complements.js';
import { creative } from './creative.js';
import { nextBuyer } from './next-buyer.js';
import { supportActions } from './support-actions.js';
import { supportIntents } from './support-intents.js';
import { supportTau2 } from './support-tau2.js';

export {
  bidding,
  briefParsing,
  complements,
  creative,
  nextBuyer,
  supportActions,
  supportIntents,
  supportTau2,
};

/** Every suite, in the order `eval run all` runs them. */
export const SUITES: readonly AnySuite[] = [
  eraseSuite(briefParsing),
  eraseSuite(creative),
  eraseSuite(complements),
  eraseSuite(nextBuyer),
  eraseSuite(supportIntents),
  eraseSuite(supportActions),
  eraseSuite(supportTau2),
  eraseSuite(bidding),
];

/** The registry as a map by name. */
export const SUITE_REGISTRY: ReadonlyMap<string, AnySuite> = new Map(SUITES.map((s) => [s.name, s]));

/**
 * Suites by name; `all` is every suite. Unknown names fail listing the suites that exist.
 *
 * @example
 * ```ts
 * getSuites(['complements']); // [complements]
 * ```
 */
export function getSuites(names: readonly string[]): AnySuite[] {
  if (names.includes('all')) return [...SUITES];
  return names.map((name) => {
    const suite = SUITE_REGISTRY.get(name);
    if (!suite) throw new NotFoundError('eval suite', name, ['all', ...SUITE_REGISTRY.keys()]);
    return suite;
  });
}
