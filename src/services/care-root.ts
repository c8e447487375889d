/**
 * 关怀模式 outside the page root. In the mini-program the tab bar and dialogs are WeChat's own
 * and follow WeChat's font setting, so there is nothing to mark.
 */
export function markCareRoot(_on: boolean): void {
  // Nothing outside the page to restyle in the mini-program.
}
