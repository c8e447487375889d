import Taro from '@tarojs/taro';

/**
 * WeChat's own 字体大小 (我 → 设置 → 通用 → 字体大小) as a factor over the standard size.
 * Newer base libraries report `fontSizeScaleFactor` in getAppBaseInfo (1 = standard); older ones
 * only `fontSizeSetting` in px (17 = iOS standard; Android's standard 16 then reads as 1, below
 * the clamp). The browser build has its own text-scale.ts (answers 1).
 */
const STANDARD_SETTING_PX = 17;

interface FontInfo {
  fontSizeScaleFactor?: number;
  fontSizeSetting?: number;
}

function readFontInfo(): FontInfo {
  // Taro's typing of getAppBaseInfo predates these two fields.
  const base = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : {}) as FontInfo;
  if (base.fontSizeScaleFactor || base.fontSizeSetting) return base;
  return { fontSizeSetting: Taro.getSystemInfoSync().fontSizeSetting };
}

export function wechatFontScale(): number {
  if (process.env.TARO_ENV !== 'weapp') return 1;
  try {
    const info = readFontInfo();
    if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor;
    if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) return info.fontSizeSetting / STANDARD_SETTING_PX;
  } catch {
    // An old client without either API: our own large sizes still apply.
  }
  return 1;
}
