import { describe, expect, it } from 'vitest';
import { extractAudience, findAges, findGender } from './audience.js';
import { normalizeGoal } from './text.js';

const TODAY = '2026-11-29';

describe('findGender', () => {
  it.each([
    ['women in london', 'female'],
    ['female shoppers', 'female'],
    ['ladies', 'female'],
    ['女性用户', 'female'],
    ['女生', 'female'],
    ['宝妈', 'female'],
    ['men aged 30', 'male'],
    ['male gamers', 'male'],
    ['男性', 'male'],
  ] as const)('%s → %s', (text, gender) => {
    expect(findGender(text)).toBe(gender);
  });

  it('is undefined for both or neither', () => {
    expect(findGender('men and women')).toBeUndefined();
    expect(findGender('everyone in manchester')).toBeUndefined();
    expect(findGender('男女')).toBeUndefined();
  });
});

describe('findAges', () => {
  it.each([
    ['aged 25-40', 25, 40],
    ['ages 18 to 35', 18, 35],
    ['between the ages of 25 and 40', 25, 40],
    ['18 to 35', 18, 35],
    ['25-40岁', 25, 40],
    ['25到40岁', 25, 40],
    ['25-40 year olds', 25, 40],
    ['30岁以上', 30, undefined],
    ['35岁以下', undefined, 35],
    ['30+ men', 30, undefined],
    ['over-30s', 30, undefined],
    ['women over 30', 30, undefined],
    ['under-35s', undefined, 34],
    ['people under 25', undefined, 24],
    ['90后', 27, 36],
    ['00后', 17, 26],
    ['95后', 27, 31],
    ['aged 10-16', 13, 16],
    ['三十岁以上', 30, undefined],
    ['十八岁以上', 18, undefined],
    ['三十五周岁以下', undefined, 35],
    ['二十五到三十五岁', 25, 35],
    ['二十五岁至四十岁', 25, 40],
    ['25岁到40岁', 25, 40],
  ])('%s → %s..%s', (text, min, max) => {
    const ages = findAges(text, TODAY, []);
    expect(ages.ageMin).toBe(min);
    expect(ages.ageMax).toBe(max);
  });

  it('does not read dates, ROAS or durations as ages', () => {
    expect(findAges('roas 20-30', TODAY, [])).toEqual({});
    expect(findAges('budget £20-30 a day', TODAY, [])).toEqual({});
    expect(findAges('run 14-21 days', TODAY, [])).toEqual({});
    expect(findAges('dec 14-20', TODAY, [{ start: 0, end: 9 }])).toEqual({});
  });
});

describe('extractAudience', () => {
  it('reads a Chinese audience', () => {
    const { audience } = extractAudience(normalizeGoal('喜欢露营的25-40岁女性，上海和一线城市'), TODAY, []);
    expect(audience).toEqual({
      gender: 'female',
      ageMin: 25,
      ageMax: 40,
      regions: ['Shanghai', 'tier-1 cities'],
      interests: ['露营'],
    });
  });

  it('reads an English audience', () => {
    const text = normalizeGoal('Women in London and Manchester who like camping and hiking, aged 25-40');
    expect(extractAudience(text, TODAY, []).audience).toEqual({
      gender: 'female',
      ageMin: 25,
      ageMax: 40,
      regions: ['London', 'Manchester'],
      interests: ['camping', 'hiking'],
    });
  });

  it.each([
    ['people interested in cooking', ['cooking']],
    ['fans of board games', ['board games']],
    ['camping enthusiasts', ['camping']],
    ['对烘焙感兴趣的宝妈', ['烘焙']],
    ['对烘焙和咖啡感兴趣', ['烘焙', '咖啡']],
    ['面向露营爱好者', ['露营']],
    ['可爱的杯子', undefined],
  ])('interests: %s', (goal, interests) => {
    expect(extractAudience(normalizeGoal(goal), TODAY, []).audience.interests).toEqual(interests);
  });

  it('leaves out every key the goal does not fill', () => {
    expect(extractAudience(normalizeGoal('sell mugs, £5 a day'), TODAY, []).audience).toEqual({});
  });
});

describe('findGender: more words for women and men', () => {
  it.each([
    ['grandmothers in florida', 'female'],
    ['brides-to-be', 'female'],
    ['nans and grannies', 'female'],
    ['面向女大学生', 'female'],
    ['女白领', 'female'],
    ['孕妇', 'female'],
    ['面向男大学生', 'male'],
    ['grandads', 'male'],
  ] as const)('%s → %s', (text, gender) => {
    expect(findGender(text)).toBe(gender);
  });

  it('reads 男女用户 as both', () => {
    expect(findGender('男女用户都要')).toBeUndefined();
  });
});
