import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BadGoalError,
  CampaignBrief,
  InvalidInputError,
  type Audience,
  type Budget,
  type Money,
  type Objective,
  type Schedule,
} from '../../src/core/index.js';
import { MAX_GOAL_LENGTH, parseBrief, type BriefParserContext } from './parse-brief.js';

const TODAY = '2026-11-29'; // a Sunday
const ctx: BriefParserContext = { today: TODAY, defaultCurrency: 'CNY' };

interface Case {
  goal: string;
  today?: string;
  language: 'en' | 'zh' | 'mixed';
  budget: Budget;
  objective: Objective;
  /** `null`: the brief must have no CPA target. */
  cpa: Money | null;
  /** `null`: the brief must have no ROAS target. */
  roas: number | null;
  schedule?: Schedule;
  audience?: Audience;
  channels?: string[];
  productQuery?: string;
}

const b = (amount: number, currency: string, period: Budget['period']): Budget => ({
  amount,
  currency,
  period,
});
const m = (amount: number, currency: string): Money => ({ amount, currency });

const ENGLISH: Case[] = [
  {
    goal: 'Sell our ceramic tableware this month, budget 3000 GBP per day, keep CPA under 12 GBP',
    language: 'en',
    budget: b(3000, 'GBP', 'day'),
    objective: 'sales',
    cpa: m(12, 'GBP'),
    roas: null,
    schedule: { start: '2026-11-29', days: 2 },
    productQuery: 'ceramic tableware',
  },
  {
    goal: 'Sell our new merino sweaters this autumn, ¥50,000 a day, CPA under ¥40',
    language: 'en',
    budget: b(50_000, 'CNY', 'day'),
    objective: 'sales',
    cpa: m(40, 'CNY'),
    roas: null,
    schedule: { start: '2026-11-29', days: 2 },
    productQuery: 'merino sweaters',
  },
  {
    goal: 'Promote Christmas candles on Douyin and Xiaohongshu, ¥3000/day, ROAS of 300%, for 10 days from tomorrow',
    language: 'en',
    budget: b(3000, 'CNY', 'day'),
    objective: 'sales',
    cpa: null,
    roas: 3,
    schedule: { start: '2026-11-30', days: 10 },
    channels: ['douyin', 'xiaohongshu'],
    productQuery: 'Christmas candles',
  },
  {
    goal: 'Get app installs in the UK, $2k total, cost per install ≤ $1.5, next 3 weeks',
    language: 'en',
    budget: b(2000, 'USD', 'total'),
    objective: 'installs',
    cpa: m(1.5, 'USD'),
    roas: null,
    schedule: { start: '2026-11-29', days: 21 },
    audience: { regions: ['United Kingdom'] },
  },
  {
    goal: 'Drive sign-ups among women aged 25-40 in London, 800 pounds a week, cost per lead under £4',
    language: 'en',
    budget: b(800, 'GBP', 'week'),
    objective: 'leads',
    cpa: m(4, 'GBP'),
    roas: null,
    audience: { gender: 'female', ageMin: 25, ageMax: 40, regions: ['London'] },
  },
  {
    goal: 'Boost brand awareness in tier-1 cities with 50k CNY, starting Dec 1 for two weeks',
    language: 'en',
    budget: b(50_000, 'CNY', 'total'),
    objective: 'awareness',
    cpa: null,
    roas: null,
    schedule: { start: '2026-12-01', days: 14 },
    audience: { regions: ['tier-1 cities'] },
  },
  {
    goal: 'Sell our mugs with fifty thousand pounds in total over the next 3 weeks',
    language: 'en',
    budget: b(50_000, 'GBP', 'total'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { start: '2026-11-29', days: 21 },
    productQuery: 'mugs',
  },
  {
    goal: 'Sell tea, ￥3000 a day, starting next Monday',
    language: 'en',
    budget: b(3000, 'CNY', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { start: '2026-11-30' },
    productQuery: 'tea',
  },
  {
    goal: 'Sell tea in Hong Kong, HK$500 per day, from 2026-12-01 to 2026-12-14',
    language: 'en',
    budget: b(500, 'HKD', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { start: '2026-12-01', days: 14 },
    audience: { regions: ['Hong Kong'] },
  },
  {
    goal: 'Sell candles for 5000 yuan total this autumn, CPA of 30',
    language: 'en',
    budget: b(5000, 'CNY', 'total'),
    objective: 'sales',
    cpa: m(30, 'CNY'),
    roas: null,
    schedule: { start: '2026-11-29', days: 2 },
  },
  {
    goal: 'Sell jam, 3000 GBP weekly, ROAS 4, from Dec 1',
    language: 'en',
    budget: b(3000, 'GBP', 'week'),
    objective: 'sales',
    cpa: null,
    roas: 4,
    schedule: { start: '2026-12-01' },
  },
  {
    goal: 'Sell plates for a fortnight, £300 a day, cost per acquisition 5',
    language: 'en',
    budget: b(300, 'GBP', 'day'),
    objective: 'sales',
    cpa: m(5, 'GBP'),
    roas: null,
    schedule: { days: 14 },
  },
  {
    goal: 'Sell chocolate in Shanghai and Beijing to people interested in cooking, keep CPA below ¥40, ¥8000/day',
    language: 'en',
    budget: b(8000, 'CNY', 'day'),
    objective: 'sales',
    cpa: m(40, 'CNY'),
    roas: null,
    audience: { regions: ['Shanghai', 'Beijing'], interests: ['cooking'] },
  },
  {
    goal: 'Sell our Christmas lights before Christmas on TikTok and Instagram, 300 quid a day, women over 30',
    language: 'en',
    budget: b(300, 'GBP', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { start: '2026-11-29', days: 26 },
    audience: { gender: 'female', ageMin: 30 },
    channels: ['tiktok', 'instagram'],
  },
  {
    goal: 'Promote our scarves to 30+ men in Manchester for a couple of weeks, budget 2.5k GBP',
    language: 'en',
    budget: b(2500, 'GBP', 'total'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { days: 14 },
    audience: { gender: 'male', ageMin: 30, regions: ['Manchester'] },
  },
  {
    goal: 'Sell teapots to under-35s, $50 per day, on Google search',
    language: 'en',
    budget: b(50, 'USD', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
    audience: { ageMax: 34 },
    channels: ['google', 'search'],
  },
  {
    goal: 'Get more leads for our wedding planning, £1,000 per month, CPL £20',
    language: 'en',
    budget: b(1000, 'GBP', 'month'),
    objective: 'leads',
    cpa: m(20, 'GBP'),
    roas: null,
  },
  {
    goal: 'Promote our app, $1000 a day, CPI under $2',
    language: 'en',
    budget: b(1000, 'USD', 'day'),
    objective: 'installs',
    cpa: m(2, 'USD'),
    roas: null,
  },
  {
    goal: 'Sell our merino sweaters in December, ¥10,000 per day',
    language: 'en',
    budget: b(10_000, 'CNY', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { start: '2026-12-01', days: 31 },
  },
  {
    goal: 'Sell gift boxes to people who like baking and coffee, €500 daily, 3x ROAS, until Dec 24',
    language: 'en',
    budget: b(500, 'EUR', 'day'),
    objective: 'sales',
    cpa: null,
    roas: 3,
    schedule: { start: '2026-11-29', days: 26 },
    audience: { interests: ['baking', 'coffee'] },
  },
  {
    // No period and no duration: a daily budget.
    goal: 'Sell mugs, 800 pounds, ROI 2.5',
    language: 'en',
    budget: b(800, 'GBP', 'day'),
    objective: 'sales',
    cpa: null,
    roas: 2.5,
  },
  {
    // A number with no currency takes the default currency; the CPA takes the budget's.
    goal: 'Sell our candles, budget 5000, CPA 10',
    language: 'en',
    budget: b(5000, 'CNY', 'day'),
    objective: 'sales',
    cpa: m(10, 'CNY'),
    roas: null,
  },
  {
    goal: 'Drive conversions for our ceramic mugs with RMB 5000 a day and a CPA of 25',
    language: 'en',
    budget: b(5000, 'CNY', 'day'),
    objective: 'conversions',
    cpa: m(25, 'CNY'),
    roas: null,
    productQuery: 'ceramic mugs',
  },
  {
    goal: 'Sell mugs in the US and Canada, USD 400 a day, on Facebook and Instagram, ages 18 to 35',
    language: 'en',
    budget: b(400, 'USD', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
    audience: { ageMin: 18, ageMax: 35, regions: ['United States', 'Canada'] },
    channels: ['facebook', 'instagram'],
  },
  {
    // A price is not the budget.
    goal: 'Sell our mugs priced at £5, budget £200 a day',
    language: 'en',
    budget: b(200, 'GBP', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
  },
  {
    goal: 'Spend ¥5000 a day to get leads at under ¥30 for our tutoring service',
    language: 'en',
    budget: b(5000, 'CNY', 'day'),
    objective: 'leads',
    cpa: m(30, 'CNY'),
    roas: null,
  },
  {
    // The budget names no currency; the goal names one elsewhere, so the budget takes it.
    goal: 'Sell candles, budget 5000, CPA £4',
    language: 'en',
    budget: b(5000, 'GBP', 'day'),
    objective: 'sales',
    cpa: m(4, 'GBP'),
    roas: null,
  },
  {
    goal: 'Sell our knitted hats for one month starting Dec 1, 2026, €200 per day, women aged 25-40 in Germany',
    language: 'en',
    budget: b(200, 'EUR', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { start: '2026-12-01', days: 31 },
    audience: { gender: 'female', ageMin: 25, ageMax: 40, regions: ['Germany'] },
    productQuery: 'knitted hats',
  },
  {
    goal: 'Sell garden chairs this spring, £2000 a week',
    today: '2026-03-10',
    language: 'en',
    budget: b(2000, 'GBP', 'week'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { start: '2026-03-10', days: 83 },
  },
];

const CHINESE: Case[] = [
  {
    goal: '推广我们的陶瓷餐具,每天预算3000英镑,CPA不超过12英镑,持续两周',
    language: 'zh',
    budget: b(3000, 'GBP', 'day'),
    objective: 'sales',
    cpa: m(12, 'GBP'),
    roas: null,
    schedule: { days: 14 },
    productQuery: '陶瓷餐具',
  },
  {
    goal: '推广我们的陶瓷餐具，每天预算3000英镑，CPA不超过12英镑，持续两周',
    language: 'zh',
    budget: b(3000, 'GBP', 'day'),
    objective: 'sales',
    cpa: m(12, 'GBP'),
    roas: null,
    schedule: { days: 14 },
    productQuery: '陶瓷餐具',
  },
  {
    goal: '5万元每天推广圣诞蜡烛给25-40岁女性，投产比3',
    language: 'zh',
    budget: b(50_000, 'CNY', 'day'),
    objective: 'sales',
    cpa: null,
    roas: 3,
    audience: { gender: 'female', ageMin: 25, ageMax: 40 },
    productQuery: '圣诞蜡烛',
  },
  {
    goal: '卖羊毛衫，日预算1.5万，获客成本40元以内，下周一开始，持续一个月',
    language: 'zh',
    budget: b(15_000, 'CNY', 'day'),
    objective: 'sales',
    cpa: m(40, 'CNY'),
    roas: null,
    schedule: { start: '2026-11-30', days: 30 },
    productQuery: '羊毛衫',
  },
  {
    goal: '在小红书和抖音推广我们的新款马克杯，预算RMB 5000，ROI不低于2，12月1日开始，为期10天',
    language: 'zh',
    budget: b(5000, 'CNY', 'total'),
    objective: 'sales',
    cpa: null,
    roas: 2,
    schedule: { start: '2026-12-01', days: 10 },
    channels: ['xiaohongshu', 'douyin'],
    productQuery: '马克杯',
  },
  {
    goal: '推广露营折叠椅，喜欢露营的30岁以上男性，北京上海，每周2万元，单次转化成本低于60元',
    language: 'zh',
    budget: b(20_000, 'CNY', 'week'),
    objective: 'sales',
    cpa: m(60, 'CNY'),
    roas: null,
    audience: { gender: 'male', ageMin: 30, regions: ['Beijing', 'Shanghai'], interests: ['露营'] },
    productQuery: '露营折叠椅',
  },
  {
    goal: '获取线索，3千元一共，持续两周，一线城市和二线城市',
    language: 'zh',
    budget: b(3000, 'CNY', 'total'),
    objective: 'leads',
    cpa: null,
    roas: null,
    schedule: { days: 14 },
    audience: { regions: ['tier-1 cities', 'tier-2 cities'] },
  },
  {
    goal: '曝光我们的品牌，每月预算20万，持续三个月，在微博和B站',
    language: 'zh',
    budget: b(200_000, 'CNY', 'month'),
    objective: 'awareness',
    cpa: null,
    roas: null,
    // Three calendar months from today: 2026-11-29 to 2027-02-28.
    schedule: { days: 91 },
    channels: ['weibo', 'bilibili'],
  },
  {
    goal: '卖巧克力，日预算3000元，对烘焙感兴趣的宝妈，抖音直播，持续两周',
    language: 'zh',
    budget: b(3000, 'CNY', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { days: 14 },
    audience: { gender: 'female', interests: ['烘焙'] },
    channels: ['douyin', 'live-stream'],
  },
  {
    goal: '推广蜡烛，港币800每天，明天开始，10天',
    language: 'zh',
    budget: b(800, 'HKD', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { start: '2026-11-30', days: 10 },
  },
  {
    goal: '推广我们的陶瓷餐具，总预算10万元，从12月1日到12月31日，投产比1:4',
    language: 'zh',
    budget: b(100_000, 'CNY', 'total'),
    objective: 'sales',
    cpa: null,
    roas: 4,
    schedule: { start: '2026-12-01', days: 31 },
  },
  {
    goal: '下载我们的App，每天预算8000元，激活成本不超过15元，本月',
    language: 'zh',
    budget: b(8000, 'CNY', 'day'),
    objective: 'installs',
    cpa: m(15, 'CNY'),
    roas: null,
    schedule: { start: '2026-11-29', days: 2 },
  },
  {
    goal: '推广我们的香薰蜡烛，今年秋天，每天500块，单个转化成本20元以内，江浙沪的女性',
    language: 'zh',
    budget: b(500, 'CNY', 'day'),
    objective: 'sales',
    cpa: m(20, 'CNY'),
    roas: null,
    schedule: { start: '2026-11-29', days: 2 },
    audience: { gender: 'female', regions: ['Jiangsu', 'Zhejiang', 'Shanghai'] },
  },
  {
    goal: '卖茶叶，200美元每天，ROI 3，下沉市场，快手',
    language: 'zh',
    budget: b(200, 'USD', 'day'),
    objective: 'sales',
    cpa: null,
    roas: 3,
    audience: { regions: ['lower-tier cities'] },
    channels: ['kuaishou'],
  },
  {
    // A duration and no period: the amount covers the two weeks.
    goal: '推广毛衣，3000英镑，两周',
    language: 'zh',
    budget: b(3000, 'GBP', 'total'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { days: 14 },
  },
  {
    goal: '品牌曝光，5000欧元每周，微信朋友圈',
    language: 'zh',
    budget: b(5000, 'EUR', 'week'),
    objective: 'awareness',
    cpa: null,
    roas: null,
    channels: ['wechat'],
  },
  {
    goal: '留资获客，日预算2万，线索成本不超过50元，广州深圳',
    language: 'zh',
    budget: b(20_000, 'CNY', 'day'),
    objective: 'leads',
    cpa: m(50, 'CNY'),
    roas: null,
    audience: { regions: ['Guangzhou', 'Shenzhen'] },
  },
  {
    goal: '推广我们的保温杯，预算五万元，12月1日开始',
    language: 'zh',
    budget: b(50_000, 'CNY', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { start: '2026-12-01' },
  },
  {
    goal: '卖巧克力,每天3000,CPA 20',
    language: 'zh',
    budget: b(3000, 'CNY', 'day'),
    objective: 'sales',
    cpa: m(20, 'CNY'),
    roas: null,
  },
  {
    goal: '下周五开始推广花园椅，每天1000元，持续10天',
    today: '2026-03-10',
    language: 'zh',
    budget: b(1000, 'CNY', 'day'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { start: '2026-03-20', days: 10 },
  },
];

const MIXED: Case[] = [
  {
    goal: 'Sell 陶瓷餐具 on Douyin, budget ¥5000/day, keep CPA below ¥40',
    language: 'mixed',
    budget: b(5000, 'CNY', 'day'),
    objective: 'sales',
    cpa: m(40, 'CNY'),
    roas: null,
    channels: ['douyin'],
    productQuery: '陶瓷餐具',
  },
  {
    goal: '推广我们的ceramic mugs，每天5w，CPA不超过30块',
    language: 'mixed',
    budget: b(50_000, 'CNY', 'day'),
    objective: 'sales',
    cpa: m(30, 'CNY'),
    roas: null,
    productQuery: 'ceramic mugs',
  },
  {
    goal: 'Sell mugs, 50k CNY overall, 12月1日-12月14日',
    language: 'mixed',
    budget: b(50_000, 'CNY', 'total'),
    objective: 'sales',
    cpa: null,
    roas: null,
    schedule: { start: '2026-12-01', days: 14 },
  },
  {
    goal: '帮我promote our Christmas candles on 小红书, daily budget 2000元, CPA under 15',
    language: 'mixed',
    budget: b(2000, 'CNY', 'day'),
    objective: 'sales',
    cpa: m(15, 'CNY'),
    roas: null,
    channels: ['xiaohongshu'],
    productQuery: 'Christmas candles',
  },
  {
    goal: '在TikTok推广我们的candles，$300 a day，ROAS 3',
    language: 'mixed',
    budget: b(300, 'USD', 'day'),
    objective: 'sales',
    cpa: null,
    roas: 3,
    channels: ['tiktok'],
    productQuery: 'candles',
  },
  {
    // A budget range is budgeted at its lower end; a CPA range caps at its upper end.
    goal: 'Sell mugs, budget ¥3,000-5,000 a day, CPA 30-40元',
    language: 'mixed',
    budget: b(3000, 'CNY', 'day'),
    objective: 'sales',
    cpa: m(40, 'CNY'),
    roas: null,
  },
];

/** Goals written as marketers write them: typos, European and colloquial numbers, new platforms. */
const AS_WRITTEN: Case[] = [
  {
    goal: 'Sell our linen aprons in Cardiff and Dublin, budjet €1.200 a week, cost of acquisition €7, through the end of December',
    language: 'en',
    budget: b(1200, 'EUR', 'week'),
    objective: 'sales',
    cpa: m(7, 'EUR'),
    roas: null,
    schedule: { start: '2026-11-29', days: 33 },
    audience: { regions: ['Cardiff', 'Dublin'] },
    productQuery: 'linen aprons',
  },
  {
    goal: 'Seling beeswax wraps to grandmothers, dialy budget 2k5 GBP, 4:1 ROAS, over the next fortnight',
    language: 'en',
    budget: b(2500, 'GBP', 'day'),
    objective: 'sales',
    cpa: null,
    roas: 4,
    schedule: { start: '2026-11-29', days: 14 },
    audience: { gender: 'female' },
    productQuery: 'beeswax wraps',
  },
  {
    goal: "Get people to book a demo of our stock-taking software, $90/day, a lead shouldn't cost more than $20, on Meta and Reddit",
    language: 'en',
    budget: b(90, 'USD', 'day'),
    objective: 'leads',
    cpa: m(20, 'USD'),
    roas: null,
    channels: ['meta', 'reddit'],
  },
  {
    goal: '卖羊毛围巾，一天1万2，ROI冲到3，目标沈阳的女白领，在得物投',
    language: 'zh',
    budget: b(12_000, 'CNY', 'day'),
    objective: 'sales',
    cpa: null,
    roas: 3,
    audience: { gender: 'female', regions: ['Shenyang'] },
    channels: ['dewu'],
    productQuery: '羊毛围巾',
  },
  {
    goal: '推一下我们的暖手宝，月度预算3万5，每单成本不超过40，到下个月底',
    language: 'zh',
    budget: b(35_000, 'CNY', 'month'),
    objective: 'sales',
    cpa: m(40, 'CNY'),
    roas: null,
    schedule: { start: '2026-11-29', days: 33 },
    productQuery: '暖手宝',
  },
  {
    goal: '清仓一批保温杯，每天能花两千左右，投产1比3，投放湖南、湖北',
    language: 'zh',
    budget: b(2000, 'CNY', 'day'),
    objective: 'sales',
    cpa: null,
    roas: 3,
    audience: { regions: ['Hunan', 'Hubei'] },
  },
  {
    goal: '给我们的 wax melts 推一波，budget 一共 €2.000，ROAS 要到 4，20th-31st December',
    language: 'mixed',
    budget: b(2000, 'EUR', 'total'),
    objective: 'sales',
    cpa: null,
    roas: 4,
    schedule: { start: '2026-12-20', days: 12 },
    productQuery: 'wax melts',
  },
  {
    goal: 'Sell 羊绒袜 on Amazon 和 Etsy，每个订单 cost 不超过 6 美元，一周 900 美元，女大学生',
    language: 'mixed',
    budget: b(900, 'USD', 'week'),
    objective: 'sales',
    cpa: m(6, 'USD'),
    roas: null,
    audience: { gender: 'female' },
    channels: ['amazon', 'etsy'],
    productQuery: '羊绒袜',
  },
];

describe.each([
  ['English', ENGLISH],
  ['Chinese', CHINESE],
  ['mixed', MIXED],
  ['as-written', AS_WRITTEN],
])('parseBrief: %s goals', (_, cases) => {
  it.each(cases)('$goal', (c) => {
    const brief = parseBrief(c.goal, { ...ctx, today: c.today ?? TODAY });
    expect(() => CampaignBrief.parse(brief)).not.toThrow();
    expect(brief.goal).toBe(c.goal);
    expect(brief.language).toBe(c.language);
    expect(brief.budget).toEqual(c.budget);
    expect(brief.objective).toBe(c.objective);
    if (c.cpa === null) expect(brief.targetCpa).toBeUndefined();
    else expect(brief.targetCpa).toEqual(c.cpa);
    if (c.roas === null) expect(brief.targetRoas).toBeUndefined();
    else expect(brief.targetRoas).toBe(c.roas);
    expect(brief.schedule).toEqual(c.schedule ?? {});
    expect(brief.audience).toEqual(c.audience ?? {});
    expect(brief.channels).toEqual(c.channels ?? []);
    if (c.productQuery !== undefined) expect(brief.productQuery).toBe(c.productQuery);
  });
});

describe('parseBrief: products', () => {
  it('sends the English translation of a Chinese product phrase to the catalog search', () => {
    const queries: string[] = [];
    const brief = parseBrief('推广我们的陶瓷餐具，每天预算3000英镑，CPA不超过12英镑，持续两周', {
      ...ctx,
      matchProducts: (q) => {
        queries.push(q);
        return ['22720', '21212'];
      },
    });
    expect(queries).toEqual(['ceramic tableware']);
    expect(brief.productQuery).toBe('陶瓷餐具');
    expect(brief.productIds).toEqual(['22720', '21212']);
  });

  it('sends an English phrase as written', () => {
    const queries: string[] = [];
    parseBrief('Sell our ceramic tableware this month, budget 3000 GBP per day', {
      ...ctx,
      matchProducts: (q) => (queries.push(q), []),
    });
    expect(queries).toEqual(['ceramic tableware']);
  });

  it('has no product ids without a catalog search, and none when the goal names no product', () => {
    expect(parseBrief('Sell our candles, £50 a day', ctx).productIds).toEqual([]);
    let called = false;
    const brief = parseBrief('Get app installs, $500 a day', {
      ...ctx,
      matchProducts: () => ((called = true), ['x']),
    });
    expect(called).toBe(false);
    expect(brief.productQuery).toBeUndefined();
    expect(brief.productIds).toEqual([]);
  });
});

function badGoal(goal: string, context: BriefParserContext = ctx): BadGoalError {
  try {
    parseBrief(goal, context);
  } catch (error) {
    expect(error).toBeInstanceOf(BadGoalError);
    return error as BadGoalError;
  }
  throw new Error(`expected a BadGoalError for ${JSON.stringify(goal)}`);
}

describe('parseBrief: bad goals', () => {
  it.each(['', '   ', '\n\t '])('refuses an empty goal %j', (goal) => {
    const error = badGoal(goal);
    expect(error.message).toMatch(/empty/);
    expect(error.missing).toEqual([]);
  });

  it.each(['asdf qwer', '!!!', 'I like turtles', '今天天气很好', '12345'])('refuses nonsense: %s', (goal) => {
    const error = badGoal(goal);
    expect(error.message).toMatch(/as a campaign goal/);
    expect(error.message).toContain('Example of a goal that works');
  });

  it.each([
    ['Sell our ceramic tableware this month', ['budget']],
    ['推广我们的陶瓷餐具，持续两周', ['budget']],
    ['Sell mugs, CPA under £5', ['budget']],
    ['Sell tableware priced at £20', ['budget']],
    ['Run ads on Douyin', ['budget', 'objective']],
    ['Run ads on Douyin with ¥5000 a day', ['objective']],
  ])('lists what is missing: %s', (goal, missing) => {
    const error = badGoal(goal);
    expect(error.missing).toEqual(missing);
    expect(error.message).toContain('missing');
    if (missing.includes('budget')) expect(error.message).toMatch(/budget \(an amount with a currency/);
  });

  it.each([
    ['budget -500 GBP to sell mugs', /budget must be more than zero; received -500 GBP/],
    ['Sell mugs, budget 0 GBP', /budget must be more than zero; received 0 GBP/],
    ['卖杯子，预算-300元每天', /budget must be more than zero; received -300 CNY/],
    ['Sell mugs, £500 a day, CPA £0', /CPA target must be more than zero/],
    ['Sell mugs, £500 a day, ROAS 0', /ROAS target must be more than zero/],
  ])('refuses a zero or negative amount: %s', (goal, message) => {
    expect(badGoal(goal).message).toMatch(message);
  });

  it.each([
    [
      'Sell tea caddies, £400 a day, total budget £2,000 for the whole of December',
      'The budgets contradict each other: 31 days at 400 GBP a day come to 12,400 GBP, more than the total budget of 2,000 GBP.',
    ],
    [
      'Sell tea caddies, total budget £2,000, daily budget £3,000',
      'The budgets contradict each other: the daily budget of 3,000 GBP is more than the total budget of 2,000 GBP.',
    ],
    [
      '卖茶叶罐，每天预算3000元，日预算6000元',
      'The budgets contradict each other: the goal gives two different daily budgets, 3,000 CNY and 6,000 CNY.',
    ],
    [
      'Sell tea caddies, weekly budget $900, $1,200 a week, CPA $8',
      'The budgets contradict each other: the goal gives two different weekly budgets, 900 USD and 1,200 USD.',
    ],
    [
      'Sell tea caddies, £400 a day, total budget £0',
      'The total budget must be more than zero; received 0 GBP.',
    ],
  ])('refuses budgets that contradict each other, naming them: %s', (goal, message) => {
    const error = badGoal(goal);
    expect(error.message).toContain(message);
    expect(error.message).toContain('Example of a goal that works');
    expect(error.missing).toEqual([]);
  });

  it('accepts budgets that fit together and keeps the first as the budget', () => {
    expect(parseBrief('Sell tea caddies, £300 a day, total budget £9,000 for December', ctx).budget).toEqual(
      b(300, 'GBP', 'day'),
    );
    expect(parseBrief('卖茶叶罐，每天预算3000元，每周预算2万元', ctx).budget).toEqual(b(3000, 'CNY', 'day'));
  });

  it('refuses a goal over 2,000 characters', () => {
    const goal = `Sell our ceramic tableware, £500 a day. ${'Really. '.repeat(300)}`;
    expect(goal.length).toBeGreaterThan(MAX_GOAL_LENGTH);
    expect(badGoal(goal).message).toMatch(/limit is 2000/);
  });

  it('refuses a start in the past and a date that does not exist', () => {
    expect(badGoal('Sell mugs, $100/day, starting 2020-01-01').message).toMatch(/before today/);
    expect(badGoal('卖杯子，每天500元，2月30日开始').message).toMatch(/"2月30日" is not a date/);
  });

  it('rejects a malformed context as invalid input, not a bad goal', () => {
    expect(() => parseBrief('Sell mugs, £5 a day', { today: '29/11/2026', defaultCurrency: 'CNY' })).toThrow(
      InvalidInputError,
    );
    expect(() => parseBrief('Sell mugs, £5 a day', { today: TODAY, defaultCurrency: 'yuan' })).toThrow(
      InvalidInputError,
    );
  });
});

describe('parseBrief: any input', () => {
  const pieces = [
    'sell',
    'our',
    'mugs',
    '推广',
    '陶瓷餐具',
    '¥',
    '$',
    '£',
    '5000',
    '1.5万',
    '-',
    ',',
    '，',
    'a day',
    '每天',
    'cpa',
    'under',
    'roas',
    '300%',
    'for',
    'two weeks',
    '持续两周',
    '12月1日',
    'dec 1',
    'next monday',
    '下周一',
    'this month',
    'aged',
    '25-40',
    '岁',
    'women',
    '上海',
    'london',
    'douyin',
    '抖音',
    'who like',
    'camping',
    '99999999999999999999',
    'for 99999 years',
    '10000年后',
    '2月29日',
    '2026-02-29',
  ];
  const goal = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((words) => words.join(' ')),
  );

  it('returns a valid brief or throws a BadGoalError, never anything else', () => {
    fc.assert(
      fc.property(goal, (g) => {
        try {
          const brief = parseBrief(g, ctx);
          expect(CampaignBrief.safeParse(brief).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(BadGoalError);
        }
      }),
      { numRuns: 400, seed: 20261129 },
    );
  });

  it('reads a goal of the maximum length quickly', () => {
    const goal = `Sell our mugs, £500 a day, ${'one-two 1-2 aged 25-40 who like '.repeat(60)}`.slice(
      0,
      MAX_GOAL_LENGTH,
    );
    const started = performance.now();
    parseBrief(goal, ctx);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
