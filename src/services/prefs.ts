import Taro from '@tarojs/taro';

/** 关怀模式 (large text), persisted on the phone. */
const CARE_KEY = 'cxt.careMode';

export function loadCareMode(): boolean {
  try {
    return Taro.getStorageSync(CARE_KEY) === true;
  } catch {
    return false;
  }
}

export function saveCareMode(on: boolean): void {
  try {
    Taro.setStorageSync(CARE_KEY, on);
  } catch {
    // Storage full or denied: the switch still works for this session.
  }
}
