import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { charNgrams, segments, words } from './tokenize.js';

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
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const csv = '\ufeffa,b,c\r\n1,"x, ""y""","multi\nline"\n2,,z\n';
    expect(parseCsv(csv)).toEqual([
      { a: '1', b: 'x, "y"', c: 'multi\nline' },
      { a: '2', b: '', c: 'z' },
    ]);
  });
});
