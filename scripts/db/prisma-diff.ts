// Runs Prisma 6.19's WASM schema engine (npm alias `prisma-wasm-engine`) to produce the SQL
// between two Prisma schemas, offline. Used by scripts/db/new-migration.ts and the drift test.
//
// What Prisma 6.19 needs to accept our Prisma 7 schema and run without Prisma's binary host:
// - `--config prisma/wasm-engine.config.ts` (`engine: 'js'` + an offline adapter), so the
//   WASM schema engine is used instead of the native one it would download;
// - PRISMA_SCHEMA_ENGINE_BINARY / PRISMA_QUERY_ENGINE_LIBRARY set to any existing file, or the
//   CLI tries to download engines at startup;
// - a copy of the schema with `url` in the datasource block (6.x rejects a datasource without it).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const prismaCli = path.join(root, 'node_modules/prisma-wasm-engine/build/index.js');
const configFile = path.join(root, 'prisma/wasm-engine.config.ts');

/** Adds a placeholder `url` to the `datasource` block (Prisma 7 schemas have none; 6.x requires one). */
export function withDatasourceUrl(schema: string): string {
  const block = /datasource\s+\w+\s*\{[^}]*\}/;
  const match = block.exec(schema);
  if (!match) throw new Error('No datasource block in the schema.');
  if (/^\s*url\s*=/m.test(match[0])) return schema;
  const patched = match[0].replace(/\}$/, '  url = "postgresql://offline@localhost/offline"\n}');
  return schema.replace(block, patched);
}

/**
 * SQL script migrating a database from schema `from` (null: an empty database) to schema `to`.
 * Both are schema file contents. `workDir` is a scratch folder for the patched copies.
 */
export function migrateDiffScript({ from, to, workDir }: { from: string | null; to: string; workDir: string }): string {
  const toFile = path.join(workDir, 'to.prisma');
  writeFileSync(toFile, withDatasourceUrl(to));
  const args = [prismaCli, 'migrate', 'diff', '--config', configFile];
  if (from === null) {
    args.push('--from-empty');
  } else {
    const fromFile = path.join(workDir, 'from.prisma');
    writeFileSync(fromFile, withDatasourceUrl(from));
    args.push('--from-schema-datamodel', fromFile);
  }
  args.push('--to-schema-datamodel', toFile, '--script');
  const anyExecutable = process.execPath;
  try {
    return execFileSync(process.execPath, args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: anyExecutable,
        PRISMA_QUERY_ENGINE_LIBRARY: anyExecutable,
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        CHECKPOINT_DISABLE: '1',
      },
    });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`prisma 6.19 migrate diff failed:\n${e.stderr || e.stdout || e.message}`);
  }
}
