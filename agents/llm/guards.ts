import type { ToolResultRecord } from './events.js';
import type { LlmRunDeps } from './llm-policy.js';

/**
 * Reports what an agent's guards corrected in a schema-valid answer, as an `output.guarded` loop
 * event (journaled as `llm.output.guarded`). Nothing is emitted when nothing was corrected.
 *
 * @example
 * ```ts
 * reportCorrections(deps, 'bid-strategist', ['segments[0].multiplier 50 → 1.2 (bound)']);
 * ```
 */
export function reportCorrections(
  deps: Pick<LlmRunDeps, 'onEvent'>,
  agent: string,
  corrections: readonly string[],
): void {
  if (corrections.length > 0)
    deps.onEvent?.({ type: 'output.guarded', agent, corrections: [...corrections] });
}

/**
 * `x` clamped to `[min, max]`; a non-finite `x` becomes `fallback`.
 *
 * @example
 * ```ts
 * clamp(50, 0.5, 1.2, 1); // 1.2
 * ```
 */
export function clamp(x: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(x)) return fallback;
  return Math.min(max, Math.max(min, x));
}

/**
 * Every string and number in the results of the named tools (or of all tools), for checks such
 * as "every product id the answer names was returned by catalog_search".
 *
 * @example
 * ```ts
 * valuesReturnedBy(toolResults, 'catalog_search').has('22720');
 * ```
 */
export function valuesReturnedBy(toolResults: readonly ToolResultRecord[], name?: string): Set<string> {
  const values = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') values.add(String(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  for (const record of toolResults) if (name === undefined || record.name === name) walk(record.result);
  return values;
}
