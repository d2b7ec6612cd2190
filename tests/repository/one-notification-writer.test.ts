// Every notification goes through server/notifications/write.ts (docs/rules.md §9): the inbox
// row and its e-mail outbox rows in one transaction. A direct insert elsewhere would skip the
// e-mail and the link.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WRITER = 'server/notifications/write.ts';

describe('notifications', () => {
  it('are written only by the one writer', () => {
    const offenders = ['activities', 'api', 'server', 'workflows', 'scripts']
      .flatMap((folder) =>
        readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
          .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name))),
      )
      .filter((file) => file !== WRITER)
      .filter((file) =>
        /\.notification\.(create|createMany|createManyAndReturn|upsert)\(/.test(
          readFileSync(path.join(ROOT, file), 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });
});
