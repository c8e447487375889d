/** Browser-only fix-ups of Taro's page container; the mini-program's pages are WeChat's own. */
export function makePageScrollersFocusable(): void {
  // Nothing to do in the mini-program.
}
