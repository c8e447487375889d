/**
 * 关怀模式 outside the page root: in the browser build Taro draws the tab bar, showModal and
 * showToast as DOM outside `.page`, so app.h5.scss keys their large sizes on `html.care`.
 */
export function markCareRoot(on: boolean): void {
  if (typeof document === 'undefined') return;
  document.documentElement.classList.toggle('care', on);
}
