#!/usr/bin/env node
/**
 * Generates src/domain/surname-strokes.data.ts: stroke count and stroke-type sequence (笔顺, five
 * classes 横1 竖2 撇3 点4 折5) of surname and given-name characters, for the 姓氏笔画 order of
 * candidate lists (RULES.md §3). ICU's zh-u-co-stroke collation is deliberately not used.
 *
 * Sources, installed outside the repo (they are not dependencies of the app):
 *   mkdir -p /tmp/strokes && cd /tmp/strokes && npm init -y \
 *     && npm install cnchar@3.2.6 cnchar-order@3.2.6 hanzi-writer-data@2.0.1
 *   apt-get install unicode-data     # Unihan: kTotalStrokes (third count witness) and kGB0 (GB 2312 set)
 * Run:
 *   node scripts/gen-surname-strokes.mjs [--sources /tmp/strokes] [--unihan /usr/share/unicode] [--check]
 * --check compares with the committed file instead of writing it (exit 1 when stale).
 *
 * Method:
 * 1. Characters: all of GB 2312 (from Unihan kGB0) except bare radical components, plus surname
 *    characters outside GB 2312 and a short list of frequent modern given-name characters.
 * 2. Stroke types come from cnchar-order's per-stroke names, mapped to the five classes of the
 *    现代汉语通用字笔顺规范: 提 counts as 横, 竖钩 as 竖, 捺 and every 点 as 点, every other
 *    stroke with a turn or hook as 折.
 * 3. Stroke counts are cross-checked between cnchar (its count and its sequence length),
 *    hanzi-writer-data (number of strokes in its data) and Unihan kTotalStrokes (first, i.e.
 *    mainland value). Any disagreement must be resolved in RESOLVED below, by hand, against the
 *    standard (现代汉语通用字表 / 通用规范汉字表) counts; an unresolved one fails the run.
 * 4. The first two stroke types of every surname character are also checked against the
 *    direction of hanzi-writer-data's stroke medians. Geometry cannot tell a left-falling 点 from
 *    a short 撇, a slanted short 竖 from a 点, or a 竖钩's hook from a turn, so those known cases
 *    are accepted; any other mismatch must be reviewed in REVIEWED_TYPES or the run fails.
 * 5. EXPECTED_COUNTS (standard counts checked by hand) must match the generated table.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeStrokeTable } from './surname-strokes-format.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const SOURCES = resolve(opt('--sources', process.env.STROKE_SOURCES ?? '/tmp/strokes'));
const UNIHAN = resolve(opt('--unihan', process.env.UNIHAN_DIR ?? '/usr/share/unicode'));
const CHECK = args.includes('--check');
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src/domain/surname-strokes.data.ts');

function fail(message) {
  console.error(`gen-surname-strokes: ${message}`);
  process.exit(1);
}

if (!existsSync(join(SOURCES, 'node_modules/cnchar'))) fail(`cnchar not found under ${SOURCES}; see the install lines in this file's header`);
const req = createRequire(join(SOURCES, 'package.json'));
const cnchar = req('cnchar');
cnchar.use(req('cnchar-order'));
const HW_DIR = dirname(req.resolve('hanzi-writer-data/package.json'));
const versionOf = (pkg) => JSON.parse(readFileSync(req.resolve(`${pkg}/package.json`), 'utf8')).version;
const VERSIONS = { cnchar: versionOf('cnchar'), 'cnchar-order': versionOf('cnchar-order'), 'hanzi-writer-data': versionOf('hanzi-writer-data') };

function unihanField(file, field) {
  const path = join(UNIHAN, file);
  if (!existsSync(path)) fail(`${path} not found; apt-get install unicode-data`);
  const text = execFileSync('bzcat', [path], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const map = new Map();
  const re = new RegExp(`^U\\+([0-9A-F]+)\\t${field}\\t(.+)$`, 'gm');
  for (const m of text.matchAll(re)) map.set(String.fromCodePoint(parseInt(m[1], 16)), m[2]);
  return map;
}
const UNIHAN_STROKES = new Map([...unihanField('Unihan_IRGSources.txt.bz2', 'kTotalStrokes')].map(([c, v]) => [c, Number(v.split(' ')[0])]));
const GB2312 = [...unihanField('Unihan_OtherMappings.txt.bz2', 'kGB0')].sort((a, b) => Number(a[1]) - Number(b[1])).map(([c]) => c);
if (GB2312.length !== 6763) fail(`expected 6763 GB 2312 characters from kGB0, got ${GB2312.length}`);
const UNIHAN_VERSION = (readFileSync(join(UNIHAN, 'ReadMe.txt'), 'utf8').match(/Version (\d+\.\d+\.\d+)/) ?? [])[1] ?? 'unknown';

// 百家姓 (single surnames, in the text's order) and its compound surnames.
const BAIJIAXING =
  '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎' +
  '鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄' +
  '和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭' +
  '梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚' +
  '程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫' +
  '宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻' +
  '莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向' +
  '古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾' +
  '毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公' +
  '万俟司马上官欧阳夏侯诸葛闻人东方赫连皇甫尉迟公羊澹台公冶宗政濮阳淳于单于太叔申屠公孙仲孙轩辕令狐' +
  '钟离宇文长孙慕容鲜于闾丘司徒司空亓官司寇仉督子车颛孙端木巫马公西漆雕乐正壤驷公良拓跋夹谷宰父谷梁' +
  '晋楚闫法汝鄢涂钦段干百里东郭南门呼延归海羊舌微生岳帅缑亢况后有琴梁丘左丘东门西门商牟佘佴伯赏南宫' +
  '墨哈谯笪年爱阳佟第五言福';
// The most frequent surnames of the 2020 census (户籍 statistics) and common regional ones.
const CENSUS_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁' +
  '任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严' +
  '莫孔向常汤康易乔赖文施洪辛柯庄樊殷牛兰葛倪温芦鲁齐聂关欧左翟甘申耿谷岳焦代单祝涂安包纪宁游颜路蓝' +
  '骆童阮麦冼邝岑佘植区招练巫官古利容伍晏喻柴管卓符裴华季米霍尚阎舒詹屈苗戚饶褚滕解应成俞柳鲍费梅席' +
  '麻强蒙池农凌邢蓝黄谌揭璩缪隋';
// Frequent given-name characters outside GB 2312 (通用规范汉字表 added many for names).
const EXTRA_NAME_CHARS = '喆堃祎昇垚瑄镕彧烜奭昉玥珺旻琇翀晞赟犇炘珣璟瑀璠玙琎玹暐曈洺焜燚珅璘芃';

const SURNAME_CHARS = [...new Set([...BAIJIAXING, ...CENSUS_SURNAMES])];

/** Radical components in GB 2312 that cnchar has no data for; they never occur in names. */
const COMPONENTS = new Set('丨丿丶匚刂亠冫冖讠卩阝廴艹扌彳彡犭夂饣忄丬氵宀辶彐屮纟灬礻疒衤');

