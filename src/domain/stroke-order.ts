/**
 * 姓氏笔画排序 — ordering names by surname strokes, the default order of the formal candidate
 * list (RULES.md §3; a real notice was corrected for not doing this).
 *
 * The order, and its documented tie-breaks:
 * 1. Surname first character: fewer strokes first.
 * 2. Equal stroke count: compare the stroke types stroke by stroke, in the order
 *    横(一) 竖(丨) 撇(丿) 点(丶) 折(乛) (GB 13000.1 / 现代汉语通用字笔顺规范 笔顺; 提 counts as 横,
 *    竖钩 as 竖, 捺 as 点, every turning stroke as 折). So 丁 (一亅) comes before 卜 (丨丶), and
 *    王 (一…) before 毛 (丿…) before 方 (丶…).
 * 3. Different characters with the same count and the same stroke types: by code point, so two
 *    different characters never compare equal.
 * 4. Same first character: the surname's next character decides (a single surname, having
 *    none, comes first: 司 before 司马 before 司徒).
 * 5. Then the given-name characters, one by one in the same way; a shorter name first when one
 *    is a prefix of the other.
 * 6. Finally the raw text by code point (it can differ only in white space), so the order is
 *    total and deterministic.
 * Characters missing from the table sort after every known character, among themselves by code
 * point; `strokeKey(...).known` is false for such names so callers can flag them for a person
 * to check.
 *
 * The data comes from scripts/gen-surname-strokes.mjs (two independent sources plus Unihan,
 * cross-checked); ICU's zh-u-co-stroke collation is not used: its stroke data and tie-breaks
 * are not the ones above and differ between platforms.
 */
import { STROKE_CLASSES, STROKE_RANKS } from './surname-strokes.data';

export type StrokeClass = '1' | '2' | '3' | '4' | '5';

export type CharStroke = {
  readonly char: string;
  readonly known: boolean;
  /** Stroke count, or null when the character is not in the table. */
  readonly strokes: number | null;
  /** Stroke classes, one digit per stroke: 1 横 2 竖 3 撇 4 点 5 折; '' when unknown. */
  readonly sequence: string;
};

export type StrokeKey = {
  /** The name as compared: surrounding and inner white space removed. */
  readonly name: string;
  readonly surname: string;
  readonly givenName: string;
  readonly compound: boolean;
  readonly surnameChars: readonly CharStroke[];
  readonly givenChars: readonly CharStroke[];
  /** False when any character of the name is missing from the stroke table. */
  readonly known: boolean;
  readonly unknownChars: readonly string[];
};

/**
 * Compound surnames (复姓) recognised at the start of a name of three or more characters. Pairs
 * whose first character is a common single surname and whose second is a common given-name
 * character (乐正, 梁丘, 左丘, 谷梁, 段干, 宗政) are left out: 梁丘华 is far more likely 梁 + 丘华.
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '令狐', '钟离', '万俟', '闻人', '赫连', '公羊', '澹台', '公冶', '濮阳', '淳于', '单于', '太叔',
  '申屠', '仲孙', '鲜于', '闾丘', '司空', '亓官', '司寇', '颛孙', '端木', '巫马', '公西', '漆雕', '壤驷',
  '公良', '拓跋', '夹谷', '宰父', '百里', '东郭', '南门', '呼延', '归海', '羊舌', '微生', '东门', '西门',
  '南宫', '第五',
];
const COMPOUND_SET: ReadonlySet<string> = new Set(COMPOUND_SURNAMES);

export type StrokeTableEntry = { readonly rank: number; readonly sequence: string };
let tableCache: ReadonlyMap<string, StrokeTableEntry> | null = null;

/** The base-89 digits of the table format (scripts/surname-strokes-format.mjs): printable ASCII, no quote, backslash, backtick or $. */
const DIGITS = '!#%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~';

/** Value of each digit character by char code, -1 for anything else (a table character). */
function digitValues(): Int8Array {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) values[DIGITS.charCodeAt(i)] = i;
  return values;
}

/** Up to 8 base-89 digits are below 2^53: such a difference is added as one number. */
const SAFE_DIGITS = 8;

