import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../server/audit/canonical-json';
import { auditHash, GENESIS_HASH } from '../../../server/audit/audit-log';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('is independent of insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('writes strings and numbers as JSON does (RFC 8785 for plain data)', () => {
    expect(canonicalJson({ s: '张三 "q" \n', n: 1.5, i: -0, e: 1e21, t: true })).toBe('{"e":1e+21,"i":0,"n":1.5,"s":"张三 \\"q\\" \\n","t":true}');
  });

  it('sorts keys by UTF-16 code units', () => {
    expect(canonicalJson({ b: 1, B: 2, 张: 3, a: 4 })).toBe('{"B":2,"a":4,"b":1,"张":3}');
  });

  it('drops undefined object fields like the store does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('rejects what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ b: BigInt(1) })).toThrow(TypeError);
  });
});

describe('auditHash', () => {
  it('is sha256 over prevHash followed by the canonical entry (a fixed vector for other verifiers)', () => {
    const entry = { seq: 1, scope: 'e1', at: '2026-05-01T00:00:00.000Z', actor: 'system', action: 'seed.demo' };
    const text = `${GENESIS_HASH}{"action":"seed.demo","actor":"system","at":"2026-05-01T00:00:00.000Z","scope":"e1","seq":1}`;
    expect(auditHash(GENESIS_HASH, entry)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
