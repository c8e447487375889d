import Taro from '@tarojs/taro';
import type { ScanResult } from './scan-code';

export type { ScanResult } from './scan-code';

/** WeChat's own scanner, QR codes only, camera only (no album: a photo of someone else's certificate proves nothing). */
export const CAN_SCAN = true;

export async function scanCertificate(): Promise<ScanResult> {
  try {
    const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return r.result ? { ok: true, text: r.result } : { ok: false, message: '没有读到二维码，请再扫一次' };
  } catch {
    // Cancelled by the clerk, or the camera was refused.
    return { ok: false, message: '没有扫码。也可以输入委托投票证上的编号' };
  }
}
