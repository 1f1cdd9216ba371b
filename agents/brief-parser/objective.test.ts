import { describe, expect, it } from 'vitest';
import { detectObjective } from './objective.js';

const none = { hasProduct: false, hasRoas: false };

describe('detectObjective', () => {
  it.each([
    ['sell our mugs', 'sales'],
    ['卖羊毛衫', 'sales'],
    ['提升销量', 'sales'],
    ['grow gmv', 'sales'],
    ['drive conversions', 'conversions'],
    ['提高转化', 'conversions'],
    ['get more leads', 'leads'],
    ['drive sign-ups', 'leads'],
    ['收集线索', 'leads'],
    ['留资', 'leads'],
    ['获客', 'leads'],
    ['get app installs', 'installs'],
    ['more downloads', 'installs'],
    ['下载', 'installs'],
    ['brand awareness', 'awareness'],
    ['maximise reach and impressions', 'awareness'],
    ['品牌曝光', 'awareness'],
    ['提升知名度', 'awareness'],
  ] as const)('%s → %s', (text, objective) => {
    expect(detectObjective(text, none)).toEqual({ objective, stated: true });
  });

  it.each([
    ['收集潜在客户信息', 'leads'],
    ['婚纱摄影获取预约', 'leads'],
    ['课程报名', 'leads'],
    ['lead generation for our software', 'leads'],
    ['free consultations for our clinic', 'leads'],
    ['为新上线的外卖app拉新', 'installs'],
    ['get new users for our app', 'installs'],
  ] as const)('%s → %s', (text, objective) => {
    expect(detectObjective(text, none).objective).toBe(objective);
  });

  it('does not read 卖 inside 外卖, 卖场 or 拍卖 as selling', () => {
    expect(detectObjective('外卖平台', none).stated).toBe(false);
    expect(detectObjective('卖场活动', none).stated).toBe(false);
    expect(detectObjective('拍卖会', none).stated).toBe(false);
    expect(detectObjective('卖我们的牙刷', none).objective).toBe('sales');
  });

  it('reads 拉新 as installs only with an app', () => {
    expect(detectObjective('门店拉新', none).stated).toBe(false);
  });

  it('leans to sales for a marketplace or a shopping festival, over a bare CPA', () => {
    const cpa = { ...none, cpaKind: 'conversion' as const };
    expect(detectObjective('空气炸锅推到双十二,cpa低于40元,在京东和天猫投放', cpa).objective).toBe('sales');
    expect(detectObjective('black friday push, cpa under $20', cpa).objective).toBe('sales');
    expect(detectObjective('cpa under $20', cpa).objective).toBe('conversions');
  });

  it('does not count a per-unit cost phrase as an objective', () => {
    expect(detectObjective('每个预约成本不超过200元', { ...none, cpaKind: 'lead' }).objective).toBe('leads');
    expect(detectObjective('每单成本30元', { ...none, cpaKind: 'sale' }).objective).toBe('sales');
  });

  it('lets a strong word beat a weak one', () => {
    expect(detectObjective("sell our brand's candles", none).objective).toBe('sales');
    expect(detectObjective('sell more subscriptions in our app', none).objective).toBe('sales');
  });

  it('reads 推广 with a product as selling it', () => {
    expect(detectObjective('推广陶瓷餐具', { ...none, hasProduct: true }).objective).toBe('sales');
    expect(detectObjective('推广', none).stated).toBe(false);
  });

  it('does not count a cost phrase as an objective', () => {
    expect(detectObjective('获客成本40元以内', { ...none, cpaKind: 'conversion' })).toEqual({
      objective: 'conversions',
      stated: true,
    });
  });

  it('uses the CPA kind and the ROAS target when no word names an objective', () => {
    expect(detectObjective('cost per lead £4', { ...none, cpaKind: 'lead' }).objective).toBe('leads');
    expect(detectObjective('cpi $2', { ...none, cpaKind: 'install' }).objective).toBe('installs');
    expect(detectObjective('roas 3', { ...none, hasRoas: true }).objective).toBe('sales');
    expect(detectObjective('run ads', none)).toEqual({ objective: 'conversions', stated: false });
  });
});

describe('detectObjective: selling stock, booking, buzz', () => {
  const withProduct = { hasProduct: true, hasRoas: false };

  it.each([
    ['clear out our old stock of wall calendars', 'sales'],
    ['shift more of our tin boxes', 'sales'],
    ['shift 500 lamps by christmas', 'sales'],
    ['move our lamp stock', 'sales'],
    ['清仓一批毛绒玩具', 'sales'],
    ['双十二前把灯笼库存清一下', 'sales'],
    ['get people to book a demo', 'leads'],
    ['grow our newsletter list', 'leads'],
    ['build buzz around our launch', 'awareness'],
    ['sell on amazon and etsy', 'sales'],
  ] as const)('%s → %s', (text, objective) => {
    expect(detectObjective(text, none).objective).toBe(objective);
  });

  it('reads 推 and 打广告 with a product as selling it, but not 推荐 or 推特', () => {
    expect(detectObjective('在朋友圈推儿童围裙', withProduct).objective).toBe('sales');
    expect(detectObjective('给我们的香薰机打广告', withProduct).objective).toBe('sales');
    expect(detectObjective('推特上的杯子', withProduct)).toEqual({ objective: 'conversions', stated: false });
  });

  it('does not read moving a campaign as selling', () => {
    expect(detectObjective('move the campaign to december', none).stated).toBe(false);
  });
});
