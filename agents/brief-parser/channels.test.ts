import { describe, expect, it } from 'vitest';
import { findChannels } from './channels.js';

describe('findChannels', () => {
  it.each([
    ['on douyin and kuaishou', ['douyin', 'kuaishou']],
    ['抖音和快手', ['douyin', 'kuaishou']],
    ['微信朋友圈', ['wechat']],
    ['weibo, 小红书', ['weibo', 'xiaohongshu']],
    ['淘宝直播', ['taobao', 'live-stream']],
    ['tiktok and instagram', ['tiktok', 'instagram']],
    ['facebook feed', ['facebook', 'feed']],
    ['google search ads', ['google', 'search']],
    ['short video and live streaming', ['short-video', 'live-stream']],
    ['短视频信息流', ['short-video', 'feed']],
    ['google search and linkedin', ['google', 'search', 'linkedin']],
    ['领英和知乎', ['linkedin', 'zhihu']],
    ['on x and pinterest', ['x', 'pinterest']],
    ['twitter, snapchat and youtube', ['x', 'snapchat', 'youtube']],
    ['x (formerly twitter)', ['x']],
    ['b站和zhihu', ['bilibili', 'zhihu']],
    ['sell mugs', []],
  ])('%s', (text, expected) => {
    expect(findChannels(text)).toEqual(expected);
  });

  it('does not see channels inside other words', () => {
    expect(findChannels('research our olive oils')).toEqual([]);
    expect(findChannels('roas 5x on a 2x budget, x-ray machines')).toEqual([]);
  });
});

describe('findChannels: marketplaces and more platforms', () => {
  it.each([
    ['amazon and google search', ['amazon', 'google', 'search']],
    ['etsy and pinterest', ['etsy', 'pinterest']],
    ['amazon and ebay', ['amazon', 'ebay']],
    ['shopee and lazada', ['shopee', 'lazada']],
    ['meta and reddit', ['meta', 'reddit']],
    ['在天猫和得物', ['tmall', 'dewu']],
    ['在今日头条投放', ['toutiao']],
    ['闲鱼、美团、大众点评', ['xianyu', 'meituan', 'dianping']],
    ['巨量引擎和腾讯广告', ['ocean-engine', 'tencent']],
    ['amazon 和 temu', ['amazon', 'temu']],
    ['google display ads', ['google', 'display']],
  ])('%s', (text, expected) => {
    expect(findChannels(text)).toEqual(expected);
  });

  it('does not read meta tags as Meta', () => {
    expect(findChannels('an seo audit of meta tags')).toEqual([]);
  });
});
