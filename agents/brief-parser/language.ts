/**
 * Which language a goal is written in. A Chinese goal often carries Latin currency codes and
 * acronyms (`CPA`, `ROI`, `RMB`); those do not make it mixed.
 */
import { CJK } from './text.js';

/** Latin words that do not count towards "mixed": currency codes, ad acronyms, magnitudes. */
const NEUTRAL_WORDS = new Set([
  'cpa',
  'cpc',
  'cpm',
  'cpl',
  'cpi',
  'ctr',
  'cvr',
  'roas',
  'roi',
  'gmv',
  'kpi',
  'rmb',
  'cny',
  'gbp',
  'usd',
  'eur',
  'hkd',
  'jpy',
  'aud',
  'cad',
  'sgd',
  'hk',
  'us',
  'app',
  'k',
  'w',
  'm',
  'x',
]);

/** The goal's language: `'en'`, `'zh'`, or `'mixed'`. */
export type GoalLanguage = 'en' | 'zh' | 'mixed';

/**
 * Detects the language: `zh` when the goal has Han characters and fewer than two Latin words
 * (not counting currency codes and acronyms), `mixed` when it has both, `en` otherwise.
 *
 * @example
 * ```ts
 * detectLanguage('推广陶瓷餐具,CPA不超过12英镑'); // 'zh'
 * detectLanguage('Sell 陶瓷餐具 on Douyin'); // 'mixed'
 * ```
 */
export function detectLanguage(text: string): GoalLanguage {
  if (!CJK.test(text)) return 'en';
  const latinWords = (text.toLowerCase().match(/(?<![a-z0-9])[a-z]+(?:['-][a-z]+)*/g) ?? []).filter(
    (w) => !NEUTRAL_WORDS.has(w),
  );
  return latinWords.length >= 2 ? 'mixed' : 'zh';
}
