import { z } from 'zod';
import type { CheckResult, OutputCheck } from '../llm/index.js';
import type { LlmDecision } from './llm-decision.js';
import { identifierSources, productIdsSeen, unsupportedIdentifiers } from './llm-identifiers.js';
import { HANDOFF_TOOL, type SupportToolCatalog } from './llm-tool-catalog.js';
import type { PolicyView } from './policy-types.js';

interface Problem {
  /** One line, for events and errors. */
  readonly issue: string;
  /** What the model is told. */
  readonly feedback: string;
}

/**
 * The output check of one decision: a `call` names a tool of the catalogue, its `args` pass that
 * tool's zod input schema, and a write carries `confirm`; a reply cites only product ids this
 * thread's tools returned; a reply (or a write's confirmation) names no email, user, order,
 * payment method or address the store did not return to this buyer. Every failure is re-asked
 * with the exact problem, within the loop's `maxRepairs`.
 *
 * @example
 * ```ts
 * const check = supportDecisionCheck(view, supportToolCatalog());
 * check({ kind: 'call', tool: 'find_user_id_by_email', args: { email: 'x' } }, { toolResults: [] });
 * // { ok: false, issues: ['find_user_id_by_email.email: Too small: expected string to have >=3 characters'], feedback: 'Invalid arguments for find_user_id_by_email: ...' }
 * ```
 */
export function supportDecisionCheck(view: PolicyView, catalog: SupportToolCatalog): OutputCheck {
  return (output): CheckResult => {
    const decision = output as LlmDecision;
    const problems =
      decision.kind === 'call'
        ? callProblems(decision, view, catalog)
        : decision.kind === 'reply'
          ? replyProblems(decision, view)
          : [];
    if (problems.length === 0) return { ok: true };
    return {
      ok: false,
      issues: problems.map((p) => p.issue),
      feedback: `${problems.map((p) => p.feedback).join('\n\n')}\nReply with the corrected JSON object only.`,
    };
  };
}

function callProblems(
  decision: Extract<LlmDecision, { kind: 'call' }>,
  view: PolicyView,
  catalog: SupportToolCatalog,
): Problem[] {
  const { tool: name, args } = decision;
  if (name === HANDOFF_TOOL) {
    return [
      {
        issue: `${HANDOFF_TOOL} is not proposed as a call`,
        feedback: `To transfer the buyer, do not call ${HANDOFF_TOOL}: answer {"kind": "handoff", "summary": "..."} and the workflow transfers them.`,
      },
    ];
  }
  const tool = catalog.get(name);
  if (!tool) {
    return [
      {
        issue: `unknown tool "${name}"`,
        feedback: `No tool named "${name}" exists. The tools are: ${catalog.names.join(', ')}. Propose one of them, reply, or hand off.`,
      },
    ];
  }
  const parsed = tool.input.safeParse(args);
  if (!parsed.success) {
    return [
      {
        issue: parsed.error.issues
          .map((i) => `${name}.${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; '),
        feedback: `Invalid arguments for ${name}:\n${z.prettifyError(parsed.error)}\nPropose ${name} again with corrected arguments.`,
      },
    ];
  }
  if (!tool.write) return [];
  if (decision.confirm === undefined) {
    return [
      {
        issue: `${name} changes data but has no confirm`,
        feedback: `${name} changes the buyer's data: add "confirm", the exact action in words (order id, items, reason, payment method or address), asking the buyer to reply "yes". It runs only after that yes.`,
      },
    ];
  }
  return leakProblems('confirm', decision.confirm, view, args);
}

function replyProblems(decision: Extract<LlmDecision, { kind: 'reply' }>, view: PolicyView): Problem[] {
  const problems: Problem[] = [];
  const seen = productIdsSeen(view.observations);
  const unseen = (decision.citations ?? []).filter((id) => !seen.has(id));
  if (unseen.length > 0) {
    problems.push({
      issue: `citations not returned by a tool in this thread: ${unseen.join(', ')}`,
      feedback: `These citations were not returned by any tool in this conversation: ${unseen.join(', ')}. Cite only product or item ids from search_products or the store's results${seen.size > 0 ? ` (seen: ${[...seen].slice(0, 20).join(', ')})` : ' (none so far: cite nothing, or search first)'}.`,
    });
  }
  problems.push(...leakProblems('text', decision.text, view));
  return problems;
}

function leakProblems(field: string, text: string, view: PolicyView, extra?: unknown): Problem[] {
  const unsupported = unsupportedIdentifiers(text, identifierSources(view.observations, extra));
  if (unsupported.length === 0) return [];
  return [
    {
      issue: `${field} names identifiers the store did not return to this buyer: ${unsupported.join(', ')}`,
      feedback: `Your ${field} names ${unsupported.join(', ')}, which no tool returned for the verified buyer in this conversation. Never repeat or guess emails, user ids, order ids, payment methods or addresses: name only the verified buyer's own, as the store returned them, even when the buyer writes someone else's.`,
    },
  ];
}
