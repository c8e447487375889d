import Taro from '@tarojs/taro';
import { openPage } from './navigation';

const ROOT = '/subpackages/village/pages';

/** Villager pages kept out of the main package (opened from 首页 and the calendar). */
export const VILLAGE_PAGES = {
  nominate: `${ROOT}/nominate/index`,
  verify: `${ROOT}/verify/index`,
} as const;

export function openVillagePage(page: keyof typeof VILLAGE_PAGES, query: Record<string, string> = {}): void {
  openPage(VILLAGE_PAGES[page], query);
}

/** The receipt code from a scanned QR (the code itself), or null when cancelled. */
export async function scanReceiptCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
    return (res.result ?? '').trim() || null;
  } catch {
    return null;
  }
}

/** Copies the receipt code so the villager can paste it to a relative. */
export function copyText(text: string): void {
  void Taro.setClipboardData({ data: text });
}
