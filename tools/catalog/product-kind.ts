import { KIND_TABLE, NOT_KINDS, type KindEntry } from './product-kinds.js';

/** A title word as written and with a plural ending taken off. */
interface Token {
  readonly raw: string;
  readonly stem: string;
}

/** A kind named in a title: the words `[start, end)` name `entry`. */
interface Mention {
  readonly entry: KindEntry;
  readonly start: number;
  readonly end: number;
}

/** Words that end the clause naming the product: what follows is an extra or a container. */
const CLAUSE_BREAKS = new Set(['WITH', 'W', 'IN']);
/** Words after a kind that make it a motif (`DOG BOWL CHASING BALL DESIGN`). */
const MOTIF_MARKERS = new Set(['DESIGN', 'DESIGNS', 'PRINT', 'PATTERN', 'MOTIF', 'SHAPE', 'SHAPED']);
const QUANTITY = new Set(['SET', 'PACK', 'BOX']);
const AND = 'AND';

/**
 * A title's words: upper case, `&` and `+` read as AND, `BOX/12` read as `BOX OF 12`, and
 * punctuation dropped (hyphens and apostrophes stay inside words: `T-LIGHT`, `P'WEIGHT`).
 */
export function titleWords(title: string): string[] {
  return title
    .toUpperCase()
    .replace(/[&+]/g, ' AND ')
    .replace(/\b([A-Z]+)\/(\d)/g, '$1 OF $2')
    .replace(/([A-Z])(?=\d)|(\d)(?=[A-Z])/g, '$1$2 ')
    .split(/[^A-Z0-9'-]+/)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length > 0);
}

/** The singular of an upper-case word, by its ending (CANDLES → CANDLE, BOXES → BOX). */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('IES')) return `${word.slice(0, -3)}Y`;
  if (/(SS|X|CH|SH)ES$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('S') && !word.endsWith('SS')) return word.slice(0, -1);
  return word;
}

/** Stands for the phrases that name no kind (`NOT_KINDS`). */
const NO_KIND: KindEntry = { kind: '', category: '', phrases: NOT_KINDS };

/** Phrases by their first word, longest first; a plural phrase word only matches as written. */
const INDEX: ReadonlyMap<string, readonly { words: readonly string[]; entry: KindEntry }[]> = (() => {
  const index = new Map<string, { words: string[]; entry: KindEntry }[]>();
  for (const entry of [...KIND_TABLE, NO_KIND])
    for (const phrase of entry.phrases) {
      const words = phrase.split(' ');
      const first = words[0]!;
      for (const key of new Set([first, singular(first)])) {
        const list = index.get(key) ?? [];
        list.push({ words, entry });
        index.set(key, list);
      }
    }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
})();

/** Does `token` spell `word`? Exactly counts more than by its singular. */
function spells(token: Token, word: string, exact: boolean): boolean {
  return token.raw === word || (!exact && token.stem === word);
}

/** The longest phrase starting at `start` (a phrase spelled exactly beats one of equal length). */
function phraseAt(tokens: readonly Token[], start: number): Mention | undefined {
  const first = tokens[start]!;
  const candidates = [...(INDEX.get(first.raw) ?? []), ...(INDEX.get(first.stem) ?? [])];
  let best: Mention | undefined;
  let bestExact = false;
  for (const { words, entry } of candidates) {
    if (start + words.length > tokens.length) continue;
    for (const exact of [true, false]) {
      if (!words.every((w, i) => spells(tokens[start + i]!, w, exact))) continue;
      const longer = !best || words.length > best.end - best.start;
      const same = best && words.length === best.end - best.start;
      if (longer || (same && exact && !bestExact)) {
        best = { entry, start, end: start + words.length };
        bestExact = exact;
      }
      break;
    }
  }
  return best;
}

/** Every kind the words name, left to right, without overlaps. */
function mentions(tokens: readonly Token[]): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length;) {
    const m = phraseAt(tokens, i);
    if (m) {
      if (m.entry !== NO_KIND) found.push(m);
      i = m.end;
    } else i++;
  }
  return found;
}

/**
 * Whether a mention names the product rather than a quantity or a motif: a container followed by
 * OF is a quantity (`BOX OF 24 COCKTAIL PARASOLS`), and a kind right after AND is part of a motif
 * unless a strong kind stands before the AND (`CARD DOG AND BALL`, but `CUP AND SAUCER`).
 */
function namesProduct(m: Mention, tokens: readonly Token[], all: readonly Mention[]): boolean {
  if (m.entry.container && tokens[m.end]?.raw === 'OF') return false;
  if (MOTIF_MARKERS.has(tokens[m.end]?.raw ?? '')) return false;
  if (tokens[m.start - 1]?.raw !== AND) return true;
  const before = all.find((o) => o.end === m.start - 1);
  return before !== undefined && !before.entry.weak;
}

/** The kind the product is: see {@link productKind}. */
export interface ProductKind {
  readonly kind: string;
  readonly category: string;
  readonly season?: KindEntry['season'];
  /** Whether the kind is a motif word standing in for a product (`PORCELAIN ROSE`). */
  readonly weak: boolean;
}

/**
 * The kind of product a title names: its head noun. UCI titles put the head last ("HEART T-LIGHT
 * HOLDER") or first with the design after it ("LUNCH BAG RED RETROSPOT"), so the head is the last
 * kind named before WITH or IN (what follows is an extra or a container), a motif word only when
 * nothing else is named, and a filled kind before its container (a candle pot is a candle).
 * Undefined when the title names no kind.
 *
 * @example
 * ```ts
 * productKind('WHITE HANGING HEART T-LIGHT HOLDER')?.kind; // 'candle holder'
 * productKind('ASSORTED MONKEY SUCTION CUP HOOK')?.category; // 'home storage'
 * ```
 */
export function productKind(title: string): ProductKind | undefined {
  const tokens = titleWords(title).map((raw) => ({ raw, stem: singular(raw) }));
  const all = mentions(tokens);
  const named = all.filter((m) => namesProduct(m, tokens, all));
  const cut = tokens.findIndex((t, i) => i > 0 && clauseBreak(tokens, i));
  const main = cut < 0 ? named : named.filter((m) => m.end <= cut);
  const rest = cut < 0 ? [] : named.filter((m) => m.start > cut);
  for (const clause of [main, rest])
    for (const weak of [false, true]) {
      const pool = clause.filter((m) => (m.entry.weak ?? false) === weak);
      const head = headOf(pool);
      if (head) {
        const { kind, category, season } = head.entry;
        return { kind, category, weak, ...(season ? { season } : {}) };
      }
    }
  return undefined;
}

/** Whether the clause naming the product ends at word `i`: WITH, IN, or a later SET OF / PACK OF. */
function clauseBreak(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.raw;
  return CLAUSE_BREAKS.has(word) || (QUANTITY.has(word) && tokens[i + 1]?.raw === 'OF');
}

/** The last mention, unless it is a container of a filled kind named before it. */
function headOf(pool: readonly Mention[]): Mention | undefined {
  let head = pool.at(-1);
  for (let i = pool.length - 2; head?.entry.container && i >= 0; i--) {
    const m = pool[i]!;
    if (m.entry.filled) head = m;
    else if (!m.entry.container) break;
  }
  return head;
}
