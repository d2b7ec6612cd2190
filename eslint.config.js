// Lint rules that keep the architecture honest (STYLE.md): deterministic workflows,
// a pure domain, type-only imports, no floating promises.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['node_modules/**', 'generated/**', 'web/**', '.tools/**', '.data/**', 'eslint.config.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One clock (docs/rules.md §6, §12): business time comes from the injected `Clock` (or workflow
    // time), so the sandbox can run the whole platform on a simulated date. Durations and
    // timeouts measure with performance.now(). Exempt: the clock modules, workflows (their
    // Date.now() is workflow time), tests and benchmarks.
    files: ['**/*.ts'],
    ignores: ['server/clock.ts', 'workflows/**', 'tests/**', '**/*.test.ts', 'scripts/bench/**'],
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
    // Workflow code is replayed: no I/O, no Node built-ins, no client/worker SDK, activities as types only.
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
              group: ['**/activities/*', '!**/activities/contract.ts'],
              message: 'Import activity types from activities/contract.ts only.',
              allowTypeImports: true,
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
              group: [
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
                'zod',
              ],
              message: 'Domain code imports nothing from web, API, activities, Prisma or Temporal.',
            },
          ],
        },
      ],
    },
  },
);