/**
 * Hand resolutions of every disagreement, against the standard stroke counts and 笔顺 of the
 * 现代汉语通用字表 / 通用规范汉字表. `seq` is the full class sequence.
 */
const RESOLVED = {
  皙: {
    seq: '1234331232511',
    why: 'cnchar 12, hanzi-writer-data 13, Unihan 13. 皙 = 析 (横竖撇点 撇撇横竖, 8) over 白 (撇竖横折横横, 5) = 13; cnchar drops the 撇 of 白. Resolved 13.',
  },
  郤: {
    seq: '343425152',
    why: 'not in cnchar; hanzi-writer-data 9, Unihan 9 (百家姓 surname outside GB 2312). 谷 (撇点撇捺竖横折横, 7) + 阝 (横撇弯钩竖, 2) = 9.',
  },
};

/** Surname first-stroke mismatches against geometry that were reviewed by hand (none changed the data). */
const REVIEWED_TYPES = {
  费: 'first stroke 横折 of 弗 (折); the median bends late, geometry reads 横. cnchar right.',
  滕: 'second stroke 横折钩 of 月 (折); geometry sees the long 竖 part. cnchar right.',
  姚: 'first stroke 撇点 of 女 (折); geometry reads the short turn as 竖. cnchar right.',
  殳: 'second stroke 横折弯 (折); the turn is shallow, geometry reads 点. cnchar right.',
  五: 'second stroke 竖 (五 = 横竖横折横); the Kaiti 竖 leans left and reads as 撇. cnchar right.',
  蒯: 'hanzi-writer-data writes 艹 竖-竖-横; the standard 艹 is 横-竖-竖 (cnchar). cnchar right.',
};

