import { getCurrentInstance } from '@tarojs/taro';

/**
 * The page's launch query. The village's 选举公告 poster carries a mini-program QR code whose
 * path includes `electionId=<id>` (or a `scene` of that id for an unlimited 小程序码).
 */
export function routeElectionId(): string | null {
  const params = getCurrentInstance()?.router?.params ?? {};
  const raw = params.electionId ?? (params.scene ? decodeURIComponent(params.scene) : undefined);
  const id = typeof raw === 'string' ? raw.trim() : '';
  return /^[\w-]{1,64}$/.test(id) ? id : null;
}
