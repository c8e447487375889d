import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Blind indexes (RULES.md §7): the ID number, binding codes and invitation codes are stored
 * only as keyed HMACs, each under its own purpose label so one index cannot be joined to another.
 */
export type HashPurpose = 'id' | 'binding-code' | 'invite' | 'actor' | 'name' | 'request';

export function keyedHash(key: string, purpose: HashPurpose, value: string): string {
  return createHmac('sha256', key).update(`${purpose}\u0000${value}`).digest('hex');
}

/** Two keyed hashes compared in constant time (a stored code hash against the one just typed). */
export const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Unambiguous alphabet for codes typed by villagers from paper: no 0/O, 1/I/L. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface RandomSource {
  /** Uniform integer in [0, max). */
  int(max: number): number;
}
export const cryptoRandom: RandomSource = { int: (max) => randomInt(max) };

/** Deterministic generator for tests and the documented examples (mulberry32). */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return {
    int(max) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const x = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      return Math.floor(x * max);
    },
  };
}

export function randomCode(rng: RandomSource, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += CODE_ALPHABET[rng.int(CODE_ALPHABET.length)];
  return s;
}

export function newId(rng: RandomSource, prefix: string): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let s = '';
  for (let i = 0; i < 12; i++) s += alphabet[rng.int(alphabet.length)];
  return `${prefix}_${s}`;
}