/** Standard stroke counts (现代汉语通用字表), checked by hand; the generated table must agree. */
const EXPECTED_COUNTS = {
  马: 3, 王: 4, 刘: 6, 张: 7, 陈: 7, 黄: 11, 赵: 9, 周: 8, 吴: 7, 徐: 10, 孙: 6, 胡: 9, 朱: 6, 高: 10, 林: 8,
  何: 7, 郭: 10, 罗: 8, 郑: 8, 梁: 11, 谢: 12, 宋: 7, 唐: 10, 许: 6, 韩: 12, 冯: 5, 邓: 4, 曹: 11, 彭: 12,
  曾: 12, 萧: 11, 田: 5, 董: 12, 潘: 15, 袁: 10, 于: 3, 蒋: 12, 蔡: 14, 余: 7, 杜: 7, 叶: 5, 程: 12, 苏: 7,
  魏: 17, 吕: 6, 丁: 2, 任: 6, 沈: 7, 姚: 9, 卢: 5, 姜: 9, 崔: 11, 钟: 9, 谭: 14, 陆: 7, 汪: 7, 范: 8, 金: 8,
  石: 5, 廖: 14, 贾: 10, 夏: 10, 韦: 4, 付: 5, 方: 4, 白: 5, 邹: 7, 孟: 8, 熊: 14, 秦: 10, 邱: 7, 江: 6,
  尹: 4, 薛: 16, 闫: 6, 段: 9, 雷: 13, 侯: 9, 龙: 5, 史: 5, 陶: 10, 黎: 15, 贺: 9, 顾: 10, 毛: 4, 郝: 9,
  龚: 11, 邵: 7, 万: 3, 钱: 10, 严: 7, 覃: 12, 武: 8, 戴: 17, 莫: 10, 孔: 4, 向: 6, 汤: 6, 乙: 1, 卜: 2,
  刁: 2, 弓: 3, 门: 3, 肖: 7, 李: 7, 杨: 7, 欧: 8, 司: 5, 诸: 10, 上: 3, 皇: 9, 尉: 11, 公: 4, 慕: 14,
  长: 4, 宇: 6, 令: 5, 轩: 7, 东: 5, 皙: 13, 郤: 9,
};

/** cnchar-order stroke letters → the five classes; unlisted letters are turning strokes (折). */
const CLASS_OF_LETTER = { j: '1', i: '1', f: '2', g: '2', s: '3', k: '4', l: '4', d: '4' };
const toClasses = (letters) => [...letters].map((l) => CLASS_OF_LETTER[l] ?? '5').join('');

function cncharData(c) {
  const letters = cnchar.stroke(c, 'order')[0];
  if (typeof letters !== 'string' || letters.length === 0) return null;
  const names = cnchar.stroke(c, 'order', 'name')[0];
  return { seq: toClasses(letters), count: cnchar.stroke(c), names };
}

