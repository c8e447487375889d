import * as z from 'zod/mini';
import { CONTRACTS } from '../../src/contracts';
import type { ActionContract } from '../../src/contracts/define-action';

type Json = { [k: string]: unknown };

/** Paths of string schemas with no bound on their length (no maxLength, enum, const or anchored fixed pattern). */
function unbounded(node: unknown, path: string, out: string[]): void {
  if (Array.isArray(node)) return node.forEach((n, i) => unbounded(n, `${path}[${i}]`, out));
  if (typeof node !== 'object' || node === null) return;
  const n = node as Json;
  const types = Array.isArray(n.type) ? n.type : [n.type];
  if (types.includes('string') && n.maxLength === undefined && n.enum === undefined && n.const === undefined && n.format === undefined) {
    const pattern = typeof n.pattern === 'string' ? n.pattern : '';
    // A pattern like ^[A-Z2-9]{8}$ bounds the length by itself.
    if (!/^\^.*\{\d+(,\d+)?\}\$$/.test(pattern)) out.push(path || '(root)');
  }
  for (const [k, v] of Object.entries(n)) if (k !== 'enum') unbounded(v, `${path}.${k}`, out);
}

const all: ActionContract[] = Object.values(CONTRACTS).flatMap((byAction) => Object.values(byAction ?? {}));

describe('input hygiene: every string an action accepts has a maximum length', () => {
  it.each(all.map((c) => [`${c.fn}.${c.action}`, c] as const))('%s bounds every string of its input', (_name, c) => {
    const schema = z.toJSONSchema(c.input, { io: 'input', unrepresentable: 'any' });
    const out: string[] = [];
    unbounded(schema, '', out);
    expect(out).toEqual([]);
  });
});

describe('names, titles and free text refuse characters that are not text', () => {
  const publish = CONTRACTS.committee!.publishNotice!;
  const base = { electionId: 'e_1', type: 'freeText', body: '请各位选民核对登记信息。' };
  it.each([
    ['NUL', '关于\u0000选举的通知', '控制字符'],
    ['a bidi override', '关于\u202e选举的通知', '文字方向'],
    ['a lone surrogate', '关于\ud800选举的通知', '无法显示'],
    ['a line break', '关于选举\n的通知', '控制字符'],
  ])('rejects a title with %s, in plain Chinese', (_what, title, words) => {
    const r = publish.input.safeParse({ ...base, title });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toContain(words);
  });
  it('accepts line breaks in a notice body, and a plain title', () => {
    expect(publish.input.safeParse({ ...base, title: '关于核对选民登记的通知', body: '第一行\n第二行' }).success).toBe(true);
  });
  it.each(['138.1234.5678', `1${'\u200b'}38${'\u200b'}1234${'\u200b'}5678`, '138，1234，5678', '１３８１２３４５６７８', '138 1234 5678'])('rejects an obfuscated phone number in a title: %s', (form) => {
    const r = publish.input.safeParse({ ...base, title: `联系${form}` });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toContain('请不要写身份证号码或手机号码');
  });
});

describe('ids over the limit are refused as bad input with a Chinese message', () => {
  it('rejects a 300-character village id', () => {
    const r = CONTRACTS.township!.members!.input.safeParse({ villageId: 'v'.repeat(300) });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toMatch(/编号不对/);
  });
});
