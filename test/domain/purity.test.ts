import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** ARCHITECTURE.md principle 1: src/domain is pure — relative imports only, no clock, no `any`. */
const ROOT = join(__dirname, '../../src/domain');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const sources = files(ROOT).map((p) => ({ file: relative(ROOT, p), text: readFileSync(p, 'utf8') }));

describe('src/domain purity', () => {
  it.each(sources.map((s) => [s.file, s.text]))('rejects when %s imports anything but a relative module', (_f, text) => {
    const specifiers = [...(text as string).matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(specifiers.filter((s) => !s?.startsWith('.'))).toEqual([]);
    expect(text).not.toMatch(/\brequire\(/);
  });
  it.each(sources.map((s) => [s.file, s.text]))('rejects when %s reads the clock or uses any', (_f, text) => {
    expect(text).not.toMatch(/Date\.now\(|new Date\(\)|performance\.now/);
    expect(text).not.toMatch(/:\s*any\b|as any\b|<any>/);
  });
  it('rejects when the stroke order uses ICU collation', () => {
    // Code only: the header comment explains why ICU is not used.
    const code = (sources.find((s) => s.file === 'stroke-order.ts')?.text ?? '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).toContain('STROKE_RANKS');
    expect(code).not.toMatch(/localeCompare|Intl\.|zh-u-co/);
  });
  it('uses kebab-case file names', () => {
    for (const s of sources) expect(s.file).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*\/)*[a-z0-9]+(-[a-z0-9]+)*(\.[a-z-]+)?\.ts$/);
  });
});
