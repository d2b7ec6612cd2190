// Every kind of notification the code writes has a template test and a line in the decision
// record's table of recipients (docs/rules.md §9; docs/decisions/019-email-outbox.md). A new kind
// added in an activity without either fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PERSON_NOTICE_KINDS } from '../../domain/person-notices.ts';
import { NOTIFICATION_KINDS } from '../../server/notifications/links.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const TEMPLATE_TEST = read('server/notifications/templates.test.ts');
const DECISION = read('docs/decisions/019-email-outbox.md');

/** The kinds written in `about: { kind: '…' }` (or typed as such) by the projections. */
function kindsInCode(): string[] {
  const files = ['activities', 'server', 'api']
    .flatMap((folder) =>
      readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name))),
    )
    .filter((file) => file !== 'server/notifications/links.ts');
  const kinds = new Set<string>();
  for (const file of files) {
    for (const match of read(file).matchAll(/about(?:: NotificationAbout)?\s*[:=]\s*\{\s*kind: '(\w+)'/g))
      kinds.add(match[1]!);
  }
  return [...kinds].sort();
}

/** Keys of an object literal `const NAME … = { key: …` in the template test. */
function exampleKeys(name: string): string[] {
  const start = TEMPLATE_TEST.indexOf(`const ${name}`);
  const body = TEMPLATE_TEST.slice(start, TEMPLATE_TEST.indexOf('\n};', start));
  return [...body.matchAll(/^ {2}(\w+): /gm)].map((m) => m[1]!).sort();
}

/** The kinds named in the first column of the decision record's tables. */
const tableKinds = () => [...DECISION.matchAll(/^\| `(\w+)`/gm)].map((m) => m[1]!);

describe('notification kinds', () => {
  it('the projections write only known kinds (and the scan finds them)', () => {
    const found = kindsInCode();
    expect(found.length).toBeGreaterThanOrEqual(5);
    expect(found.filter((kind) => !(NOTIFICATION_KINDS as readonly string[]).includes(kind))).toEqual([]);
  });

  it('every kind to users has a template example, every kind to persons has one too', () => {
    expect(exampleKeys('EXAMPLES:')).toEqual([...NOTIFICATION_KINDS].sort());
    expect(exampleKeys('PERSON_EXAMPLES:')).toEqual([...PERSON_NOTICE_KINDS].sort());
  });

  it('every kind is in the decision record’s table of recipients', () => {
    const listed = new Set(tableKinds());
    expect([...NOTIFICATION_KINDS, ...PERSON_NOTICE_KINDS].filter((kind) => !listed.has(kind))).toEqual([]);
  });
});