function hanziWriter(c) {
  const path = join(HW_DIR, `${c}.json`);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

// Geometry of a hanzi-writer median (y up, 0..1024): the class a stroke's shape suggests.
function distToSegment(p, a, b) {
  const vx = b[0] - a[0];
  const vy = b[1] - a[1];
  const len2 = vx * vx + vy * vy || 1;
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * vx + (p[1] - a[1]) * vy) / len2));
  return Math.hypot(p[0] - a[0] - t * vx, p[1] - a[1] - t * vy);
}
function geometryClass(median) {
  const p = median.map(([x, y]) => [x, 900 - y]);
  const first = p[0];
  const last = p[p.length - 1];
  let far = 0;
  let at = -1;
  for (let i = 1; i < p.length - 1; i++) {
    const d = distToSegment(p[i], first, last);
    if (d > far) [far, at] = [d, i];
  }
  const chord = Math.hypot(last[0] - first[0], last[1] - first[1]);
  if (at > 0 && far > 0.2 * chord + 25) {
    const a = [p[at][0] - first[0], p[at][1] - first[1]];
    const b = [last[0] - p[at][0], last[1] - p[at][1]];
    const ta = (Math.atan2(a[1], a[0]) * 180) / Math.PI;
    if (ta > 68 && ta < 110 && Math.hypot(...b) < 0.35 * Math.hypot(...a) && b[0] < 0) return '2';
    return '5';
  }
  const th = (Math.atan2(last[1] - first[1], last[0] - first[0]) * 180) / Math.PI;
  return th < 20 ? '1' : th < 68 ? '4' : th < 98 ? '2' : '3';
}
/** Mismatches geometry cannot settle: a left-falling 点, a slanted short 竖, a 竖钩's hook. */
const explainedByGeometry = (name, cls, geo) =>
  (name === '点2' && geo === '3') || (name === '竖' && geo === '4') || (name === '竖钩' && (geo === '5' || geo === '3'));

const chars = [...new Set([...GB2312.filter((c) => !COMPONENTS.has(c)), ...SURNAME_CHARS, ...EXTRA_NAME_CHARS])];
const table = new Map();
const disagreements = [];
const unresolved = [];
const missing = [];
for (const c of chars) {
  const cn = cncharData(c);
  const hw = hanziWriter(c);
  const counts = { cnchar: cn ? cn.count : null, cncharOrder: cn ? cn.seq.length : null, hanziWriter: hw ? hw.strokes.length : null, unihan: UNIHAN_STROKES.get(c) ?? null };
  const known = Object.values(counts).filter((n) => n !== null && n > 0);
  const agree = cn !== null && known.length >= 3 && known.every((n) => n === known[0]);
  const hand = RESOLVED[c];
  if (hand) {
    disagreements.push({ c, counts, seq: hand.seq, why: hand.why });
    table.set(c, hand.seq);
  } else if (agree) {
    table.set(c, cn.seq);
  } else if (cn === null) {
    missing.push(c);
  } else {
    unresolved.push(`${c} ${JSON.stringify(counts)}`);
  }
}
if (unresolved.length) fail(`unresolved stroke-count disagreements (add to RESOLVED):\n${unresolved.join('\n')}`);
if (missing.length) fail(`no stroke data for: ${missing.join('')}`);
for (const [c, { seq }] of Object.entries(RESOLVED)) {
  const witnesses = [hanziWriter(c)?.strokes.length, UNIHAN_STROKES.get(c)].filter((n) => n !== undefined);
  if (witnesses.some((n) => n !== seq.length)) fail(`hand resolution of ${c} (${seq.length}) contradicts hanzi-writer-data/Unihan`);
}

const typeFlags = [];
for (const c of SURNAME_CHARS) {
  const cn = cncharData(c);
  const hw = hanziWriter(c);
  if (!cn || !hw || RESOLVED[c]) continue;
  for (let i = 0; i < Math.min(2, cn.seq.length); i++) {
    const geo = geometryClass(hw.medians[i]);
    const cls = cn.seq[i];
    if (geo !== cls && !explainedByGeometry(cn.names[i], cls, geo)) typeFlags.push({ c, i, cls, geo, name: cn.names[i] });
  }
}
const unreviewed = typeFlags.filter((f) => !REVIEWED_TYPES[f.c]);
if (unreviewed.length) fail(`unreviewed stroke-type mismatches (add to REVIEWED_TYPES):\n${unreviewed.map((f) => `${f.c}[${f.i}] ${f.name}=${f.cls} geometry=${f.geo}`).join('\n')}`);

const wrong = Object.entries(EXPECTED_COUNTS).filter(([c, n]) => table.get(c)?.length !== n);
if (wrong.length) fail(`standard counts not matched: ${wrong.map(([c, n]) => `${c} expected ${n} got ${table.get(c)?.length}`).join(', ')}`);

// Collation order: stroke count, then stroke classes stroke by stroke, then code point.
const cp = (c) => c.codePointAt(0);
const entries = [...table].sort(([a, sa], [b, sb]) => sa.length - sb.length || (sa < sb ? -1 : sa > sb ? 1 : cp(a) - cp(b)));

