// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-packages/',
      '.astro/',
      'node_modules/',
      'bench/out/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The engine is pure: no DOM, no Node, no Astro, no Svelte. (Its tsconfig also has no DOM lib.)
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'astro',
                'astro:*',
                '@astrojs/*',
                'svelte',
                'svelte/*',
                'node:*',
                '../authoring/*',
                '../components/*',
                '../lib/*',
                '../pages/*',
              ],
              message: 'src/engine is pure TypeScript: it may import only zod, xstate and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // The scenario page ships no framework (budget: 20 KB of JavaScript): nothing the player imports may
    // bring in the Svelte runtime. These are the player's files and every module of src/lib it loads.
    files: [
      'src/client/player/**/*.ts',
      'src/lib/attempt-store.ts',
      'src/lib/download.ts',
      'src/lib/results-store.ts',
      'src/lib/storage.ts',
      'src/lib/storage-keys.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['svelte', 'svelte/*', '*.svelte', '*.svelte.ts', '*.svelte.js'],
              message:
                'The scenario player is framework-free: Svelte here would put its runtime on every scenario page (budget 20 KB).',
            },
          ],
        },
      ],
    },
  },
  {
    // src/lib holds browser services with no UI: pages, components and page scripts use it, never the reverse.
    // (After the player's rule: for the lib files the player loads, this one also keeps Svelte out.)
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/client/*', '**/components/*', '**/pages/*', 'svelte', 'svelte/*', '*.svelte', '*.svelte.ts'],
              message: 'src/lib is services without UI: move DOM work to src/client/<page>/ and import lib from there.',
            },
          ],
        },
      ],
    },
  },
);
