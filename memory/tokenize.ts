/**
 * Tokenisation shared by the offline embedders. Text is NFKC-normalised and lower-cased; latin
 * (and other space-separated scripts) split into words of letters and digits; Chinese, Japanese
 * and Korean characters, which are not space-separated, become one token each.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SEGMENT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu;

/** A run of text of one kind: a latin-like word, or a run of consecutive CJK characters. */
export interface Segment {
  text: string;
  cjk: boolean;
}

/**
 * Splits text into words and CJK runs.
 *
 * @example
 * ```ts
 * segments('Cancel 订单 now!'); // [{ text: 'cancel', cjk: false }, { text: '订单', cjk: true }, { text: 'now', cjk: false }]
 * ```
 */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(SEGMENT)) {
    out.push({ text: match[0], cjk: CJK.test(match[0]) });
  }
  return out;
}

/**
 * Word tokens: latin words, and each CJK character on its own.
 *
 * @example
 * ```ts
 * words('Refund 退款'); // ['refund', '退', '款']
 * ```
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const segment of segments(text)) {
    if (segment.cjk) out.push(...segment.text);
    else out.push(segment.text);
  }
  return out;
}

/**
 * Sub-word features: for a latin word its padded character n-grams (`<word>`, n = 3..5) and the
 * word itself; for a CJK run every character and every pair of adjacent characters.
 *
 * @example
 * ```ts
 * charNgrams('退款'); // ['退', '款', '退款']
 * ```
 */
export function charNgrams(text: string, min = 3, max = 5): string[] {
  const out: string[] = [];
  for (const segment of segments(text)) {
    const chars = [...segment.text];
    if (segment.cjk) {
      out.push(...chars);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
      continue;
    }
    out.push(`w:${segment.text}`);
    if (chars.length === segment.text.length) {
      // One code unit per character (no surrogate pairs): n-grams are plain substrings.
      const padded = `<${segment.text}>`;
      for (let n = min; n <= max; n++) {
        for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
      }
      continue;
    }
    const padded = ['<', ...chars, '>'];
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n).join(''));
    }
  }
  return out;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a of a string, mixed (murmur3 finaliser) so that low bits are usable as a bucket.
 *
 * @example
 * ```ts
 * hash32('w:refund') % 512; // a bucket in [0, 512)
 * ```
 */
export function hash32(text: string, seed = FNV_OFFSET): number {
  return mix(fnv(seed >>> 0, text));
}

/**
 * Calls `visit` with the {@link hash32} of every feature of {@link charNgrams}, without building
 * the feature strings (an order of magnitude faster; what learning IDF over a corpus needs).
 *
 * @example
 * ```ts
 * const hashes: number[] = [];
 * charNgramHashes('退款', (h) => hashes.push(h)); // hashes: the hash32 of '退', '款' and '退款'
 * ```
 */
export function charNgramHashes(text: string, visit: (hash: number) => void, min = 3, max = 5): void {
  for (const segment of segments(text)) {
    const chars = [...segment.text];
    if (segment.cjk) {
      for (let i = 0; i < chars.length; i++) {
        const h = fnv(FNV_OFFSET, chars[i]!);
        visit(mix(h));
        if (i + 1 < chars.length) visit(mix(fnv(h, chars[i + 1]!)));
      }
      continue;
    }
    visit(mix(fnv(fnv(FNV_OFFSET, 'w:'), segment.text)));
    // The padded word is '<', chars, '>'; each start position extends to n = min..max characters.
    const padded = chars.length + 2;
    for (let i = 0; i + min <= padded; i++) {
      let h = FNV_OFFSET;
      for (let j = i; j < i + max && j < padded; j++) {
        h = fnv(h, j === 0 ? '<' : j === padded - 1 ? '>' : chars[j - 1]!);
        if (j - i + 1 >= min) visit(mix(h));
      }
    }
  }
}

/** FNV-1a over the UTF-16 code units of `text`, continuing from `h`. */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The murmur3 finaliser. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
