/**
 * Text hygiene shared by every free text the system keeps or publishes (names, titles, notice
 * bodies, reasons) and by the log redaction (RULES.md §7: no ID or phone number in clear).
 *
 * The ID/phone guard looks at digit runs after normalization, so the obfuscated forms a
 * neighbour would try still count as the number they spell: full-width digits (NFKC), zero-width
 * and other format characters between digits, and separators such as `138.1234.5678`,
 * `138 1234 5678`, `138，1234，5678` or `138-1234-5678`. A run is refused when it has the shape
 * of a mainland mobile (11 digits from 1[3-9]), a landline with area code (0 + 9–11 digits) or an
 * ID number (15 digits, or 17 digits and a check character), or is 11+ digits written without
 * separators. Separated runs of other lengths (two dates `2026-05-10、2026-05-13`) pass.
 */

/** Characters a digit run may be split by and still be read as one number. */
const SEPARATOR = String.raw`[\s\p{Cf}\p{Pd}\p{Pc}\p{Po}|~+]`;
/**
 * A digit run in the original text (any script's decimal digits), separators included. Not
 * inside an ASCII word: a hex hash or a document id that happens to hold 11 digits is no number.
 */
const RUN = new RegExp(String.raw`(?<![A-Za-z0-9_])\p{Nd}(?:${SEPARATOR}*\p{Nd})*(?:${SEPARATOR}*[XxＸｘ])?(?![A-Za-z0-9_])`, 'gu');

export type NumberShape = 'id' | 'phone';

/** NFKC, then format characters (zero-width space/joiner, bidi marks, BOM…) removed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\p{Cf}/gu, '');
}

function shapeOfRun(run: string): NumberShape | null {
  const flat = normalizeText(run).replace(/[^0-9Xx]/g, '').toUpperCase();
  const digits = flat.replace(/X$/, '');
  const hasX = flat.length !== digits.length;
  if (/X/.test(digits)) return null;
  if ((digits.length === 17 && hasX) || (!hasX && (digits.length === 18 || digits.length === 15))) return 'id';
  if (hasX) return null;
  if (/^1[3-9]\d{9}$/.test(digits) || /^0\d{9,11}$/.test(digits)) return 'phone';
  // A plain run of 11+ digits, with no separator in it: as refused before (any long number).
  if (digits.length >= 11 && /^\p{Nd}+$/u.test(normalizeText(run).replace(/[Xx]$/, ''))) return 'phone';
  return null;
}

/** The shapes of ID or phone numbers written in the text, obfuscated forms included. */
export function idOrPhoneShapes(text: string): NumberShape[] {
  const out: NumberShape[] = [];
  for (const m of text.matchAll(RUN)) {
    const shape = shapeOfRun(m[0]);
    if (shape) out.push(shape);
  }
  return out;
}

export function containsIdOrPhone(text: string): boolean {
  return idOrPhoneShapes(text).length > 0;
}

/** The text with every ID- or phone-shaped run replaced by [ID] / [PHONE] (log redaction). */
export function maskIdAndPhoneShapes(text: string): string {
  return text.replace(RUN, (run) => {
    const shape = shapeOfRun(run);
    return shape === 'id' ? '[ID]' : shape === 'phone' ? '[PHONE]' : run;
  });
}

/**
 * Characters no name, title or free text may hold: C0/C1 controls but tab and newline (NUL
 * included), bidi embeddings/overrides/isolates (they reverse what a reader sees: a name can be
 * made to read as another's), and lone surrogates (not text; they break storage and rendering).
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]|\p{Cs}/u;

/** What is wrong with a text's characters, or null when they are all acceptable. */
export function unsafeCharacters(text: string, multiline = false): 'CONTROL' | 'BIDI' | 'SURROGATE' | null {
  const m = UNSAFE.exec(text) ?? (!multiline && /[\n\t]/.exec(text)) ?? null;
  if (!m) return null;
  const c = m[0].codePointAt(0) ?? 0;
  if (c >= 0xd800 && c <= 0xdfff) return 'SURROGATE';
  if (c <= 0x9f) return 'CONTROL';
  return 'BIDI';
}
