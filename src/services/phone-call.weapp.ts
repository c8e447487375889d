import Taro from '@tarojs/taro';
import { telUrl, type DialResult } from './phone-call';

export type { DialResult } from './phone-call';
export { telUrl } from './phone-call';

/** WeChat's dialler: the clerk confirms the call there. */
export async function dialPhone(phone: string): Promise<DialResult> {
  const url = telUrl(phone);
  if (!url) return { ok: false, message: '这个号码无法拨打' };
  try {
    await Taro.makePhoneCall({ phoneNumber: url.slice('tel:'.length) });
    return { ok: true };
  } catch {
    // Cancelled in the dialler's sheet: nothing to report.
    return { ok: true };
  }
}
