// The boundary rules of eslint.config.js bite: small snippets placed at paths of the repository
// (they need not exist) and the cycle in tests/lint-fixtures/ raise the rule that forbids them.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

// Type information is not what these rules need, and the snippets' paths are in no tsconfig.
const eslint = new ESLint({
  cwd: root,
  ignore: false,
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the lint rules that keep the boundaries', { timeout: 60_000 }, () => {
  it.each([
    ['web/src/lib/x.ts', "import { PrismaClient } from '@prisma/client';\nexport const p = PrismaClient;\n"],
    ['web/src/lib/x.ts', "import { Client } from '@temporalio/client';\nexport const c = Client;\n"],
    [
      'web/src/lib/components/x.svelte',
      '<script lang="ts">\n  import { Connection } from \'@temporalio/client\';\n  console.log(Connection);\n</script>\n',
    ],
  ])('%s may not import Prisma or Temporal', async (filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['web/src/lib/x.ts', "import { loadConfig } from '../../../server/config.ts';\nexport const l = loadConfig;\n"],
    [
      'web/src/routes/x/+page.server.ts',
      "import { createApp } from '../../../../api/app.ts';\nexport const c = createApp;\n",
    ],
    ['server/x.ts', "import { createApp } from '../api/app.ts';\nexport const c = createApp;\n"],
    [
      'scripts/x.ts',
      "import { jobDescriptionRoutes } from '../api/routes/job-descriptions.ts';\nexport const r = jobDescriptionRoutes;\n",
    ],
  ])('%s may not import across its boundary', async (filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain('import-x/no-restricted-paths');
  });

  it('domain/ imports nothing from the outside world', async () => {
    const code = "import { loadConfig } from '../server/config.ts';\nexport const l = loadConfig;\n";
    expect(await ruleIds('domain/x.ts', code)).toContain('no-restricted-imports');
  });

  it('what is allowed stays allowed: web uses the domain, api/ uses server/ and its routes', async () => {
    const web = "import { today } from '$domain/clock.ts';\nexport const t = today;\n";
    expect(await ruleIds('web/src/lib/x.ts', web)).toEqual([]);
    const api = [
      "import { loadConfig } from '../server/config.ts';",
      "import { jobDescriptionRoutes } from './routes/job-descriptions.ts';",
      'export const both = [loadConfig, jobDescriptionRoutes];',
      '',
    ].join('\n');
    expect(await ruleIds('api/x.ts', api)).toEqual([]);
  });

  it('an import cycle is an error', async () => {
    const [result] = await eslint.lintFiles([path.join(root, 'tests/lint-fixtures/cycle/a.ts')]);
    expect(result?.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
  });
});
