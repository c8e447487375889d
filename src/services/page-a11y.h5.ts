/**
 * Taro H5 scrolls each page inside its own `.taro_page` box (overflow-y: scroll). Its buttons are
 * custom elements a keyboard cannot reach, so without a tabindex nobody without a mouse or a
 * finger can scroll it (axe: scrollable-region-focusable). Run on every page mount: cheap and
 * idempotent.
 */
export function makePageScrollersFocusable(): void {
  if (typeof document === 'undefined') return;
  document.querySelectorAll('.taro_page:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '0'));
}
