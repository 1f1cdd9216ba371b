/**
 * The goal as the parser reads it: one normalised string (NFKC, so full-width digits, commas and
 * currency signs become their ASCII forms; misspelt cue words corrected) in original case and in
 * lower case, with the same offsets, plus the clause boundaries every other module uses to keep
 * cues next to their numbers.
 */
import { correctTypos } from './typos.js';

/** A half-open `[start, end)` range of offsets into {@link GoalText.lower}. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The normalised goal. Offsets are valid in both strings. */
export interface GoalText {
  /** NFKC-normalised, whitespace collapsed, original case (for quoting product words). */
  readonly original: string;
  /** The same text in lower case; every pattern in the parser runs on this. */
  readonly lower: string;
}

/** Han characters (CJK unified ideographs and the compatibility block). */
export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** The same, as a character-class body for building larger patterns. */
export const CJK_CLASS = '\\u3400-\\u9fff\\uf900-\\ufaff';

/**
 * Normalises a goal for parsing: NFKC (`，` → `,`, `￥` → `¥`, `３` → `3`), curly quotes to straight
 * ones, en dashes and minus signs to `-`, em dashes to a comma (they separate clauses in English
 * prose), wave dashes to `~`, runs of whitespace to one space, and misspelt cue words corrected
 * (`budjet` → `budget`, see `typos.ts`).
 *
 * @example
 * ```ts
 * normalizeGoal('每天预算３０００英镑，CPA不超过12英镑').lower; // '每天预算3000英镑,cpa不超过12英镑'
 * ```
 */
export function normalizeGoal(goal: string): GoalText {
  const original = goal
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2013\u2212]/g, '-')
    .replace(/\s*\u2014+\s*/g, ', ')
    .replace(/[\u301c]/g, '~')
    .replace(/\s+/g, ' ')
    .trim();
  const lower = original.toLowerCase();
  // A few letters (İ) change length when lowered; offsets must agree, so fall back to lower case.
  return correctTypos(lower, lower.length === original.length ? original : lower);
}

const BOUNDARY_CHARS = new Set([';', '。', '!', '?', '\n', '；', '！', '？']);

/**
 * Offsets of the characters that end a clause: `; 。 ! ?`, a comma that is not inside a number
 * (`50,000`, the decimal comma of `1,5k`), and a full stop that is not a decimal point.
 */
export function clauseBoundaries(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (BOUNDARY_CHARS.has(ch)) out.push(i);
    else if (ch === ',' && !isNumberComma(text, i)) out.push(i);
    else if (ch === '.' && !/\d/.test(text[i + 1] ?? '') && /\s|$/.test(text[i + 1] ?? '')) out.push(i);
  }
  return out;
}

/** A thousands separator (`50,000`) or a decimal comma before a magnitude (`1,5k`, `2,5万`). */
function isNumberComma(text: string, i: number): boolean {
  if (!/\d/.test(text[i - 1] ?? '')) return false;
  const after = text.slice(i + 1, i + 8);
  if (/^\d{3}(?!\d)/.test(after)) return true;
  const decimal = /^\d{1,2}\s?(?:(?:k|m|mn|w|mio)(?![a-z])|[万千])/.test(after);
  return decimal && /(?:^|[^\d.,])[1-9]\d?$/.test(text.slice(Math.max(0, i - 3), i));
}

/** The clause (between boundaries, exclusive) that contains `index`. */
export function clauseAt(boundaries: readonly number[], length: number, index: number): Span {
  let start = 0;
  let end = length;
  for (const b of boundaries) {
    if (b < index) start = b + 1;
    else {
      end = b;
      break;
    }
  }
  return { start, end };
}

/** True when two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `span` overlaps any of `taken`. */
export function isTaken(taken: readonly Span[], span: Span): boolean {
  return taken.some((t) => overlaps(t, span));
}

/**
 * Every match of a global pattern, with its span. A convenience over `matchAll` that keeps the
 * offsets typed.
 */
export function findAll(text: string, pattern: RegExp): { match: RegExpExecArray; span: Span }[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const re = new RegExp(pattern.source, flags);
  const out: { match: RegExpExecArray; span: Span }[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ match: m, span: { start: m.index, end: m.index + m[0].length } });
  }
  return out;
}

/** Removes duplicates, keeping the first occurrence's order. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
