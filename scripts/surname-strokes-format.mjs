/**
 * The compact text format of src/domain/surname-strokes.data.ts, written by
 * scripts/gen-surname-strokes.mjs and read by src/domain/stroke-order.ts (strokeTable).
 *
 * The table used to spell every stroke class as a digit ("王1121"): ≈ 91 KB in each function
 * bundle that sorts names. Now, per stroke count n, the characters in collation order (count,
 * then classes stroke by stroke, then code point) each followed by the DIFFERENCE between its
 * class sequence and the previous character's, both read as n-digit base-5 numbers (class 1 → 0
 * … class 5 → 4; the first character of a group differs from 11…1). Sorted sequences are close,
 * so the difference is short; it is written in base 89 with the printable ASCII characters that
 * need no escape in any JS string literal (no quote, backslash, backtick or $), most significant
 * first, nothing for 0 (two characters with the same strokes, e.g. 己 已). The groups, for
 * n = 1, 2, …, are joined by one space (an empty group: a stroke count no character has), and the
 * text is cut between characters into lines of LINE_ENTRIES entries.
 * Decoding needs no big numbers: digits are accumulated into an n-digit base-5 array.
 */

/** The 89 digit characters, in value order. */
export const DIGITS = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))
  .filter((c) => !`"$'\\\``.includes(c))
  .join('');
if (DIGITS.length !== 89) throw new Error('surname-strokes-format: digit alphabet must have 89 characters');

const LINE_ENTRIES = 60;

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

/**
 * entries: [char, classSequence] in collation order. Returns the source lines of the table
 * (each a quoted string followed by a comma, without indentation).
 */
export function encodeStrokeTable(entries) {
  const max = Math.max(...entries.map(([, s]) => s.length));
  const groups = [];
  for (let n = 1; n <= max; n++) {
    let prev = new Array(n).fill(0);
    const group = [];
    for (const [c, s] of entries.filter(([, seq]) => seq.length === n)) {
      if (c.length !== 1 || c.charCodeAt(0) < 128) throw new Error(`surname-strokes-format: ${c} is not one BMP character`);
      const digits = [...s].map((d) => Number(d) - 1);
      group.push(c + toBase89(subtract(digits, prev)));
      prev = digits;
    }
    groups.push(group);
  }
  const lines = [];
  let line = [];
  groups.forEach((group, g) => {
    if (g > 0) line.push(' ');
    for (const entry of group) {
      if (line.length >= LINE_ENTRIES) {
        lines.push(line.join(''));
        line = [];
      }
      line.push(entry);
    }
  });
  lines.push(line.join(''));
  return lines.map((l) => `'${l}',`);
}
