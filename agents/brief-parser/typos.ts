/**
 * Misspelt cue words, corrected before any pattern runs: marketers type fast (`budjet`, `Sel`,
 * `dialy`, `untill`, `Decmber`), and one wrong letter must not cost the budget, the objective or
 * the schedule. Two rules, both about the few words the parser's patterns rely on:
 * - a word one edit away (a letter changed, added, dropped, or two swapped) from a cue word of
 *   six letters or more is that cue word, unless it is a real word of its own (`weakly`)
 *   or an inflection (`budgets`);
 * - shorter cue words have too many real neighbours (`daisy` and `dairy` are one letter from
 *   `daily`), so only their listed misspellings are corrected.
 */

/** Cue words of six letters or more, in the forms the patterns read. */
const LONG_CUES = [
  'budget',
  'promote',
  'weekly',
  'monthly',
  'campaign',
  'advertise',
  'advertising',
  'awareness',
  'impressions',
  'conversions',
  'installs',
  'downloads',
  'subscribers',
  'registrations',
  'fortnight',
  'thousand',
  'million',
  'january',
  'february',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** Real words one edit from a cue word (other than its inflections): never corrected. */
const REAL_WORDS = new Set(['weakly', 'meekly', 'billion', 'mullion', 'champaign']);

/** Misspellings of short cue words, and of long ones too far off for one edit. */
const KNOWN: Readonly<Record<string, string>> = {
  sel: 'sell',
  selll: 'sell',
  seel: 'sell',
  sels: 'sells',
  seling: 'selling',
  selng: 'selling',
  sellng: 'selling',
  sellling: 'selling',
  dialy: 'daily',
  daliy: 'daily',
  dayly: 'daily',
  dailly: 'daily',
  daiy: 'daily',
  totla: 'total',
  totl: 'total',
  toal: 'total',
  totel: 'total',
  untill: 'until',
  unitl: 'until',
  utnil: 'until',
  intil: 'until',
  throught: 'through',
  thorugh: 'through',
  throuh: 'through',
  spned: 'spend',
  sepnd: 'spend',
  spedn: 'spend',
  wkly: 'weekly',
  mnthly: 'monthly',
  bdgt: 'budget',
  buget: 'budget',
  budjet: 'budget',
  bugdet: 'budget',
  budegt: 'budget',
  buddget: 'budget',
  budgte: 'budget',
};

/**
 * True when `a` becomes `b` by one edit: a letter changed, added or dropped, or two swapped. A
 * letter added or dropped at the end does not count: `budgets`, `promoted`, `install` are
 * inflections, not typos.
 */
function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.startsWith(b) || b.startsWith(a)) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The cue word a lower-case word misspells, or `undefined` when it is spelt right or is no cue.
 *
 * @example
 * ```ts
 * correctWord('budjet'); // 'budget'
 * correctWord('decmber'); // 'december'
 * correctWord('weakly'); // undefined: a real word
 * ```
 */
export function correctWord(word: string): string | undefined {
  const known = KNOWN[word];
  if (known !== undefined) return known;
  if (word.length < 5 || REAL_WORDS.has(word)) return undefined;
  return LONG_CUES.find((cue) => oneEdit(word, cue));
}

/**
 * Corrects misspelt cue words in a lower-case text and the same words in its original-case twin
 * (whose offsets agree), keeping the two aligned.
 *
 * @example
 * ```ts
 * correctTypos('sel mugs, budjet £5', 'Sel mugs, budjet £5');
 * // { lower: 'sell mugs, budget £5', original: 'sell mugs, budget £5' }
 * ```
 */
export function correctTypos(lower: string, original: string): { lower: string; original: string } {
  let outLower = '';
  let outOriginal = '';
  let last = 0;
  for (const m of lower.matchAll(/(?<![a-z])[a-z]{3,14}(?![a-z])/g)) {
    const fixed = correctWord(m[0]);
    if (fixed === undefined) continue;
    outLower += lower.slice(last, m.index) + fixed;
    outOriginal += original.slice(last, m.index) + fixed;
    last = m.index + m[0].length;
  }
  if (last === 0) return { lower, original };
  return { lower: outLower + lower.slice(last), original: outOriginal + original.slice(last) };
}
