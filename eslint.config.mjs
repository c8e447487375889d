// Lint with import boundaries (ARCHITECTURE.md): the domain is pure, the client never imports
// server code, Taro's API object is used only in services/ and hooks/.
import tseslint from 'typescript-eslint';
import globals from 'globals';

const PLATFORM = ['@tarojs/*', 'react', 'react-dom', 'wx-server-sdk', 'better-sqlite3', 'dayjs', 'zod', 'node:*'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'dist-h5/**', '.data/**', 'coverage/**', 'test-results/**', 'cloudfunctions/*/index.js', '.swc/**', '.temp/**'],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: PLATFORM, message: 'src/domain is pure: no platform, library or I/O imports.' }, { group: ['**/contracts/**', '**/server/**', '**/services/**'], message: 'src/domain depends on nothing but itself.' }] }],
      // No clock in the domain: time is an argument. Building an instant from a number is fine.
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'src/domain takes the time as an argument.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain takes the time as an argument.' }],
    },
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['@tarojs/*', 'react', 'wx-server-sdk', 'better-sqlite3', 'node:*', '**/server/**'], message: 'contracts are shared by client and functions: zod only.' }] }],
    },
  },
  {
    // Contracts describe the wire only: a stored document's shape may change without changing an
    // action's reply, so no action contract or wire schema imports src/contracts/documents/.
    files: ['src/contracts/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tarojs/*', 'react', 'wx-server-sdk', 'better-sqlite3', 'node:*', '**/server/**'], message: 'contracts are shared by client and functions: zod only.' },
            { group: ['./documents/*', '**/documents/*'], message: 'contracts describe the wire: map stored documents in the use case, not in the contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/domain/**', 'src/contracts/**', 'src/services/**', 'src/hooks/**', 'src/app.ts', 'src/app.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@tarojs/taro', importNames: ['default'], message: 'Taro.* only in src/services and src/hooks.' }],
          patterns: [
            { group: ['**/server/**', 'wx-server-sdk', 'better-sqlite3', 'node:*'], message: 'server code is never imported by the client.' },
            { group: ['**/contracts/documents/*'], message: 'stored-document schemas are storage-only: the client sees the wire (action contracts).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**/*.{ts,tsx}', 'src/hooks/**/*.{ts,tsx}', 'src/app.ts', 'src/app.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', 'wx-server-sdk', 'better-sqlite3', 'node:*'], message: 'server code is never imported by the client.' },
            { group: ['**/contracts/documents/*'], message: 'stored-document schemas are storage-only: the client sees the wire (action contracts).' },
          ],
        },
      ],
    },
  },
  {
    // Use cases reach pushes only through ctx.push (server/ports/push.port.ts): server/push is
    // the adapter-side job, wired in by server/functions/app-context.factory.ts (issue 13).
    files: ['server/use-cases/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/push', '**/push/**'], message: 'use cases push through ctx.push (server/ports/push.port.ts), never server/push.' }] }],
    },
  },
  {
    // `import { z }` binds zod's namespace re-export, which bundlers cannot tree-shake: every check,
    // locale and the JSON-schema code ship (a one-schema bundle: 454 KB against 85 KB with
    // `import * as z`). Measured for issue 12; it weighs on the weapp main package and each function.
    files: ['**/*.{ts,tsx}'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "import * as z from 'zod' (the named z is not tree-shakable)." }],
    },
  },
);
