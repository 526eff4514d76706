// Type-aware lint, plus the layering rule: the core (src/main outside the Electron shell, src/cli,
// src/shared) never imports Electron; src/shared and the renderer never import Node; the renderer
// never imports the core. Same idea as VS Code's common / node / electron-main / browser folders.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electron = {
  name: 'electron',
  message: 'Only src/main/index.ts, src/main/shell/ and src/preload/ may import electron.',
};
const nodeBuiltins = {
  group: ['node:*'],
  message: 'src/shared and src/renderer run in the browser too: no Node built-ins here.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'artifacts/',
      'bin/',
      'scripts/*.mjs',
      'bench/**/*.mjs',
      // JavaScript for Automation (osascript), not Node: its own globals
      'resources/handoff/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            {
              group: ['**/shell/**', '**/renderer/**', '**/preload/**'],
              message: 'The core does not depend on the Electron shell or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/cli/**', '**/renderer/**'],
              message: 'src/shared depends on nothing but itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/cli/**', '**/preload/**'],
              message: 'The renderer talks to the core only through the typed IPC contract in src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', '*.config.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
