/**
 * Canonical JSON for hashing: object keys sorted (UTF-16 code-unit order), no whitespace,
 * numbers and strings as JSON.stringify writes them. For plain JSON data this is the RFC 8785
 * (JCS) serialisation, so a verifier in another language can recompute audit hashes.
 * Values JSON cannot carry faithfully are refused rather than silently changed — a hash over
 * a value that the store would store differently could never be verified again.
 */
export function canonicalJson(value: unknown): string {
  return write(value, []);
}

/** `$.a[0].b` for an error message; the path is kept as parts and joined only when a value is refused. */
const pathText = (at: ReadonlyArray<string | number>): string => '$' + at.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function write(value: unknown, at: Array<string | number>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${pathText(at)} is ${String(value)}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          at.push(i);
          const v: unknown = value[i];
          if (v === undefined) throw new TypeError(`canonicalJson: ${pathText(at)} is undefined`);
          out += (i ? ',' : '') + write(v, at);
          at.pop();
        }
        return out + ']';
      }
      const proto: unknown = Object.getPrototypeOf(value);
      // Plain objects only (from any realm): a class instance or Date would hash its own fields.
      const plain = proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]');
      if (!plain) throw new TypeError(`canonicalJson: ${pathText(at)} is not a plain object`);
      const record = value as Record<string, unknown>;
      let out = '{';
      let first = true;
      for (const k of Object.keys(record).sort(byCodeUnit)) {
        const v = record[k];
        if (v === undefined) continue;
        at.push(k);
        out += (first ? '' : ',') + JSON.stringify(k) + ':' + write(v, at);
        at.pop();
        first = false;
      }
      return out + '}';
    }
    default:
      throw new TypeError(`canonicalJson: ${pathText(at)} is a ${typeof value}`);
  }
}
