/**
 * The function bundles leave out the contracts' docs-only fields (`summary`, `errors`;
 * scripts/function-bundle-options.ts, contractDocsDropped). This holds only while nothing a
 * function runs reads them, and while the rest of every contract is untouched.
 */
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { contractDocsDropped, dropContractDocs, functionBuildOptions } from '../../scripts/function-bundle-options';
import { CONTRACTS } from '../../src/contracts';
import type { ActionContract } from '../../src/contracts/define-action';

const ROOT = resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

type Catalogue = Partial<Record<string, Record<string, ActionContract>>>;

/** src/contracts built with the bundles' plugin, loaded from a temporary file. */
async function strippedContracts(): Promise<Catalogue> {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-contracts-'));
  const outfile = join(dir, 'contracts.js');
  const { plugins } = functionBuildOptions(join(ROOT, 'src/contracts/index.ts'), outfile);
  expect(plugins).toContain(contractDocsDropped);
  await build({ entryPoints: [join(ROOT, 'src/contracts/index.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', plugins });
  const mod = jest.requireActual(outfile) as { CONTRACTS: Catalogue };
  rmSync(dir, { recursive: true, force: true });
  return mod.CONTRACTS;
}

/** What a schema answers to a few inputs: issue codes, paths and messages. */
function answers(schema: ActionContract['input']): string {
  return JSON.stringify([{}, null, { electionId: 'e-1' }, 'x'].map((v) => {
    const r = schema.safeParse(v);
    return r.success ? 'ok' : r.error.issues.map((i) => [i.code, i.path, i.message]);
  }));
}

describe('contract docs left out of the function bundles', () => {
  it('empties summary and errors of defineAction literals, nothing else', () => {
    const source = `export const a = defineAction({ fn: 'committee', action: 'x', summary: '说明', input: s, output: o, errors: { NOT_FOUND: ['Y'] }, mutates: true });\nconst summary = '留下';`;
    expect(dropContractDocs(source)).toBe(`export const a = defineAction({ fn: 'committee', action: 'x', summary: '', input: s, output: o, errors: {}, mutates: true });\nconst summary = '留下';`);
  });

  it('keeps every action, its flags and its schemas as in the source', async () => {
    const stripped = await strippedContracts();
    const fns = Object.keys(CONTRACTS);
    expect(Object.keys(stripped)).toEqual(fns);
    for (const fn of fns) {
      const mine = CONTRACTS[fn as keyof typeof CONTRACTS] ?? {};
      expect(Object.keys(stripped[fn] ?? {})).toEqual(Object.keys(mine));
      for (const [action, c] of Object.entries(mine)) {
        const s = stripped[fn]?.[action];
        expect(s?.summary).toBe('');
        expect(c.summary).not.toBe('');
        const flags = (x: ActionContract | undefined) => [x?.fn, x?.action, x?.who, x?.mutates, x?.secretReply];
        expect([fn, action, ...flags(s)]).toEqual([fn, action, ...flags(c)]);
        expect(s && answers(s.input)).toBe(answers(c.input));
        expect(s && answers(s.output)).toBe(answers(c.output));
      }
    }
  }, 60_000);

  it('is safe: no code a function runs reads a contract summary or errors', () => {
    const runtime = [...tsFiles(join(ROOT, 'server')), ...tsFiles(join(ROOT, 'src/contracts')), ...tsFiles(join(ROOT, 'cloudfunctions'))]
      .map((p) => relative(ROOT, p))
      // docs/api.md's renderer, test fakes, and defineAction itself (it only adds to `errors`).
      .filter((p) => !p.startsWith('server/docs/') && !p.endsWith('.fake.ts') && p !== 'src/contracts/define-action.ts');
    const reads = runtime.flatMap((p) =>
      [...readFileSync(join(ROOT, p), 'utf8').matchAll(/(?:[\w$]+|[)\]])\??\.(summary|errors)\b/g)].map((m) => `${p}: ${m[0]}`),
    );
    // A notice source's own summary text, not a contract's.
    expect(reads).toEqual(['server/use-cases/notices/typed-notice.text.ts: source.summary']);
  });
});
