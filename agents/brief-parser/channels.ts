/**
 * Channels and placements a goal names, as lower-case ids: platforms (`douyin`, `kuaishou`,
 * `wechat`, `xiaohongshu`, `zhihu`, `toutiao`, `tiktok`, `google`, `meta`, `linkedin`, `x` for
 * X/Twitter …), marketplaces (`tmall`, `jd`, `amazon`, `etsy`, `shopee` …) and placement types
 * (`search`, `feed`, `short-video`, `live-stream`, `display`).
 */

/** Canonical channel id and the words that name it. */
export const CHANNELS: readonly (readonly [string, RegExp])[] = [
  ['douyin', /\bdouyin\b|抖音/],
  ['kuaishou', /\bkuaishou\b|\bkwai\b|快手/],
  ['wechat', /\bwechat\b|\bweixin\b|微信|朋友圈|视频号|公众号/],
  ['weibo', /\bweibo\b|微博/],
  ['xiaohongshu', /\bxiaohongshu\b|\bxhs\b|\blittle red book\b|\brednote\b|小红书/],
  ['taobao', /\btaobao\b|淘宝/],
  ['tmall', /\btmall\b|天猫/],
  ['jd', /\bjd(?:\.com)?\b|京东/],
  ['pinduoduo', /\bpinduoduo\b|\bpdd\b|拼多多/],
  ['bilibili', /\bbilibili\b|b站|哔哩哔哩/],
  ['baidu', /\bbaidu\b|百度/],
  ['tiktok', /\btik\s?tok\b/],
  ['instagram', /\binstagram\b|\binsta\b/],
  ['facebook', /\bfacebook\b|\bfb\b/],
  ['youtube', /\byoutube\b|油管/],
  ['google', /\bgoogle\b|谷歌/],
  ['pinterest', /\bpinterest\b|缤趣/],
  ['snapchat', /\bsnapchat\b|\bsnap ads\b|色拉布/],
  ['linkedin', /\blinked\s?in\b|领英/],
  // X is a letter too (`ROAS 5x`): only as a platform name after `on`/`via`, or as `X (Twitter)`.
  [
    'x',
    /\btwitter\b|推特|\bx\.com\b|(?<=\b(?:on|via)\s+)x\b(?![.'-]?\w)|\bx\s*[(/]\s*(?:formerly\s+)?twitter\b/,
  ],
  ['zhihu', /\bzhihu\b|知乎/],
  ['toutiao', /\btoutiao\b|今日头条|头条/],
  ['ocean-engine', /\bocean\s?engine\b|巨量引擎/],
  ['qianchuan', /\bqianchuan\b|巨量千川|千川/],
  ['tencent', /\btencent\s+ads\b|腾讯广告|广点通/],
  ['xianyu', /\bxianyu\b|闲鱼/],
  ['dewu', /\bdewu\b|\bpoizon\b|得物/],
  ['meituan', /\bmeituan\b|美团/],
  ['dianping', /\bdianping\b|大众点评/],
  ['vipshop', /\bvipshop\b|唯品会/],
  // Marketplaces and other platforms in the West and South-East Asia.
  ['amazon', /\bamazon\b|亚马逊/],
  ['ebay', /\bebay\b/],
  ['etsy', /\betsy\b/],
  ['walmart', /\bwalmart\b|沃尔玛/],
  ['temu', /\btemu\b/],
  ['shopee', /\bshopee\b|虾皮/],
  ['lazada', /\blazada\b/],
  // Meta the ad platform, not `meta tags` or `meta descriptions`.
  ['meta', /\bmeta\b(?![\s-]*(?:tags?|descriptions?|data|titles?|keywords?)\b)/],
  ['reddit', /\breddit\b/],
  ['twitch', /\btwitch\b/],
  ['spotify', /\bspotify\b/],
  ['bing', /\bbing\b|\bmicrosoft\s+ads\b|必应/],
  ['whatsapp', /\bwhatsapp\b/],
  ['telegram', /\btelegram\b/],
  ['naver', /\bnaver\b/],
  ['kakao', /\bkakao(?:talk)?\b/],
  ['yahoo', /\byahoo\b|雅虎/],
  ['search', /\bsearch\b|搜索/],
  ['feed', /\bfeeds?\b|信息流/],
  ['short-video', /\bshort[\s-]?videos?\b|短视频/],
  ['live-stream', /\blive[\s-]?stream(?:s|ing)?\b|\blive shopping\b|直播/],
  ['display', /\bdisplay\s+(?:ads?|advertising|network)\b|展示广告/],
];

/**
 * Channel ids in the order the goal names them.
 *
 * @example
 * ```ts
 * findChannels('在抖音和小红书投放,也做google search'); // ['douyin', 'xiaohongshu', 'google', 'search']
 * ```
 */
export function findChannels(text: string): string[] {
  return CHANNELS.map(([id, re]) => ({ id, at: text.search(re) }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((c) => c.id);
}
