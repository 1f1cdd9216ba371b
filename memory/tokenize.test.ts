import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvColumn, parseCsv } from './csv.js';
import { charNgramHashes, charNgrams, hash32, segments, words } from './tokenize.js';

describe('tokenize', () => {
  it('splits latin words and CJK runs, lower-cased and NFKC-normalised', () => {
    expect(segments('Cancel 订单 ＮＯＷ!')).toEqual([
      { text: 'cancel', cjk: false },
      { text: '订单', cjk: true },
      { text: 'now', cjk: false },
    ]);
    expect(words('Refund 退款 #42')).toEqual(['refund', '退', '款', '42']);
  });

  it('makes padded 3-5-grams for words and characters plus bigrams for CJK', () => {
    expect(charNgrams('ab')).toEqual(['w:ab', '<ab', 'ab>', '<ab>']);
    expect(charNgrams('退款')).toEqual(['退', '款', '退款']);
  });

  it('makes the same n-grams whether or not a word has characters outside the BMP', () => {
    // Reference: n-grams over the characters (code points) of the padded word.
    const reference = (word: string) => {
      const padded = ['<', ...word, '>'];
      const out = [`w:${word}`];
      for (let n = 3; n <= 5; n++) {
        for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n).join(''));
      }
      return out;
    };
    // '𐐷𐐸a': Deseret letters, two UTF-16 code units each.
    for (const word of ['mug', 'naïve', 'x', '𐐷𐐸a']) {
      expect(segments(word)).toHaveLength(1);
      expect(charNgrams(word)).toEqual(reference(word));
    }
  });

  it('hashes the n-grams without building them: the same hashes as hash32 of each', () => {
    const hashesOf = (text: string) => {
      const out: number[] = [];
      charNgramHashes(text, (h) => out.push(h));
      return out.sort((a, b) => a - b);
    };
    const sample = 'Cancel my ORDER 订单退款 naïve 𝐀𝐁c 😀x a';
    expect(hashesOf(sample)).toEqual(
      charNgrams(sample)
        .map((f) => hash32(f))
        .sort((a, b) => a - b),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(hashesOf(text)).toEqual(
          charNgrams(text)
            .map((f) => hash32(f))
            .sort((a, b) => a - b),
        );
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const csv = '\ufeffa,b,c\r\n1,"x, ""y""","multi\nline"\n2,,z\n';
    expect(parseCsv(csv)).toEqual([
      { a: '1', b: 'x, "y"', c: 'multi\nline' },
      { a: '2', b: '', c: 'z' },
    ]);
  });

  it('keeps quotes that open mid-field, text after a closing quote and a trailing empty field', () => {
    expect(parseCsv('a,b\nx"1,2"y,"p"q\nlast,\n')).toEqual([
      { a: 'x1,2y', b: 'pq' },
      { a: 'last', b: '' },
    ]);
    expect(parseCsv('a\n"open\nended')).toEqual([{ a: 'open\nended' }]);
  });

  it('reads one column, skipping blank lines, or none when the header lacks it', () => {
    const csv = 'id,text\r\n1,"hello, world"\r\n\r\n2,bye\r\n3\n';
    expect(csvColumn(csv, 'text')).toEqual(['hello, world', 'bye', '']);
    expect(csvColumn(csv, 'nope')).toEqual([]);
  });
});
