/**
 * Structured logs without personal data (RULES.md §7): a last-line redaction masks anything
 * shaped like an ID number or a mainland mobile number even if a caller slips one in — in the
 * obfuscated forms too (138.1234.5678, zero-width or full-width separators; text-guard.ts).
 *
 * Production lines carry no stack trace and no absolute path (they tell an attacker who reads a
 * leaked log the layout of the deployment, and help nobody on call more than the error name and
 * message do): a `stack` field is dropped and every absolute path is cut to its file name.
 */
import { maskIdAndPhoneShapes } from '../../src/domain/text-guard';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function redact(text: string): string {
  return maskIdAndPhoneShapes(text);
}

/** A POSIX absolute path (not the path of a URL) or a Windows one, as it appears in a JSON line. */
const POSIX_PATH = /(?<![\w.:/~-])\/(?:[^\s/:'"()<>]+\/)+([^\s/:'"()<>]+)/g;
const WINDOWS_PATH = /\b[A-Za-z]:(?:\\\\[^\s\\:'"()<>]+)*\\\\([^\s\\:'"()<>]+)/g;

/** The line with every absolute path cut to its last segment (`/srv/app/x.js:3:9` → `x.js:3:9`). */
export function stripPaths(line: string): string {
  return line.replace(POSIX_PATH, '$1').replace(WINDOWS_PATH, '$1');
}

export interface LoggerOptions {
  /** Keep `stack` fields and absolute paths: dev mode only (the local host in dev). */
  readonly debug?: boolean;
}

export function jsonLogger(write: (line: string) => void = (l) => process.stdout.write(l + '\n'), opts: LoggerOptions = {}): Logger {
  const emit = (level: string, event: string, fields?: Record<string, unknown>) => {
    const { stack, ...rest } = fields ?? {};
    const line = redact(JSON.stringify({ t: new Date().toISOString(), level, event, ...(opts.debug && stack !== undefined ? { stack } : {}), ...rest }));
    write(opts.debug ? line : stripPaths(line));
  };
  return { info: (e, f) => emit('info', e, f), error: (e, f) => emit('error', e, f) };
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
