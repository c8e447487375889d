/**
 * WeChat's own 字体大小 as a factor over the standard size: the mini-program reads it
 * (text-scale.weapp.ts). The browser build has no such setting and answers 1 (the browser zoom
 * does that job); it is a file of its own so that the browser build does not carry Taro's system
 * info API and the user-agent parser behind it (~25 KB) on 首页's path.
 */
export function wechatFontScale(): number {
  return 1;
}
