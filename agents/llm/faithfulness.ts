import type { Evidence, ReasoningStep } from '../../src/core/index.js';
import { UnfaithfulReasoningError } from './errors.js';
import type { OutputCheck } from './final-output.js';

/** Anything with a reasoning chain: an `AudienceSegment`, say. */
export interface ReasonedItem {
  readonly name?: string;
  readonly reasoning: readonly ReasoningStep[];
}

/** A cited ref that no journaled tool result supports. */
export interface UnsupportedRef {
  readonly item: string;
  readonly step: number;
  readonly source: Evidence['source'];
  readonly ref: string;
}

export interface FaithfulnessReport {
  readonly faithful: boolean;
  /** Evidence items checked against tool results. */
  readonly checked: number;
  /** Evidence from the brief or computed statistics, which no tool result holds. */
  readonly unchecked: number;
  readonly unsupported: readonly UnsupportedRef[];
}

/** A journaled tool result, as `ToolResultRecord` or a journal entry's data. */
export interface ToolResultLike {
  readonly toolCallId?: string;
  readonly result?: unknown;
}

/** Sources that are not tool output: the brief, and statistics the agent computed. */
const UNCHECKED = new Set<Evidence['source']>(['brief', 'statistic']);

/**
 * Checks that a reasoning chain is data, not decoration: every evidence ref it cites must occur in
 * the run's journaled tool results. A `rule` ref `A->B` must be a rule some tool returned (an
 * object with `from: A, to: B`, or the literal text); `user-history`, `catalog` and `memory` refs
 * must appear as a value in some result; a `tool` ref must be the id of a journaled tool call.
 * `brief` and `statistic` evidence is counted as unchecked.
 *
 * @example
 * ```ts
 * checkFaithfulness(output.segments, [{ toolCallId: 'c1', result: { rules: [{ from: '22720', to: '22722' }] } }]);
 * // { faithful: false, unsupported: [{ item: 'Likely next buyers', step: 1, source: 'user-history', ref: '17850' }], ... }
 * ```
 */
export function checkFaithfulness(
  items: readonly ReasonedItem[],
  toolResults: readonly ToolResultLike[],
): FaithfulnessReport {
  const facts = indexFacts(toolResults);
  const unsupported: UnsupportedRef[] = [];
  let checked = 0;
  let unchecked = 0;
  items.forEach((item, i) => {
    item.reasoning.forEach((step, stepIndex) => {
      for (const evidence of step.evidence) {
        if (UNCHECKED.has(evidence.source)) {
          unchecked++;
          continue;
        }
        checked++;
        const supported =
          evidence.source === 'tool'
            ? facts.callIds.has(evidence.ref)
            : evidence.source === 'rule'
              ? facts.rules.has(evidence.ref) || facts.values.has(evidence.ref)
              : facts.values.has(evidence.ref);
        if (!supported)
          unsupported.push({
            item: item.name ?? `#${i}`,
            step: stepIndex,
            source: evidence.source,
            ref: evidence.ref,
          });
      }
    });
  });
  return { faithful: unsupported.length === 0, checked, unchecked, unsupported };
}

/**
 * The faithfulness check as a tool-loop output check: an unfaithful chain is re-asked with the
 * list of unsupported refs (`mode: 'reask'`, the default) or rejected at once with an
 * {@link UnfaithfulReasoningError} (`mode: 'reject'`).
 *
 * @example
 * ```ts
 * await runToolLoop({ ..., check: faithfulnessCheck({ agent: 'audience-reasoner' }) });
 * ```
 */
export function faithfulnessCheck(options: {
  agent: string;
  mode?: 'reask' | 'reject';
  itemsOf?: (output: unknown) => readonly ReasonedItem[];
}): OutputCheck {
  const itemsOf = options.itemsOf ?? ((output) => (output as { segments?: ReasonedItem[] }).segments ?? []);
  return (output, { toolResults }) => {
    const report = checkFaithfulness(itemsOf(output), toolResults);
    if (report.faithful) return { ok: true };
    const refs = report.unsupported.map((u) => `${u.source} ${u.ref} (${u.item}, step ${u.step + 1})`);
    return {
      ok: false,
      issues: refs,
      feedback: `These evidence refs are not in any tool result of this run:\n${refs.map((r) => `- ${r}`).join('\n')}\nCite only records the tools returned (call a tool to fetch what you need), or drop the claim.`,
      ...(options.mode === 'reject'
        ? {
            fatal: new UnfaithfulReasoningError(
              options.agent,
              report.unsupported.map((u) => u.ref),
            ),
          }
        : {}),
    };
  };
}

function indexFacts(toolResults: readonly ToolResultLike[]): {
  values: Set<string>;
  rules: Set<string>;
  callIds: Set<string>;
} {
  const values = new Set<string>();
  const rules = new Set<string>();
  const callIds = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') {
      values.add(String(value));
      return;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    const record = value as Record<string, unknown>;
    const from = record.from ?? record.antecedent;
    const to = record.to ?? record.consequent;
    if (
      (typeof from === 'string' || typeof from === 'number') &&
      (typeof to === 'string' || typeof to === 'number')
    )
      rules.add(`${from}->${to}`);
    Object.values(record).forEach(walk);
  };
  for (const record of toolResults) {
    if (record.toolCallId) callIds.add(record.toolCallId);
    walk(record.result);
  }
  return { values, rules, callIds };
}
