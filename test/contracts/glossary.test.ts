/**
 * One word per concept (docs/glossary.md): every string a person can read — labels, JSX text,
 * zod messages, notice and message text — is free of the words the glossary bans. Comments and
 * identifiers are not read (the TypeScript scanner separates them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['src', 'server/use-cases', 'server/push', 'server/seed'];

/** The third column of docs/glossary.md: banned word → the one word to use. */
const BANNED: Record<string, string> = { 异议: '申诉', 选委会: '选举委员会', 代投: '委托投票' };
/** “有异议的…申诉” is the law's own sentence; a page may quote it (none does today). */
const QUOTES = ['对登记参加选举的村民名单有异议的'];
/**
 * Words a clerk may type, recognised but never shown: the free-text notice guard
 * (TITLE_CLAIMS in src/domain/notice.ts) must catch a title that says 选委会成员 or 异议处理结果.
 */
const INPUT_SYNONYMS: Record<string, readonly string[]> = { 'src/domain/notice.ts': ["'选委会成员'", "'异议处理结果'"] };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every string literal, template text and JSX text of a file, with its line. */
export function readableStrings(file: string, text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node)) {
      out.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.getText(source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('glossary: one word per concept in what people read (docs/glossary.md)', () => {
  const files = SCANNED.flatMap((d) => sourceFiles(join(ROOT, d)));

  it('scans the client and the server texts', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(Object.entries(BANNED))('rejects when a string says %s instead of %s', (banned) => {
    const hits = files.flatMap((f) =>
      readableStrings(f, readFileSync(f, 'utf8'))
        .filter((s) => s.text.includes(banned) && !QUOTES.some((q) => s.text.includes(q)) && !(INPUT_SYNONYMS[relative(ROOT, f)] ?? []).includes(s.text))
        .map((s) => `${relative(ROOT, f)}:${s.line} ${s.text.slice(0, 80)}`),
    );
    expect(hits).toEqual([]);
  });

  it('finds a banned word in a string but not in a comment (the scanner itself)', () => {
    const found = readableStrings('x.tsx', "// 异议 in a comment\nconst a = '提出异议';\nconst b = <T>异议处理</T>;\nconst c = `${a}选委会`;\n");
    expect(found.map((s) => s.text).join(' ')).toContain('提出异议');
    expect(found.map((s) => s.text).join(' ')).toContain('异议处理');
    expect(found.map((s) => s.text).join(' ')).toContain('选委会');
    expect(found.some((s) => s.text.includes('in a comment'))).toBe(false);
  });
});
