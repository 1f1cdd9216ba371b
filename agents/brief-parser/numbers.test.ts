import { describe, expect, it } from 'vitest';
import { findNumbers, parseAnyNumber, parseChineseNumber, parseEnglishNumber } from './numbers.js';

describe('parseEnglishNumber', () => {
  it.each([
    ['one', 1],
    ['twelve', 12],
    ['seventeen', 17],
    ['twenty-five', 25],
    ['fifty thousand', 50_000],
    ['a hundred and twenty-five', 125],
    ['two million', 2_000_000],
    ['three hundred thousand', 300_000],
  ])('%s = %d', (words, value) => {
    expect(parseEnglishNumber(words)).toBe(value);
  });

  it('refuses words that are not numbers', () => {
    expect(parseEnglishNumber('fifty mugs')).toBeUndefined();
    expect(parseEnglishNumber('')).toBeUndefined();
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['五', 5],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十五', 25],
    ['一百零五', 105],
    ['三千', 3000],
    ['五万', 50_000],
    ['十万', 100_000],
    ['两万五千', 25_000],
    ['一万五', 15_000],
    ['两千五', 2500],
    ['一亿五千万', 150_000_000],
    ['二〇二六', 2026],
    ['二点五', 2.5],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it('refuses other characters', () => {
    expect(parseChineseNumber('五个')).toBeUndefined();
  });
});

describe('findNumbers', () => {
  it('finds digits, English words and Chinese numerals in order', () => {
    const found = findNumbers('budget fifty thousand, cpa 12, 持续两周, 50,000.5');
    expect(found.map((n) => [n.value, n.kind])).toEqual([
      [50_000, 'en'],
      [12, 'digits'],
      [2, 'zh'],
      [50_000.5, 'digits'],
    ]);
  });

  it('does not read 万圣节 as ten thousand', () => {
    expect(findNumbers('万圣节')).toEqual([]);
  });

  it('parseAnyNumber reads each way of writing', () => {
    expect([parseAnyNumber('12'), parseAnyNumber('twelve'), parseAnyNumber('十二')]).toEqual([12, 12, 12]);
  });
});

describe('findNumbers: how Europeans and Chinese speakers write numbers', () => {
  const values = (text: string) => findNumbers(text).map((n) => n.value);

  it('reads dots that group thousands the European way', () => {
    expect(values('€2.000 per week')).toEqual([2000]);
    expect(values('1.200.000 jpy')).toEqual([1_200_000]);
    expect(values('€12.500 total')).toEqual([12_500]);
  });

  it('keeps a dot a decimal point where grouping cannot be meant', () => {
    expect(values('cpi $0.125')).toEqual([0.125]);
    expect(values('roas 2.5, $1.50')).toEqual([2.5, 1.5]);
    // A magnitude after it: 1.500k is one and a half thousand.
    expect(values('1.500k')).toEqual([1.5]);
  });

  it('reads a decimal comma before a magnitude', () => {
    expect(values('1,5k eur')).toEqual([1.5]);
    expect(values('50,000 and 3,5 mio')).toEqual([50_000, 3.5]);
  });

  it('does not read 万一 ("in case") as a number', () => {
    expect(
      findNumbers('万一超预算')
        .filter((n) => n.kind === 'zh')
        .map((n) => n.value),
    ).toEqual([1]);
  });
});
