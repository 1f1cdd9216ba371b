/**
 * Channels and placements a goal names, as lower-case ids: platforms (`douyin`, `kuaishou`,
 * `wechat`, `xiaohongshu`, `zhihu`, `tiktok`, `google`, `linkedin`, `x` for X/Twitter …) and
 * placement types (`search`, `feed`, `short-video`, `live-stream`).
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
  ['search', /\bsearch\b|搜索/],
  ['feed', /\bfeeds?\b|信息流/],
  ['short-video', /\bshort[\s-]?videos?\b|短视频/],
  ['live-stream', /\blive[\s-]?stream(?:s|ing)?\b|\blive shopping\b|直播/],
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
