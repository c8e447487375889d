/**
 * The compact text format of src/domain/surname-strokes.data.ts, written by
 * scripts/gen-surname-strokes.mjs and read by src/domain/stroke-order.ts (strokeTable).
 *
 * The table used to spell every stroke class as a digit ("王1121"): ≈ 91 KB in each function
 * bundle that sorts names. Now two constants, both in collation order (count, then classes
 * stroke by stroke, then code point), grouped per stroke count n:
 * - STROKE_RANKS: the characters alone, the groups for n = 1, 2, … joined by one space (an empty
 *   group: a stroke count no character has). A character's position is its rank and its group
 *   its stroke count: all that sorting needs, so a function that only sorts names (every one
 *   today) bundles only this, and the classes below drop out of the bundle (tree shaking).
 *   Each character is written as the difference of its code point from the previous one of its
 *   group (the first from U+4E00), in the base-89 digits below (RANK_CODE):
 *   - one digit v < 66: the difference v − 35 (−35…30; characters sharing a radical and their
 *     first strokes sit close together in Unicode, which orders by radical);
 *   - two digits v, w with 66 ≤ v < 86: the difference (v − 66)·89 + w − 890 (−890…889);
 *   - three digits v, w, x with v ≥ 86: the code point itself, U+4E00 + ((v − 86)·89 + w)·89 + x.
 *   ≈ 13.5 KB instead of 3 UTF-8 bytes a character (≈ 20 KB) in every function that sorts names.
 * - STROKE_CLASSES: for each character, in the same order, the DIFFERENCE between its class
 *   sequence and the previous character's of its group, both read as n-digit base-5 numbers
 *   (class 1 → 0 … class 5 → 4; the first character of a group differs from 11…1). Sorted
 *   sequences are close, so the difference is short; it is written in base 89 with the printable
 *   ASCII characters that need no escape in any JS string literal (no quote, backslash, backtick
 *   or $), most significant first, nothing for 0 (two characters with the same strokes, e.g. 己
 *   已); the entries are joined by one space.
 * Both texts are cut into lines (LINE_CHARS items, LINE_ENTRIES entries); the lines join back
 * with ''. Decoding needs no big numbers: digits are accumulated into an n-digit base-5 array.
 */

/** The 89 digit characters, in value order. */
export const DIGITS = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))
  .filter((c) => !`"$'\\\``.includes(c))
  .join('');
if (DIGITS.length !== 89) throw new Error('surname-strokes-format: digit alphabet must have 89 characters');

/**
 * The ranks' character code (see above), mirrored by src/domain/stroke-order.ts: code points
 * from BASE; one-digit differences below ONE (offset ONE_OFFSET); two-digit ones below ONE + TWO
 * (offset TWO_OFFSET); then three-digit code points.
 */
export const RANK_CODE = { BASE: 0x4e00, ONE: 66, ONE_OFFSET: 35, TWO: 20, TWO_OFFSET: 890 };

/** One character of a group, given the previous code point of the group, in RANK_CODE. */
function rankCode(cp, prev) {
  const { BASE, ONE, ONE_OFFSET, TWO, TWO_OFFSET } = RANK_CODE;
  const d = cp - prev;
  if (d + ONE_OFFSET >= 0 && d + ONE_OFFSET < ONE) return DIGITS[d + ONE_OFFSET];
  if (d + TWO_OFFSET >= 0 && d + TWO_OFFSET < TWO * 89) return DIGITS[ONE + Math.floor((d + TWO_OFFSET) / 89)] + DIGITS[(d + TWO_OFFSET) % 89];
  const a = cp - BASE;
  if (a < 0 || a >= (89 - ONE - TWO) * 89 * 89) throw new Error(`surname-strokes-format: U+${cp.toString(16)} is outside the ranks' code point range`);
  return DIGITS[ONE + TWO + Math.floor(a / 89 / 89)] + DIGITS[Math.floor(a / 89) % 89] + DIGITS[a % 89];
}

/** Characters per line of the ranks, entries per line of the classes. */
const LINE_CHARS = 120;
const LINE_ENTRIES = 120;

/** a - b for two equal-length base-5 digit arrays with a ≥ b. */
function subtract(a, b) {
  const out = [...a];
  for (let i = out.length - 1; i >= 0; i--) {
    out[i] -= b[i];
    if (out[i] < 0) {
      out[i] += 5;
      out[i - 1] -= 1;
    }
  }
  return out;
}

/** A base-5 digit array (most significant first) in base-89 digit characters; '' for 0. */
function toBase89(digits5) {
  let rest = [...digits5];
  let out = '';
  while (rest.some((d) => d !== 0)) {
    // Long division of the base-5 number by 89.
    let rem = 0;
    rest = rest.map((d) => {
      const x = rem * 5 + d;
      rem = x % 89;
      return Math.floor(x / 89);
    });
    out = DIGITS[rem] + out;
  }
  return out;
}

/** Cuts `items` into source lines of `perLine` items each (quoted, followed by a comma). */
function toLines(items, perLine) {
  const lines = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(`'${items.slice(i, i + perLine).join('')}',`);
  return lines;
}

/**
 * entries: [char, classSequence] in collation order. Returns the source lines of the two
 * constants (each line a quoted string followed by a comma, without indentation):
 * - ranks: per stroke count n = 1, 2, …, its characters in collation order (in RANK_CODE); groups joined by one
 *   space (an empty group: a stroke count no character has);
 * - classes: per character, in the same order, the base-89 difference of its class sequence from
 *   the previous character's of its group; entries joined by one space.
 */
export function encodeStrokeTable(entries) {
  const max = Math.max(...entries.map(([, s]) => s.length));
  const ranks = [];
  const classes = [];
  for (let n = 1; n <= max; n++) {
    let prev = new Array(n).fill(0);
    let prevCp = RANK_CODE.BASE;
    if (n > 1) ranks.push(' ');
    for (const [c, s] of entries.filter(([, seq]) => seq.length === n)) {
      if (c.length !== 1 || c.charCodeAt(0) < 128) throw new Error(`surname-strokes-format: ${c} is not one BMP character`);
      const digits = [...s].map((d) => Number(d) - 1);
      ranks.push(rankCode(c.charCodeAt(0), prevCp));
      prevCp = c.charCodeAt(0);
      classes.push((classes.length ? ' ' : '') + toBase89(subtract(digits, prev)));
      prev = digits;
    }
  }
  return { ranks: toLines(ranks, LINE_CHARS), classes: toLines(classes, LINE_ENTRIES) };
}
