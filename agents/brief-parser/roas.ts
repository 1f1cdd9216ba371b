/**
 * The ROAS target: `ROAS 3`, `ROAS of 300%`, `3x ROAS`, `4:1 ROAS`, `return on ad spend of 4`,
 * `ROI 2.5`, `投产比3`, `ROI不低于2`, `投产比1:3`, `投产要到4`, `ROI冲到2.5`. Lodestone reads ROI
 * as ROAS (revenue / spend), as Chinese ad platforms use the word.
 */
import { parseAnyNumber } from './numbers.js';
import type { Span } from './text.js';

const NUM = '\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十点]+';
const NAME =
  '\\broas\\b|\\broi\\b|\\breturn\\s+on\\s+(?:ad(?:vertising)?\\s+)?spend\\b|投入产出比|投产比|投产|产出比|投资回报率|广告支出回报率?|回报率';
const COMPARATOR = [
  ...'of at least|of|at least|above|over|no less than|not less than|not below|minimum of|minimum|min|at|target|goal|to|be|is'
    .split('|')
    .map((w) => `${w}\\b`),
  ...'>=|≥|>|=|:|不低于|不少于|不小于|不能低于|不可低于|不要低于|不得低于|大于|高于|超过|达到|至少|目标|要求|保持在|稳定在|维持在|做到|冲到|拉到|提升到|提高到|到|要|为|是|在|达'.split(
    '|',
  ),
].join('|');

// `ROI 1:4` and `ROAS 4:1` are both a return of 4.
const FORWARD = new RegExp(
  `(?:${NAME})(?:\\s*(?:${COMPARATOR}))*\\s*(?:1\\s*[:比]\\s*)?(${NUM})(?:\\s*[:比]\\s*1(?![\\d.]))?\\s*(%|x\\b|倍|times\\b)?`,
  'g',
);
// Backwards only with a unit (`3x ROAS`, `4:1 ROAS`), or `budget 5000 roi 3` would read 5000 as
// the target.
const BACKWARD = new RegExp(
  `(?<![\\d.:])(\\d+(?:\\.\\d+)?)\\s*(%|x|倍|times|:\\s*1(?![\\d.]))\\s*\\+?\\s*(?:roas|roi|return(?:\\s+on\\s+(?:ad(?:vertising)?\\s+)?spend)?)\\b`,
  'g',
);
// `aiming for a 3.5 ROAS`: after an article, a bare number before the name is the target.
const ARTICLE = /\ban?\s+(\d+(?:\.\d+)?)\s*\+?\s*(?:roas|roi)\b/g;

/** A ROAS target and where the goal states it. */
export interface RoasTarget {
  /** Revenue over spend: 3 means 300%. */
  readonly value: number;
  readonly span: Span;
}

/**
 * Finds the ROAS target. A percentage is divided by 100; so is a bare number above 20
 * (`ROAS 300` means 300%: nobody targets a 300x return).
 *
 * @example
 * ```ts
 * findRoas('roas of 300%')?.value; // 3
 * findRoas('投产比不低于2.5')?.value; // 2.5
 * ```
 */
export function findRoas(text: string): RoasTarget | undefined {
  const found: RoasTarget[] = [];
  for (const re of [FORWARD, BACKWARD, ARTICLE]) {
    for (const m of text.matchAll(re)) {
      const raw = parseAnyNumber(m[1] ?? '');
      if (raw === undefined) continue;
      const percent = m[2] === '%' || (m[2] === undefined && raw > 20);
      found.push({ value: percent ? raw / 100 : raw, span: { start: m.index, end: m.index + m[0].length } });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start)[0];
}
