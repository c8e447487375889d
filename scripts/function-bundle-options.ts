/**
 * The esbuild options every cloud-function bundle is built with, shared by
 * scripts/build-functions.ts (the upload build) and bench/function-bundles.bench.ts (size and
 * require-time figures of issue 12), so the bench measures exactly what is uploaded.
 *
 * - minified: a function's cold start is dominated by parsing its own code; names are not kept
 *   (error replies never carry stacks, and logs name the action, not the frame);
 * - zod's 50 locales are replaced by zh-CN alone: src/contracts/zod-locale.ts configures zh-CN,
 *   and `z.locales` is otherwise unused, yet bundling keeps every locale (≈ 360 KB) because the
 *   classic `z` namespace re-exports them;
 * - UTF-8 output (`charset`), so the Chinese messages and the stroke table are not escaped;
 * - one "use strict" for the whole bundle instead of one per lazily evaluated module (below);
 * - the contracts' documentation fields left out (contractDocsDropped, below).
 */
import type { BuildOptions, Plugin } from 'esbuild';
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

const ZOD_LOCALES_INDEX = /locales\/index\.(c?js)$/;

/** Resolves zod's locales index to a module that exports only zhCN. */
export const zodZhCnOnly: Plugin = {
  name: 'zod-zh-cn-only',
  setup(b) {
    b.onResolve({ filter: ZOD_LOCALES_INDEX }, (a) =>
      /[\\/]zod[\\/]/.test(a.importer) ? { path: join(dirname(a.importer), a.path), namespace: 'zod-zh-cn' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-zh-cn' }, (a) => ({
      contents: `export { default as zhCN } from ${JSON.stringify(join(dirname(a.path), 'zh-CN.js'))};`,
      resolveDir: dirname(a.path),
    }));
  },
};

/**
 * Fields of an action contract (src/contracts/define-action.ts) that only docs/api.md and the
 * tests read — the one-line Chinese `summary` and the documented `errors` — and what a bundle
 * gets instead. Dispatch reads `action`, `input`, `output`, `mutates` and `secretReply`; nothing
 * a function runs reads these (test/cloudfunctions/contract-docs.test.ts checks it), yet they were
 * ≈ 12 KB of committee's bundle. `errors` stays an object because defineAction spreads it.
 */
const DOCS_ONLY_FIELDS: Readonly<Record<string, string>> = { summary: "''", errors: '{}' };

/** The contract source with the docs-only fields of every `defineAction({...})` literal emptied. */
export function dropContractDocs(source: string, fileName = 'contract.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    const arg = ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineAction' ? node.arguments[0] : undefined;
    if (arg && ts.isObjectLiteralExpression(arg)) {
      for (const p of arg.properties) {
        if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) continue;
        const text = DOCS_ONLY_FIELDS[p.name.text];
        if (text !== undefined) edits.push({ start: p.initializer.getStart(file), end: p.initializer.getEnd(), text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return edits.sort((a, b) => b.start - a.start).reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), source);
}

const CONTRACT_FILE = /[\\/]src[\\/]contracts[\\/][^\\/]+\.contract\.ts$/;

/** Loads src/contracts/*.contract.ts through dropContractDocs. */
export const contractDocsDropped: Plugin = {
  name: 'contract-docs-dropped',
  setup(b) {
    b.onLoad({ filter: CONTRACT_FILE }, async (a) => ({ contents: dropContractDocs(await readFile(a.path, 'utf8'), a.path), loader: 'ts' }));
  },
};

/**
 * tsconfig.json's compilerOptions with `alwaysStrict` off. With it on (implied by `strict`),
 * esbuild repeats "use strict" inside every module it wraps for lazy evaluation (≈ 145 in
 * committee, ≈ 1.9 KB); the banner puts one at the top of the CommonJS output instead, which makes
 * every function in the file strict, as before. The other options (class-field semantics of
 * `target`, `paths`) are read from the same file, so the emitted code is otherwise identical.
 */
function bundleTsconfig(): { compilerOptions: Record<string, unknown> } {
  const tsconfig = JSON.parse(readFileSync(resolve(__dirname, '..', 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  return { compilerOptions: { ...tsconfig.compilerOptions, alwaysStrict: false } };
}

export function functionBuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    // CloudBase's oldest Node.js runtime is 16.13 (docs.cloudbase.net/cloud-function/runtime-support).
    // Plain `node16` would make esbuild rewrite every `?.` (V8 before 16.9 had an optional-chain
    // bug), ≈ 3.4 KB more in committee for a runtime CloudBase does not offer.
    target: 'node16.13',
    format: 'cjs',
    // zod's ESM build: its modules are side-effect free, so unused schemas and checks drop out.
    mainFields: ['module', 'main'],
    external: ['wx-server-sdk'],
    minify: true,
    // Chinese text as UTF-8, not \uXXXX escapes: 3 bytes a character instead of 6, and Node
    // reads UTF-8 sources natively (≈ 60 KB less in committee, whose messages are Chinese).
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [zodZhCnOnly, contractDocsDropped],
    tsconfigRaw: bundleTsconfig(),
    banner: { js: '/* GENERATED by npm run build:functions from index.ts — do not edit. */\n"use strict";' },
  };
}
