// Every module the processes load imports under plain Node ESM (with tsx), as `npm start`, the
// worker and the sandbox run them: vitest's loader forgives what Node's does not (a named import
// from a CommonJS package, e.g. `import { temporal } from '@temporalio/proto'`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FOLDERS = ['domain', 'contracts', 'server', 'api', 'activities', 'workflows', 'worker'];
/** Process entries start servers when imported: their imports are covered through the others. */
const ENTRIES = new Set(['api/main.ts', 'worker/main.ts']);

function modulesOf(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !ENTRIES.has(file));
}

describe('plain Node ESM', () => {
  it('imports every module of the platform', () => {
    const modules = FOLDERS.flatMap(modulesOf);
    expect(modules.length).toBeGreaterThan(100);
    const script = modules.map((file) => `await import(${JSON.stringify(`./${file}`)});`).join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 150_000);
});