const encoded = encodeStrokeTable(entries);
const indent = (lines) => lines.map((l) => `  ${l}`).join('\n');

const levelOne = new Set(GB2312.slice(0, 3755));
const inLevelOne = entries.filter(([c]) => levelOne.has(c)).length;
const header = `/**
 * GENERATED by scripts/gen-surname-strokes.mjs — do not edit by hand; change the script and rerun.
 *
 * 姓氏笔画 data: for each character, its stroke-class sequence (笔顺) in the five classes of the
 * 现代汉语通用字笔顺规范: 1 横(一, with 提) 2 竖(丨, with 竖钩) 3 撇(丿) 4 点(丶, with 捺) 5 折(乛,
 * every turning or hooked stroke). The stroke count is the length of the sequence. Entries are
 * listed in collation order (count, then classes stroke by stroke, then code point), so a
 * character's position is its rank. Compact format (≈ 14 KB of ranks that sorting reads, ≈ 15 KB
 * of stroke classes only charStroke/strokeKey read; 91 KB as digits): see
 * scripts/surname-strokes-format.mjs; decoded once, on first use, by stroke-order.ts.
 *
 * Characters: ${entries.length} — all of GB 2312 (${inLevelOne} of level 1) except ${COMPONENTS.size} bare radical components,
 * plus surnames outside GB 2312 and ${EXTRA_NAME_CHARS.length} frequent given-name characters of the 通用规范汉字表.
 *
 * Sources (independent of ICU; zh-u-co-stroke is not used):
 * - cnchar ${VERSIONS.cnchar} + cnchar-order ${VERSIONS['cnchar-order']} (npm): stroke count and per-stroke names.
 * - hanzi-writer-data ${VERSIONS['hanzi-writer-data']} (npm, from Make Me a Hanzi): stroke count = strokes in its data;
 *   medians used to check the first two stroke types of every surname character.
 * - Unicode ${UNIHAN_VERSION} Unihan kTotalStrokes (Debian unicode-data): third count witness; kGB0 for the GB 2312 set.
 * cnchar and hanzi-writer-data agree on every GB 2312 character but one, which suggests a shared
 * lineage, so Unihan's count is required to agree too; characters outside hanzi-writer-data
 * (most extra name characters) need cnchar and Unihan to agree.
 *
 * Stroke-count disagreements and their hand resolution (standard counts, 现代汉语通用字表):
${disagreements.map((d) => ` * - ${d.c}: ${d.why}`).join('\n')}
 * Stroke-type review of surname characters (cnchar vs hanzi-writer-data geometry, first two
 * strokes): ${typeFlags.length} mismatches beyond the known geometric ambiguities (left-falling 点,
 * slanted short 竖, 竖钩 hook), each reviewed by hand; none changed the data:
${typeFlags.map((f) => ` * - ${f.c} stroke ${f.i + 1}: ${REVIEWED_TYPES[f.c]}`).join('\n')}
 * Bare radical components without cnchar data, left out (never in names): ${[...COMPONENTS].join('')}.
 */
`;

const body = `${header}
/** The characters in collation order, per stroke count (groups joined by a space), each as a code-point difference (RANK_CODE of scripts/surname-strokes-format.mjs): a character's position is its rank. */
export const STROKE_RANKS: readonly string[] = [
${indent(encoded.ranks)}
];

/** Per character of STROKE_RANKS, in order: the base-89 difference of its stroke classes from the previous one's (space-separated). */
export const STROKE_CLASSES: readonly string[] = [
${indent(encoded.classes)}
];
`;

if (CHECK) {
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (current !== body) fail(`${OUT} is stale; rerun without --check`);
  console.log(`up to date: ${entries.length} characters`);
} else {
  writeFileSync(OUT, body);
  console.log(`wrote ${OUT}: ${entries.length} characters, ${Buffer.byteLength(body)} bytes`);
  console.log(`count disagreements resolved: ${disagreements.map((d) => d.c).join('')}; type flags reviewed: ${typeFlags.map((f) => f.c).join('')}`);
}
