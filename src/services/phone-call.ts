/**
 * Dialling a voter's number for the committee's call list (RULES.md §7: a phone is revealed only
 * for a call). In the browser (H5) a tel: link hands it to the device's dialler; the WeChat
 * client uses Taro.makePhoneCall (phone-call.weapp.ts). The number is never kept by the page.
 */
export type DialResult = { ok: true } | { ok: false; message: string };

/** A tel: URL of digits only: nothing else of the text reaches the dialler. */
export function telUrl(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return /^\d{7,12}$/.test(digits) ? `tel:${digits}` : null;
}

export async function dialPhone(phone: string): Promise<DialResult> {
  const url = telUrl(phone);
  if (!url) return { ok: false, message: '这个号码无法拨打' };
  if (typeof window === 'undefined') return { ok: false, message: '这里不能拨打电话' };
  window.location.href = url;
  return { ok: true };
}
