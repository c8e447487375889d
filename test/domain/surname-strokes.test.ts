import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { charStroke, sortByStroke, strokeTable } from '../../src/domain/stroke-order';
import { STROKE_CLASSES, STROKE_RANKS } from '../../src/domain/surname-strokes.data';

/**
 * The compact stroke table (scripts/surname-strokes-format.mjs) holds exactly the data of the
 * digit-per-stroke table it replaced: fingerprints computed from that old table before it was
 * deleted (6768 entries; SHA-256 of the code-point-sorted "char:count" and "char:classes"
 * lines, and of the "char:classes" lines in table order, i.e. the ranks).
 */
const OLD = {
  entries: 6768,
  counts: 'c4abcf8d727b499a7652bb681cae3289325cc42c302765392b4ab269ab2ca595',
  sequences: 'd3c06c8b14fe7f7e485771e35e2814b8151b88d6a03d623958d637fa5ea76a6e',
  ordered: 'ef8d86dddbb90ec8884844688851b98fd9a9ae84ac9c77173049e187ca6cee91',
};
const sha = (lines: string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');

describe('compact surname stroke table', () => {
  const entries = [...strokeTable()];

  it('decodes to the same characters, stroke counts, stroke classes and order as the old table', () => {
    expect(entries).toHaveLength(OLD.entries);
    expect(sha(entries.map(([c, e]) => `${c}:${e.sequence.length}`).sort())).toBe(OLD.counts);
    expect(sha(entries.map(([c, e]) => `${c}:${e.sequence}`).sort())).toBe(OLD.sequences);
    expect(sha(entries.map(([c, e]) => `${c}:${e.sequence}`))).toBe(OLD.ordered);
  });

  it('gives every character its position as rank and only classes 1–5', () => {
    expect(entries.filter(([, e], i) => e.rank !== i)).toEqual([]);
    expect(entries.filter(([, e]) => !/^[1-5]+$/.test(e.sequence))).toEqual([]);
  });

  it('sorts by the same ranks without decoding the stroke classes (the fast path sorting uses)', () => {
    const chars = entries.map(([c]) => c);
    // Odd positions reversed, then even ones: far from table order, deterministic.
    const mixed = [...chars.filter((_, i) => i % 2).reverse(), ...chars.filter((_, i) => i % 2 === 0)];
    expect(sortByStroke(mixed, (c) => c)).toEqual(chars);
  });

  it('keeps the standard counts and 笔顺 of well-known surnames', () => {
    const expected: Record<string, string> = { 王: '1121', 丁: '12', 卜: '24', 马: '551', 李: '1234521', 张: '5153154', 刘: '413422', 陈: '5215234', 黄: '12212512134', 赵: '121213434', 欧: '13453534', 爨: '321125125151145123412341344334', 蠼: '25121425111251113241112154', 一: '1' };
    for (const [c, seq] of Object.entries(expected)) expect([c, charStroke(c).sequence]).toEqual([c, seq]);
  });
});

describe('scripts/surname-strokes-format.mjs (what gen-surname-strokes.mjs writes)', () => {
  it('encodes the decoded table back to the committed text, line for line', () => {
    // The script is plain ESM run by node (jest does not load .mjs): run it in a child process.
    const format = pathToFileURL(join(__dirname, '../../scripts/surname-strokes-format.mjs')).href;
    const script = `import { encodeStrokeTable } from ${JSON.stringify(format)};
let input = ''; process.stdin.on('data', (d) => (input += d)).on('end', () => process.stdout.write(JSON.stringify(encodeStrokeTable(JSON.parse(input)))));`;
    const entries = [...strokeTable()].map(([c, e]) => [c, e.sequence]);
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(entries), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ ranks: STROKE_RANKS.map((l) => `'${l}',`), classes: STROKE_CLASSES.map((l) => `'${l}',`) });
  });
});