/** seq (base 5, most significant first) += the base-89 number `diff`; returns the first index changed. */
function addDifference(seq: number[], diff: string, values: Int8Array): number {
  if (diff.length <= SAFE_DIGITS) {
    let d = 0;
    for (let i = 0; i < diff.length; i++) d = d * 89 + (values[diff.charCodeAt(i)] ?? 0);
    // Stops as soon as nothing is left to carry: most differences touch the last few strokes.
    let i = seq.length - 1;
    for (; i >= 0 && d > 0; i--) {
      const x = (seq[i] ?? 0) + (d % 5);
      seq[i] = x % 5;
      d = Math.floor(d / 5) + (x >= 5 ? 1 : 0);
    }
    return i + 1;
  }
  // Longer (a sparse group's first characters): the difference in base 5, digit by digit.
  const delta = new Array<number>(seq.length).fill(0);
  for (let k = 0; k < diff.length; k++) {
    let carry = values[diff.charCodeAt(k)] ?? 0;
    for (let i = delta.length - 1; i >= 0; i--) {
      const x = (delta[i] ?? 0) * 89 + carry;
      delta[i] = x % 5;
      carry = Math.floor(x / 5);
    }
  }
  let carry = 0;
  for (let i = seq.length - 1; i >= 0; i--) {
    const x = (seq[i] ?? 0) + (delta[i] ?? 0) + carry;
    seq[i] = x % 5;
    carry = x >= 5 ? 1 : 0;
  }
  return 0;
}

const CLASS_CHARS = '12345';

/**
 * The ranks' character code (RANK_CODE of scripts/surname-strokes-format.mjs): each character is
 * the difference of its code point from the previous one of its group (the first from BASE) —
 * one digit v < ONE: v − ONE_OFFSET; two digits v, w below ONE + TWO: (v − ONE)·89 + w −
 * TWO_OFFSET; else three digits v, w, x: the code point BASE + ((v − ONE − TWO)·89 + w)·89 + x.
 */
const RANK_CODE = { BASE: 0x4e00, ONE: 66, ONE_OFFSET: 35, TWO: 20, TWO_OFFSET: 890 } as const;

/** The characters of each stroke count's group (n = 1, 2, …) in rank order, decoded from STROKE_RANKS. */
function rankGroups(values: Int8Array): string[][] {
  const { BASE, ONE, ONE_OFFSET, TWO, TWO_OFFSET } = RANK_CODE;
  return STROKE_RANKS.join('')
    .split(' ')
    .map((text) => {
      const group: string[] = [];
      let i = 0;
      const next = (): number => values[text.charCodeAt(i++)] ?? 0;
      for (let cp = BASE; i < text.length; group.push(String.fromCharCode(cp))) {
        const v = next();
        if (v < ONE) cp += v - ONE_OFFSET;
        else if (v < ONE + TWO) cp += (v - ONE) * 89 + next() - TWO_OFFSET;
        else cp = BASE + ((v - ONE - TWO) * 89 + next()) * 89 + next();
      }
      return group;
    });
}

/** One stroke count's group: its characters, each with its base-89 difference from the previous sequence. */
function decodeGroup(group: readonly string[], n: number, diffs: readonly string[], values: Int8Array, into: Map<string, StrokeTableEntry>): void {
  const seq = new Array<number>(n).fill(0);
  let sequence = CLASS_CHARS.charAt(0).repeat(n);
  // Only the changed strokes rewritten: most differences touch the last few strokes.
  for (const char of group) {
    // The differences run over the whole table: a character's rank is its index.
    const from = addDifference(seq, diffs[into.size] ?? '', values);
    let tail = '';
    for (let k = from; k < n; k++) tail += CLASS_CHARS.charAt(seq[k] ?? 0);
    sequence = sequence.slice(0, from) + tail;
    into.set(char, { rank: into.size, sequence });
  }
}

/**
 * Every character of the table with its rank (position in the order) and stroke classes,
 * decoded on first use (format: scripts/surname-strokes-format.mjs). Only charStroke and
 * strokeKey read the classes; sorting reads ranks alone.
 */
export function strokeTable(): ReadonlyMap<string, StrokeTableEntry> {
  if (tableCache) return tableCache;
  const map = new Map<string, StrokeTableEntry>();
  const values = digitValues();
  const diffs = STROKE_CLASSES.join('').split(' ');
  rankGroups(values).forEach((group, g) => decodeGroup(group, g + 1, diffs, values, map));
  tableCache = map;
  return map;
}

