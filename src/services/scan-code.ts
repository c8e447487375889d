/**
 * Scanning a 委托投票证 QR code. Only the WeChat client has a camera scanner
 * (scan-code.weapp.ts); elsewhere (H5) the clerk types the certificate number.
 */
export const CAN_SCAN = false;

export type ScanResult = { ok: true; text: string } | { ok: false; message: string };

export async function scanCertificate(): Promise<ScanResult> {
  return { ok: false, message: '这里不能扫码，请输入委托投票证上的编号' };
}
