// The hostile-input sweep's generators: a valid baseline body per route built from its OpenAPI
// request schema, then hostile values for one field at a time (docs/rules.md §11, §13).
import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/db/client.ts';

export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

/** Ids of fixture objects, so that most requests get past "not found" to the database. */
export interface SweepFixtures {
  personId: string;
  employerId: string;
  organizationId: string;
}

// Patterns whose valid values a regex cannot be asked for: one known-good value each.
const PATTERN_VALUES: Record<string, string> = {
  '^\\d{14}$': '73282932000074',
  '^\\d[0-9AB]\\d{3}$': '93008',
  '^[0-9 +().-]{6,20}$': '06 12 34 56 78',
};

let sequence = 0;

function validValue(name: string, schema: JsonSchema, fixtures: SweepFixtures): unknown {
  const variant = schema.anyOf?.find((s) => s.type !== 'null') ?? schema.oneOf?.[0] ?? schema;
  if (variant.const !== undefined) return variant.const;
  if (variant.enum) return variant.enum[0];
  if (variant.example !== undefined) return variant.example;
  const type = Array.isArray(variant.type) ? variant.type.find((t) => t !== 'null') : variant.type;
  if (type === 'boolean') return true;
  if (type === 'number' || type === 'integer') return Math.max(variant.minimum ?? 1, 1);
  if (type === 'array') return variant.items ? [validValue(name, variant.items, fixtures)] : [];
  if (type === 'object') return baselines(variant, fixtures)[0];
  if (variant.format === 'base64') return Buffer.from('%PDF-1.4 justificatif de test').toString('base64');
  if (variant.format === 'date') return '2027-01-15';
  if (variant.format === 'email') return `sweep-${++sequence}@test.inclusion.localhost`;
  if (variant.format === 'uuid') return (fixtures as unknown as Record<string, string>)[name] ?? randomUUID();
  if (variant.pattern && PATTERN_VALUES[variant.pattern]) return PATTERN_VALUES[variant.pattern];
  if (name === 'contractType') return 'CDDI';
  return 'Valeur de test'.padEnd(Math.max(variant.minLength ?? 1, 14), 'x');
}

/** One baseline body per variant of the schema (a `oneOf` gives several). */
export function baselines(schema: JsonSchema, fixtures: SweepFixtures): Record<string, unknown>[] {
  const variants = schema.oneOf ?? [schema];
  return variants.map((variant) =>
    Object.fromEntries(
      Object.entries(variant.properties ?? {}).map(([name, property]) => [name, validValue(name, property, fixtures)]),
    ),
  );
}

const MISSING = Symbol('missing');
const TEN_KB = 'x'.repeat(10 * 1024);
const ONE_MB = 'x'.repeat(1024 * 1024);

/** Hostile values for one field; `MISSING` removes it. */
export const HOSTILE_VALUES: readonly [string, unknown][] = [
  ['missing', MISSING],
  ['null', null],
  ['object', { a: 1 }],
  ['array', [1]],
  ['boolean', true],
  ['empty string', ''],
  ['10 KB string', TEN_KB],
  ['1 MB string', ONE_MB],
  ['NUL character', 'a\u0000b'],
  ['lone surrogate', 'a\uD800b'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['impossible date', '2027-02-30'],
  ['2^31', 2 ** 31],
  ['-1', -1],
  ['1e308', 1e308],
  ['fraction', 1.5],
];

/** Values that no field of any route may accept. */
export const ALWAYS_REFUSED = new Set(['NUL character', 'lone surrogate', '1 MB string', '1e308', '2^31']);

export function mutate(body: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const copy = { ...body };
  if (value === MISSING) delete copy[field];
  else copy[field] = value;
  return copy;
}

/** Row counts of every table of the application's schema. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM "${name}"`);
    counts[name] = Number(row?.count ?? 0);
  }
  return counts;
}

/** Runs tasks with at most `limit` in flight. */
export async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (next < items.length) await task(items[next++]!);
  });
  await Promise.all(workers);
}
