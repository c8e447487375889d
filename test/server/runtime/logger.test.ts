import { jsonLogger, stripPaths } from '../../../server/runtime/logger';

function capture(debug: boolean): { lines: string[]; log: ReturnType<typeof jsonLogger> } {
  const lines: string[] = [];
  return { lines, log: jsonLogger((l) => lines.push(l), { debug }) };
}

describe('production log lines carry no stack trace and no absolute path', () => {
  const error = new Error('ENOENT: no such file, open \'/srv/cunxuantong/.data/cunxuantong.db\'');
  error.stack = `Error: boom\n    at run (/srv/cunxuantong/server/runtime/dispatch.ts:90:11)\n    at C:\\work\\app\\server\\x.ts:3:9`;

  it('drops the stack field and cuts paths to their file name', () => {
    const { lines, log } = capture(false);
    log.error('action.failed', { detail: error.message, stack: error.stack });
    const line = lines[0]!;
    expect(line).not.toContain('stack');
    expect(line).not.toContain('/srv/');
    expect(line).toContain("open 'cunxuantong.db'");
  });

  it('keeps both in dev mode (the local host)', () => {
    const { lines, log } = capture(true);
    log.error('action.failed', { detail: error.message, stack: error.stack });
    expect(lines[0]).toContain('dispatch.ts:90:11');
    expect(lines[0]).toContain('/srv/cunxuantong/server/runtime');
  });

  it('does not touch URLs or relative paths', () => {
    expect(stripPaths('GET http://127.0.0.1:8787/api/notices from ./src/a.ts')).toBe('GET http://127.0.0.1:8787/api/notices from ./src/a.ts');
    expect(stripPaths('at C:\\\\work\\\\app\\\\x.ts:3:9')).toBe('at x.ts:3:9');
  });

  it('still redacts phone numbers, obfuscated ones included', () => {
    const { lines, log } = capture(false);
    log.info('x', { note: '电话138.1234.5678' });
    expect(lines[0]).toContain('[PHONE]');
    expect(lines[0]).not.toContain('1234');
  });
});
