/**
 * Malformed events for one action, generated from its zod input schema (through zod's JSON
 * Schema export, so every schema the contracts can hold is walked the same way) plus
 * hand-written nasties: prototype keys, huge strings, NUL, bidi overrides, lone surrogates,
 * wrong types, deep nesting, numbers as strings. A schema-derived mutation counts only if the
 * contract really rejects it; a nasty counts always — the contract must refuse it or the action
 * must cope with it, and neither may write or fault.
 */
import * as z from 'zod/mini';
import type { ActionContract } from '../../src/contracts/define-action';
import { idCheckChar } from '../../src/domain/id-number';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: Json[];
  const?: Json;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  pattern?: string;
  default?: Json;
};

export interface Rng {
  int(n: number): number;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return {
    int(n: number) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    },
  };
}


/** Ids the world holds, so a schema-valid nasty reaches the use case instead of a NOT_FOUND at the door. */
export type IdHints = Readonly<Record<string, string>>;

const SYNTHETIC_ID = '99010119700101001' + idCheckChar('99010119700101001');

function sampleString(key: string, s: JsonSchema, hints: IdHints): string {
  if (hints[key]) return hints[key]!;
  if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-04-12';
  if (/idNumber/i.test(key)) return SYNTHETIC_ID;
  if (/code/i.test(key)) return 'ABCD2345';
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 40;
  const len = Math.min(Math.max(min, 3), max);
  return '王建国村民小组'.repeat(4).slice(0, len);
}

/** A plausible value for the schema (valid where it is easy; the fuzzer only needs the shape). */
export function sample(s: JsonSchema, key: string, hints: IdHints, depth = 0): Json {
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0]!;
  const alt = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alt?.length) return sample(alt[0]!, key, hints, depth);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const out: { [k: string]: Json } = {};
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        if (depth < 6 && (s.required?.includes(k) || k.endsWith('Id'))) out[k] = sample(sub, k, hints, depth + 1);
      }
      return out;
    }
    case 'array':
      return depth < 6 && s.items ? Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items!, key, hints, depth + 1)) : [];
    case 'string':
      return sampleString(key, s, hints);
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return s.default ?? 'x';
  }
}

export function jsonSchemaOf(c: ActionContract): JsonSchema {
  return z.toJSONSchema(c.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}
