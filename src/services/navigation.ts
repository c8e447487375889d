import Taro from '@tarojs/taro';

export const TABS = {
  home: '/pages/index/index',
  registration: '/pages/registration/index',
  notices: '/pages/notices/index',
  me: '/pages/me/index',
} as const;

export const COMMITTEE_DASHBOARD = '/subpackages/committee/pages/dashboard/index';

export function openTab(tab: keyof typeof TABS): void {
  void Taro.switchTab({ url: TABS[tab] });
}

/** Opens a page with a query (values URI-encoded): what the sub-packages' navigators share. */
export function openPage(url: string, query: Record<string, string> = {}): void {
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  void Taro.navigateTo({ url: url + (qs ? `?${qs}` : '') });
}

export function openCommitteeDashboard(): void {
  void Taro.navigateTo({ url: COMMITTEE_DASHBOARD });
}

export async function confirmDialog(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const r = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#b3261e' });
    return r.confirm;
  } catch {
    return false;
  }
}

export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  void Taro.showToast({ title, icon, duration: 2000 });
}
