/**
 * Size rule (docs/architecture.md, "Size"): a source file under src/ or server/ stays under
 * MAX_FILE_LINES lines and every function under MAX_FUNCTION_LINES, unless the file states why
 * in its first lines as `// size: <reason>`. Areas listed in REPORT_ONLY are printed but do not
 * fail (other work owns them this round); everything else fails the run.
 *
 *   npx tsx scripts/check-sizes.ts          # exit 1 on a violation outside REPORT_ONLY
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export const MAX_FILE_LINES = 300;
export const MAX_FUNCTION_LINES = 60;
const ROOTS = ['src', 'server'];
/** Printed, not failing: pages and sub-packages (client pages work) and the store adapters (store split). */
export const REPORT_ONLY = ['src/pages/', 'src/subpackages/', 'server/adapters/'];
/**
 * Known violations when the rule was first enforced, and those merged the same day from work
 * written before the rule existed (file, function name, lines then), each to be split by the work
 * that owns it: they may shrink, never grow, and no new one may join them.
 * Remove an entry once it is fixed.
 */
export const KNOWN: Readonly<Record<string, number>> = {};
const keyOf = (v: SizeViolation) => `${v.file} ${v.kind === 'file' ? '(file)' : v.name}`;

/** A stated reason in the first lines exempts the file: `// size: generated table`. */
const REASON = /^\s*\/\/\s*size:\s*\S/m;

export interface SizeViolation {
  readonly file: string;
  readonly kind: 'file' | 'function';
  readonly name: string;
  readonly line: number;
  readonly lines: number;
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText(sf);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(sf);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(sf);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return '(anonymous)';
}

const isFunctionLike = (n: ts.Node): n is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isConstructorDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n);

/** The violations of one file's text (no exemption check: see checkSizes). */
export function measure(file: string, text: string): SizeViolation[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: SizeViolation[] = [];
  const total = sf.getLineAndCharacterOfPosition(sf.end).line + (text.endsWith('\n') ? 0 : 1);
  if (total > MAX_FILE_LINES) out.push({ file, kind: 'file', name: '', line: 1, lines: total });
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n) && n.body) {
      const start = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(n.end).line;
      const lines = end - start + 1;
      if (lines > MAX_FUNCTION_LINES) out.push({ file, kind: 'function', name: nameOf(n, sf), line: start + 1, lines });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

export function checkSizes(root: string): { enforced: SizeViolation[]; reported: SizeViolation[] } {
  const enforced: SizeViolation[] = [];
  const reported: SizeViolation[] = [];
  for (const abs of ROOTS.flatMap((r) => sourceFiles(join(root, r)))) {
    const file = relative(root, abs).split(sep).join('/');
    const text = readFileSync(abs, 'utf8');
    if (REASON.test(text.split('\n').slice(0, 15).join('\n'))) continue;
    const found = measure(file, text);
    for (const v of found) {
      const known = KNOWN[keyOf(v)];
      const reportOnly = REPORT_ONLY.some((p) => file.startsWith(p)) || (known !== undefined && v.lines <= known);
      (reportOnly ? reported : enforced).push(v);
    }
  }
  return { enforced, reported };
}

const show = (v: SizeViolation) => (v.kind === 'file' ? `${v.file}: ${v.lines} lines (file > ${MAX_FILE_LINES})` : `${v.file}:${v.line} ${v.name}: ${v.lines} lines (function > ${MAX_FUNCTION_LINES})`);

if (require.main === module) {
  const { enforced, reported } = checkSizes(join(__dirname, '..'));
  if (reported.length) console.log(`report only (${REPORT_ONLY.join(', ')}, and KNOWN):\n  ${reported.map(show).join('\n  ')}`);
  if (enforced.length) {
    console.error(`size rule broken (split it, or state why at the top: // size: <reason>):\n  ${enforced.map(show).join('\n  ')}`);
    process.exit(1);
  }
  console.log(`sizes ok: files ≤ ${MAX_FILE_LINES} lines, functions ≤ ${MAX_FUNCTION_LINES} (outside report-only areas)`);
}
