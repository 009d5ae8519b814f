// Lint, with the process boundaries of ARCHITECTURE.md enforced (not remembered):
// renderer imports only shared; db imports shared and better-sqlite3; shared imports neither Node nor DOM
// code of ours; only electron/shell imports 'electron'.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import fs from 'node:fs';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'util', 'worker_threads'];
const pattern = (group, message) => ({ group, message });
/** The workflow folders under `dir` (each gets its own boundary rule below). */
const workflowFolders = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : []);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: "Only electron/shell may import 'electron'." }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the host only through window.api / the contract.' }],
          patterns: [
            pattern(['**/electron/**', '**/db/**', 'better-sqlite3', ...nodeBuiltins], 'The renderer imports only renderer/ and shared/.'),
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is pure TypeScript.' }],
          patterns: [pattern(['**/electron/**', '**/db/**', '**/renderer/**', 'better-sqlite3', 'react', ...nodeBuiltins], 'shared/ is pure TypeScript: no Node, DOM or app code.')],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'db/ runs in plain Node.' }],
          patterns: [pattern(['**/electron/**', '**/renderer/**', 'react'], 'db/ imports only shared/ and better-sqlite3.')],
        },
      ],
    },
  },
  {
    files: ['electron/shell/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "Only electron/shell may import 'electron': the host is plain Node." }],
          patterns: [pattern(['**/renderer/**', 'react'], 'The host never imports renderer code.')],
        },
      ],
    },
  },
  // One workflow never reaches into another's internals: it talks to it through the other's service.ts
  // (exported functions) or through the kernel. One block a workflow folder, on each side of the boundary.
  ...workflowFolders('electron/workflows').map((w) => ({
    files: [`electron/workflows/${w}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "Only electron/shell may import 'electron': the host is plain Node." }],
          patterns: [
            pattern(['**/renderer/**', 'react'], 'The host never imports renderer code.'),
            ...workflowFolders('electron/workflows')
              .filter((o) => o !== w)
              .map((o) => ({ regex: `^(\\.\\./)+(workflows/)?${o}/(?!service$)`, message: `Use ${o}'s service.ts (its exported functions), not its internals.` })),
          ],
        },
      ],
    },
  })),
  ...workflowFolders('shared/workflows').map((w) => ({
    files: [`shared/workflows/${w}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is pure TypeScript.' }],
          patterns: [
            pattern(['**/electron/**', '**/db/**', '**/renderer/**', 'better-sqlite3', 'react', ...nodeBuiltins], 'shared/ is pure TypeScript: no Node, DOM or app code.'),
            ...workflowFolders('shared/workflows')
              .filter((o) => o !== w)
              .map((o) => ({ regex: `^(\\.\\./)+(workflows/)?${o}/`, message: `A workflow's shared code uses the kernel and master data, not ${o}'s.` })),
          ],
        },
      ],
    },
  })),
  {
    // chinese-days' own functions misread dates on a PC set west of UTC; shared/kernel/calendar.ts reads
    // its data file instead, and is the only way in (every rule above still applies there).
    files: ['**/*.{ts,tsx}'],
    ignores: ['shared/kernel/calendar.ts', 'test/workflows/kernel/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value=/^chinese-days/]", message: 'Use shared/kernel/calendar.ts (or deadlines.ts): chinese-days is read only there.' },
      ],
    },
  },
);
