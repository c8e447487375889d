/**
 * A CloudBase timer trigger's event. Its own module so the function entries can tell a timer
 * from an action without loading the push or audit-linking code (cold start, issue 12).
 */
export function isTimerEvent(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const e = event as { Type?: unknown; TriggerName?: unknown };
  return e.Type === 'Timer' && typeof e.TriggerName === 'string';
}
