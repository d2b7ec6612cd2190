// Lint rules that keep the architecture honest (docs/conventions.md): deterministic workflows,
// a pure domain, the boundaries between web, API and infrastructure, no import cycles,
// type-only imports, no floating promises. tests/repository/lint-rules.test.ts proves they bite.
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';
import svelteConfig from './web/svelte.config.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
// What pure code (domain/, contracts/) may not import.
const OUTSIDE_WORLD = [
  '**/api/**',
  '**/server/**',
  '**/activities/**',
  '**/workflows/**',
  '**/worker/**',
  '**/web/**',
  '**/generated/**',
  '@temporalio/*',
  '@prisma/*',
  'pg',
  'express',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'generated/**',
      'web/.svelte-kit/**',
      'web/build/**',
      '.tools/**',
      '.data/**',
      'eslint.config.js',
      // Deliberately broken code, linted by tests/repository/lint-rules.test.ts only.
      'tests/lint-fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    files: ['**/*.ts'],
    ignores: ['web/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['**/*.ts', '**/*.svelte'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The web app is linted without type information: its tsconfig extends one that SvelteKit
    // generates (web/.svelte-kit), and svelte-check (npm run web:check) does its type checking.
    files: ['web/**/*.svelte', 'web/**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
    rules: {
      // Asks every href to go through resolve() for a configurable base path; the app is served
      // at the root of its origin (no kit.paths.base), so it would only add noise to each link.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    // Import cycles make start-up order and test doubles fragile. Resolved through plain Node
    // resolution: every import in the repository names its file with its extension.
    files: ['**/*.ts'],
    ignores: ['web/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Boundaries between the parts of the repository, checked on resolved paths.
    files: ['**/*.ts', '**/*.svelte', '**/*.js'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            {
              // server/ is infrastructure (config, logging, db, Temporal clients, clock, …); the
              // API and the worker build on it, never the other way round.
              target: './server',
              from: './api',
              message: 'server/ is infrastructure: it imports nothing from api/.',
            },
            {
              // A route file declares routes; what others need from it belongs in a plain module.
              target: [
                './activities',
                './domain',
                './scripts',
                './server',
                './tests',
                './web',
                './worker',
                './workflows',
              ],
              from: './api/routes',
              message: 'Only api/ imports route files: move what you need into a plain module.',
            },
            {
              // SvelteKit's server boundary: the web app is a client of the API.
              target: './web',
              from: ['./server', './api', './activities', './workflows', './worker', './generated', './prisma'],
              message: 'web/ talks to the API over HTTP: no server code, Prisma or Temporal (domain/ through $domain).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.svelte', 'web/**/*.js'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@prisma/*', '@temporalio/*', 'pg', 'express'],
              message: 'web/ talks to the API over HTTP: no Prisma, Temporal or server libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    // One clock (docs/rules.md §6, §12): business time comes from the injected `Clock` (or workflow
    // time), so the sandbox can run the whole platform on a simulated date. Durations and
    // timeouts measure with performance.now(). Exempt: the clock modules, workflows (their
    // Date.now() is workflow time), tests, benchmarks and the fault suite (real time is what they measure).
    files: ['**/*.ts'],
    ignores: ['server/clock.ts', 'workflows/**', 'tests/**', '**/*.test.ts', 'scripts/bench/**', 'scripts/faults/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            'Pas de new Date() : lisez l’heure du Clock injecté (deps.clock.now()), sinon le bac à sable et les tests ne maîtrisent pas le temps (docs/rules.md §6).',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message:
            'Pas de Date.now() : l’heure métier vient du Clock injecté (docs/rules.md §6) ; pour mesurer une durée, performance.now().',
        },
      ],
    },
  },
  {
    // Tests read JSON answers of any shape.
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Workflow code is replayed: no I/O, no Node built-ins, no client/worker SDK, nothing from activities/.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Les workflows doivent rester déterministes : pas de module Node.',
          })),
          patterns: [
            {
              group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
              message: 'Workflows only import @temporalio/workflow.',
            },
            {
              group: ['**/activities/**', '!./activities.ts'],
              message:
                'A workflow declares the activities it calls beside it (workflows/<name>/activities.ts); activities/ implements them.',
            },
            {
              group: ['**/server/**', '**/api/**', '**/generated/**', '@prisma/*', 'pg', 'express'],
              message: 'No I/O in workflows.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' }],
    },
  },
  {
    // Contracts are pure zod schemas on the domain's enums: the web imports them too.
    files: ['contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Les contrats sont purs : pas de module Node.' })),
          patterns: [
            {
              group: OUTSIDE_WORLD,
              message: 'Contracts import only zod and the domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure: it imports nothing from the outside world.
    files: ['domain/**/*.ts'],
    ignores: ['domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Le domaine est pur : pas de module Node.' })),
          patterns: [
            {
              group: [...OUTSIDE_WORLD, 'zod'],
              message: 'Domain code imports nothing from web, API, activities, Prisma or Temporal.',
            },
          ],
        },
      ],
    },
  },
);
