import { z } from 'zod';
import {
  initialMessages,
  loopOptionsOf,
  runToolLoop,
  type LlmRunDeps,
  type OutputCheck,
} from '../llm/index.js';

/** A product the buyer might add, with the co-purchase evidence for it. */
export interface ComplementCandidate {
  readonly item: string;
  /** The offline score (noisy-or of rule confidences), 0–1. */
  readonly score: number;
  /** Rules from items in the basket to this one. */
  readonly rules: readonly { readonly from: string; readonly confidence: number; readonly lift: number }[];
}

const RankedComplements = z.object({
  ranked: z
    .array(z.string())
    .min(1)
    .describe('candidate items, best first, each exactly as listed and at most once'),
  reason: z.string().describe('one sentence: why these come first, citing the rules'),
});

/** Every ranked item is a candidate and none repeats; otherwise re-asked with the offending items. */
function candidatesOnly(candidates: ReadonlySet<string>, k: number): OutputCheck {
  return (output) => {
    const ranked = (output as z.output<typeof RankedComplements>).ranked;
    const unknown = ranked.filter((i) => !candidates.has(i));
    const repeated = ranked.filter((i, n) => ranked.indexOf(i) !== n);
    const issues = [
      ...(unknown.length > 0 ? [`not a candidate: ${unknown.join(', ')}`] : []),
      ...(repeated.length > 0 ? [`listed twice: ${repeated.join(', ')}`] : []),
      ...(ranked.length > k ? [`list at most ${k} items`] : []),
    ];
    return issues.length === 0
      ? { ok: true }
      : {
          ok: false,
          issues,
          feedback: `Choose only among the candidates, each at most once, at most ${k} items: ${issues.join('; ')}.`,
        };
  };
}

/**
 * The audience reasoner's cross-sell judgement in LLM mode: given what a buyer already has and a
 * shortlist of candidates with their co-purchase rules, the model orders the `k` to show first.
 * It can only choose among the candidates (checked, re-asked); a short answer is filled up from
 * the shortlist in its own order, so the result always has `k` items when the shortlist does.
 *
 * @example
 * ```ts
 * await rankComplementsLlm(['whole milk'], shortlist, 10, deps); // ['butter', 'yogurt', …]
 * ```
 */
export async function rankComplementsLlm(
  basket: readonly string[],
  candidates: readonly ComplementCandidate[],
  k: number,
  deps: Omit<LlmRunDeps, 'tools'>,
): Promise<string[]> {
  const names = new Set(candidates.map((c) => c.item));
  const { output } = await runToolLoop({
    agent: 'audience-reasoner/complements',
    output: RankedComplements,
    check: candidatesOnly(names, k),
    messages: initialMessages({
      instructions: `You are the audience reasoner of a shop's marketing team. A buyer has the basket below. From the candidates only, list the ${k} products they are most likely to add next, best first. Each candidate carries its co-purchase rules from basket items (confidence: share of baskets with the basket item that also hold the candidate; lift: how much more often than chance). Prefer strong evidence; popular staples often belong.`,
      output: RankedComplements,
      input: { basket, candidates },
    }),
    ...loopOptionsOf(deps),
  });
  const chosen = output.ranked.slice(0, k);
  const rest = candidates.map((c) => c.item).filter((i) => !chosen.includes(i));
  return [...chosen, ...rest].slice(0, k);
}
