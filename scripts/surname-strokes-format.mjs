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
 *   today) bundles ≈ 20 KB of it, and the classes below drop out of the bundle (tree shaking).
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
 * - ranks: per stroke count n = 1, 2, …, its characters in collation order; groups joined by one
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
    if (n > 1) ranks.push(' ');
    for (const [c, s] of entries.filter(([, seq]) => seq.length === n)) {
      if (c.length !== 1 || c.charCodeAt(0) < 128) throw new Error(`surname-strokes-format: ${c} is not one BMP character`);
      const digits = [...s].map((d) => Number(d) - 1);
      ranks.push(c);
      classes.push((classes.length ? ' ' : '') + toBase89(subtract(digits, prev)));
      prev = digits;
    }
  }
  return { ranks: toLines(ranks, LINE_CHARS), classes: toLines(classes, LINE_ENTRIES) };
}
