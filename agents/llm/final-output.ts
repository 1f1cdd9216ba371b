import { z } from 'zod';
import type { LodestoneError } from '../../src/core/index.js';
import type { ModelResponse } from '../../src/core/model/index.js';
import type { ReaskReason } from './errors.js';
import type { ToolResultRecord } from './events.js';

/** An extra check of a schema-valid answer, e.g. that its reasoning cites only real tool results. */
export type OutputCheck = (output: unknown, ctx: { toolResults: readonly ToolResultRecord[] }) => CheckResult;

/** `feedback` is what the model is told; `fatal` ends the loop at once instead of re-asking. */
export type CheckResult =
  { ok: true } | { ok: false; issues: string[]; feedback: string; fatal?: LodestoneError };

/** What the validate-output step decided. */
export type Verdict =
  | { kind: 'ok'; output: unknown }
  | { kind: 'refusal'; text: string }
  | { kind: 'reask'; reason: ReaskReason; issues: string[]; feedback: string }
  | { kind: 'fatal'; error: LodestoneError };

const REFUSAL =
  /\b(?:I|we)(?:'m|’m| am| are)? (?:sorry|unable|not able)\b|\b(?:I|we) (?:can(?:not|'t|’t)|won(?:'t|’t)|will not|must decline)\b|无法|不能|抱歉/i;

/**
 * Reads a final answer: one JSON object (code fences and a sentence around it are tolerated),
 * valid against the output schema, passing the optional check. Prose that declines the task and
 * holds no JSON is a refusal; anything else that is wrong is re-asked with the exact problem.
 *
 * @example
 * ```ts
 * judgeFinalAnswer(response, AudienceReasonerOutput, undefined, []);
 * // { kind: 'reask', reason: 'invalid-output', issues: ['✖ Too small: expected array to have >=1 items\n  → at segments'], ... }
 * ```
 */
export function judgeFinalAnswer(
  response: ModelResponse,
  schema: z.ZodType,
  check: OutputCheck | undefined,
  toolResults: readonly ToolResultRecord[],
): Verdict {
  if (response.refusal) return { kind: 'refusal', text: response.refusal };
  const parsed = extractJson(response.content);
  if (!parsed.ok) {
    if (!response.content.includes('{') && REFUSAL.test(response.content))
      return { kind: 'refusal', text: response.content };
    const issue =
      response.content.trim() === '' ? 'the answer was empty' : `not valid JSON (${parsed.error})`;
    return {
      kind: 'reask',
      reason: 'malformed-json',
      issues: [issue],
      feedback: `Your final answer is ${issue}. Reply with exactly one JSON object that matches the required schema, and nothing else.`,
    };
  }
  const valid = schema.safeParse(parsed.value);
  if (!valid.success) {
    const pretty = z.prettifyError(valid.error);
    return {
      kind: 'reask',
      reason: 'invalid-output',
      issues: valid.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
      feedback: `Your final answer does not match the required schema:\n${pretty}\nReply with the corrected JSON object only.`,
    };
  }
  if (check) {
    const result = check(valid.data, { toolResults });
    if (!result.ok) {
      if (result.fatal) return { kind: 'fatal', error: result.fatal };
      return { kind: 'reask', reason: 'output-check', issues: result.issues, feedback: result.feedback };
    }
  }
  return { kind: 'ok', output: valid.data };
}

/** Parses the JSON object in a reply: the whole text, a fenced block, or the outermost braces. */
export function extractJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const trimmed = text.trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(trimmed)?.[1];
  const start = trimmed.indexOf('{');
  const end = trimmed.lastIndexOf('}');
  const candidates = [trimmed, fenced, start >= 0 && end > start ? trimmed.slice(start, end + 1) : undefined];
  let error = 'no JSON object found';
  for (const candidate of candidates) {
    if (candidate === undefined || candidate.trim() === '') continue;
    try {
      return { ok: true, value: JSON.parse(candidate) as unknown };
    } catch (e) {
      if (candidate === trimmed) error = e instanceof Error ? e.message : String(e);
    }
  }
  return { ok: false, error };
}

/**
 * Runs output checks in order and returns the first failure, so an agent can stack its own
 * structural check on top of a shared one (faithfulness, say).
 *
 * @example
 * ```ts
 * const check = combineChecks(faithfulnessCheck({ agent: 'audience-reasoner' }), knownProductsCheck);
 * ```
 */
export function combineChecks(...checks: readonly (OutputCheck | undefined)[]): OutputCheck {
  return (output, ctx) => {
    for (const check of checks) {
      const result = check?.(output, ctx);
      if (result && !result.ok) return result;
    }
    return { ok: true };
  };
}