let rankCache: ReadonlyMap<string, number> | null = null;

/**
 * Each table character's rank (its position): all that sorting needs, read from STROKE_RANKS
 * alone, so a bundle that only sorts carries no stroke classes.
 */
function ranks(): ReadonlyMap<string, number> {
  if (rankCache) return rankCache;
  const map = new Map<string, number>();
  for (const group of rankGroups(digitValues())) for (const c of group) map.set(c, map.size);
  rankCache = map;
  return map;
}

const chars = (s: string): string[] => Array.from(s);
const clean = (fullName: string): string => fullName.replace(/[\s\u3000]+/g, '');

export function charStroke(char: string): CharStroke {
  const e = strokeTable().get(char);
  return e ? { char, known: true, strokes: e.sequence.length, sequence: e.sequence } : { char, known: false, strokes: null, sequence: '' };
}

/**
 * The surname of a full name: a listed compound surname when the name has at least three
 * characters (a two-character name is surname + given name), otherwise the first character.
 */
export function surnameOf(fullName: string): string {
  const c = chars(clean(fullName));
  const two = c.slice(0, 2).join('');
  if (c.length >= 3 && COMPOUND_SET.has(two)) return two;
  return c[0] ?? '';
}

export function strokeKey(fullName: string): StrokeKey {
  const name = clean(fullName);
  const surname = surnameOf(name);
  const givenName = name.slice(surname.length);
  const surnameChars = chars(surname).map(charStroke);
  const givenChars = chars(givenName).map(charStroke);
  const unknownChars = [...surnameChars, ...givenChars].filter((x) => !x.known).map((x) => x.char);
  return { name, surname, givenName, compound: surnameChars.length > 1, surnameChars, givenChars, known: unknownChars.length === 0, unknownChars };
}

const cp = (c: string): number => c.codePointAt(0) ?? 0;

/**
 * A character's place in the order as one number, worked out once per name rather than in every
 * comparison (a 100,000-name call list sorted with table lookups in the comparator grew faster
 * than the roll): known characters by rank (count, stroke types, code point — the table's own
 * order), unknown ones after all of them by code point. Equal numbers only for equal characters.
 */
function charRank(c: string): number {
  const t = ranks();
  return t.get(c) ?? t.size + cp(c);
}

function compareSeq(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

type Parts = { readonly surname: number[]; readonly given: number[]; readonly raw: string };

function partsOf(fullName: string): Parts {
  const name = clean(fullName);
  const surname = surnameOf(name);
  return { surname: chars(surname).map(charRank), given: chars(name.slice(surname.length)).map(charRank), raw: fullName };
}

function compareParts(a: Parts, b: Parts): number {
  return (
    compareSeq(a.surname, b.surname) ||
    compareSeq(a.given, b.given) ||
    (a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0)
  );
}

/** Comparator for 姓氏笔画 order; zero only for identical texts. */
export const compareByStroke = (a: string, b: string): number => Math.sign(compareParts(partsOf(a), partsOf(b)));

/** Two UTF-16 units per character place (1…0x8001 each: below the surrogates, never 0). */
const placeUnits = (n: number): string => String.fromCharCode((n >>> 15) + 1, (n & 0x7fff) + 1);

/**
 * compareParts as one string compared by code unit: surname places, a 0 unit (so a shorter
 * sequence that is a prefix of a longer one comes first), given-name places, a 0 unit, then the
 * raw text (compared by code unit, as compareParts does). Places stay below 2^30.
 */
function sortKey(fullName: string): string {
  const c = chars(clean(fullName));
  // surnameOf's split, without cleaning and splitting the name a second time.
  const surnameLength = c.length >= 3 && COMPOUND_SET.has(`${c[0]}${c[1]}`) ? 2 : Math.min(1, c.length);
  let key = '';
  for (let i = 0; i < c.length; i++) {
    if (i === surnameLength) key += '\u0000';
    key += placeUnits(charRank(c[i] ?? ''));
  }
  if (c.length === surnameLength) key += '\u0000';
  return `${key}\u0000${fullName}`;
}

/** A new array in 姓氏笔画 order; items with identical names keep their input order (the sort is stable). */
export function sortByStroke<T>(items: readonly T[], nameOf: (t: T) => string): T[] {
  return items
    .map((item) => ({ item, key: sortKey(nameOf(item)) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((x) => x.item);
}
