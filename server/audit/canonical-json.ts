/**
 * Canonical JSON for hashing: object keys sorted (UTF-16 code-unit order), no whitespace,
 * numbers and strings as JSON.stringify writes them. For plain JSON data this is the RFC 8785
 * (JCS) serialisation, so a verifier in another language can recompute audit hashes.
 * Values JSON cannot carry faithfully are refused rather than silently changed — a hash over
 * a value that the store would store differently could never be verified again.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${String(value)}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value
          .map((v: unknown, i) => {
            if (v === undefined) throw new TypeError(`canonicalJson: ${path}[${i}] is undefined`);
            return write(v, `${path}[${i}]`);
          })
          .join(',')}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      // Plain objects only (from any realm): a class instance or Date would hash its own fields.
      const plain = proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]');
      if (!plain) throw new TypeError(`canonicalJson: ${path} is not a plain object`);
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}`);
  }
}
