/**
 * Structured logs without personal data (RULES.md §7): a last-line redaction masks anything
 * shaped like an ID number or a mainland mobile number even if a caller slips one in.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const ID_LIKE = /\b\d{17}[\dXx]\b|\b\d{15}\b/g;
const PHONE_LIKE = /\b1[3-9]\d{9}\b/g;

export function redact(text: string): string {
  return text.replace(ID_LIKE, '[ID]').replace(PHONE_LIKE, '[PHONE]');
}

export function jsonLogger(write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const emit = (level: string, event: string, fields?: Record<string, unknown>) =>
    write(redact(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })));
  return { info: (e, f) => emit('info', e, f), error: (e, f) => emit('error', e, f) };
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
