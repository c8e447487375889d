/**
 * One malformed event at a time: a schema-derived mutation of a sampled event (kept only when
 * the contract rejects it) or a hand-written nasty (always kept). See fuzz-events.ts.
 */
import type { ActionContract } from '../../src/contracts/define-action';
import { jsonSchemaOf, sample, type IdHints, type Rng } from './fuzz-events';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];
export type FuzzKind = 'schema' | 'nasty';
export interface FuzzEvent {
  readonly kind: FuzzKind;
  readonly label: string;
  readonly event: unknown;
}

const pick = <T,>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'] as const;
const EXTRA_KEYS = [...PROTOTYPE_KEYS, 'openid', 'role', '_id', 'isAdmin', 'villageId', '$where'];
const WRONG_TYPES: readonly Json[] = [123, -1, 1.5, 0, '12', '', ' ', true, false, null, [], {}, ['x'], { a: 1 }, '1e309'];
/** Characters no name, title or code needs: NUL, C0 controls, bidi overrides and isolates, lone surrogates. */
export const BAD_CHARS = ['\u0000', '\u0007', '\u001b[31m', '\u202e', '\u202d', '\u202a', '\u2066', '\u2067', '\u2069', '\ud800', '\udc00', '\udbff'] as const;
const HUGE = [300, 5_000, 100_000, 1_000_000] as const;

function walk(v: Json, path: Path, out: { path: Path; value: Json }[]): void {
  out.push({ path, value: v });
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k], out);
}

function setAt(root: Json, path: Path, value: Json | undefined): Json {
  if (!path.length) return value ?? null;
  const copy = structuredClone(root) as { [k: string]: Json };
  let node = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else if (last === '__proto__') Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  else node[last] = value;
  return copy;
}

function deep(rng: Rng): Json {
  let v: Json = 'x';
  for (let i = 0, n = 200 + rng.int(800); i < n; i++) v = rng.int(2) ? [v] : { a: v };
  return v;
}

const huge = (rng: Rng, unit: string) => unit.repeat(Math.ceil(pick(rng, HUGE) / unit.length));
const keyOf = (p: Path) => String(p[p.length - 1] ?? '');

function schemaMutation(rng: Rng, base: Json): { label: string; event: Json } {
  const nodes: { path: Path; value: Json }[] = [];
  walk(base, [], nodes);
  const { path, value } = pick(rng, nodes);
  const at = path.join('.') || '(event)';
  switch (rng.int(7)) {
    case 0:
      return { label: `wrong type at ${at}`, event: setAt(base, path, pick(rng, WRONG_TYPES)) };
    case 1:
      return { label: `missing ${at}`, event: setAt(base, path, undefined) };
    case 2: {
      const objects = nodes.filter((n) => n.value && typeof n.value === 'object' && !Array.isArray(n.value));
      const o = objects.length ? pick(rng, objects).path : [];
      const k = pick(rng, EXTRA_KEYS);
      return { label: `extra key ${k}`, event: setAt(base, [...o, k], pick(rng, WRONG_TYPES)) };
    }
    case 3:
      return typeof value === 'number' ? { label: `number as string at ${at}`, event: setAt(base, path, String(value)) } : { label: `string too long at ${at}`, event: setAt(base, path, 'x'.repeat(65 + rng.int(300))) };
    case 4:
      return { label: `out of range at ${at}`, event: setAt(base, path, pick(rng, [1e308, -1e308, -1, 0.5, 2 ** 53 + 2, 10_000, 1e9])) };
    case 5:
      return { label: `bad enum or pattern at ${at}`, event: setAt(base, path, pick(rng, ['DIRECTOR', 'admin', '2026-02-30', '2026/04/12', '99', 'x'.repeat(3)])) };
    default:
      return { label: `array or object at ${at}`, event: setAt(base, path, pick(rng, [[value], { value }, [[]]])) };
  }
}

function nasty(rng: Rng, base: Json, action: string, hints: IdHints): { label: string; event: unknown } {
  const nodes: { path: Path; value: Json }[] = [];
  walk(base, [], nodes);
  const strings = nodes.filter((n) => typeof n.value === 'string' && n.path.length > 0);
  const ids = strings.filter((n) => keyOf(n.path).endsWith('Id') && hints[keyOf(n.path)]);
  const r = rng.int(8);
  if (r === 0 && strings.length) {
    const { path, value } = pick(rng, strings);
    const c = pick(rng, BAD_CHARS);
    const s = value as string;
    const cut = rng.int(s.length + 1);
    return { label: `bad character U+${c.codePointAt(0)!.toString(16)} in ${path.join('.')}`, event: setAt(base, path, s.slice(0, cut) + c + s.slice(cut)) };
  }
  if (r === 1 && ids.length) return { label: 'prototype key as an id', event: setAt(base, pick(rng, ids).path, pick(rng, PROTOTYPE_KEYS)) };
  if (r === 2 && ids.length) return { label: 'id over 256 characters', event: setAt(base, pick(rng, ids).path, 'p'.repeat(257 + rng.int(5000))) };
  if (r === 3 && strings.length) return { label: 'huge string', event: setAt(base, pick(rng, strings).path, huge(rng, pick(rng, ['x', '王', '１']))) };
  if (r === 4) {
    const path = nodes.length > 1 ? pick(rng, nodes.slice(1)).path : ['deep'];
    return { label: 'deep nesting', event: setAt(base, path, deep(rng)) };
  }
  if (r === 5) {
    const k = pick(rng, PROTOTYPE_KEYS);
    return { label: `own ${k} key on the event`, event: setAt(base, [k], { action, polluted: true, isAdmin: true }) };
  }
  if (r === 6) return { label: 'action is a prototype key', event: { ...(base as object), action: pick(rng, [...PROTOTYPE_KEYS, 123, null, [action]]) } };
  return { label: 'event is not an object', event: pick(rng, [[], 'bind', null, 42, true, [base]]) };
}

/** The wire: everything a client sends has been through JSON (own __proto__ keys survive it). */
const overTheWire = (event: unknown): unknown => (event === undefined ? undefined : JSON.parse(JSON.stringify(event)));

export function* fuzzEvents(c: ActionContract, count: number, rng: Rng, hints: IdHints): Generator<FuzzEvent> {
  const base = { ...(sample(jsonSchemaOf(c), '', hints) as object), action: c.action } as Json;
  let made = 0;
  for (let tries = 0; made < count && tries < count * 20; tries++) {
    if (rng.int(5) < 3) {
      const m = schemaMutation(rng, base);
      const wire = overTheWire(m.event) as Record<string, unknown> | null;
      // Kept only if the contract rejects it: a mutation that happens to be valid is not malformed.
      const raw = wire && typeof wire === 'object' && !Array.isArray(wire) ? Object.fromEntries(Object.entries(wire).filter(([k]) => k !== 'action')) : wire;
      if (wire && typeof wire === 'object' && wire.action === c.action && c.input.safeParse(raw).success) continue;
      made += 1;
      yield { kind: 'schema', label: m.label, event: wire };
    } else {
      const m = nasty(rng, base, c.action, hints);
      made += 1;
      yield { kind: 'nasty', label: m.label, event: overTheWire(m.event) };
    }
  }
}
