// Benchmark of the caseworker's lists and « Mon espace » counts (docs/rules.md §2, §4, §5) on
// PostgreSQL, all started here:
//   npm run bench:lists [-- --runs R]
//
// Creates a fresh database (migrated), generates 50,000 persons, 200,000 applications, 60,000
// PASS IAE, 5,000 prolongation requests (and 25,000 diagnoses, 2,000 job descriptions, 200
// prescribers, 500 employers) in SQL (generate_series), then runs each list's query R times
// (default 20) — first page, a search, a filtered page, a deep page — for the busiest
// organization (a tenth of the persons, a twentieth of the applications and PASS), and prints
// p50/p95 per query. Goal: p95 < 200 ms each on a 2-core machine. Drops the database at the end.
//
// PostgreSQL: BENCH_DATABASE_ADMIN_URL, else TEST_DATABASE_ADMIN_URL, else an embedded server.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { today } from '../../domain/clock.ts';
import { systemClock } from '../../server/clock.ts';
import { createDb } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrations.ts';
import { listApplicationIds } from '../../server/worklists/applications.ts';
import { workspaceCounts } from '../../server/worklists/counts.ts';
import { listPasses } from '../../server/worklists/passes.ts';
import { listPersons } from '../../server/worklists/persons.ts';
import { listProlongationRequests } from '../../server/worklists/prolongations.ts';
import { benchPostgresServer, fixed, percentile, table, withPg } from './support.ts';
import { seedListData, type ListVolumes } from './lists-data.ts';

const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex === -1 ? 20 : Number(process.argv[runsIndex + 1]);
const TARGET_MS = 200;

async function main() {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const postgres = await benchPostgresServer();
    const dbName = `bench_lists_${randomBytes(6).toString('hex')}`;
    await withPg(postgres.url, (client) => client.query(`CREATE DATABASE ${dbName}`));
    cleanups.push(() =>
      withPg(postgres.url, (client) => client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)),
    );
    cleanups.push(() => postgres.stop());
    const dbUrl = Object.assign(new URL(postgres.url), { pathname: `/${dbName}` }).toString();
    await applyMigrations(dbUrl);

    const volumes: ListVolumes = {
      prescribers: 200,
      employers: 500,
      persons: 50_000,
      applications: 200_000,
      passes: 60_000,
      requests: 5_000,
    };
    const loadStart = performance.now();
    await withPg(dbUrl, (client) => seedListData(client, volumes));
    const ids = await withPg(dbUrl, async (client: pg.Client) => {
      const { rows } = await client.query<{ prescriber: string; employer: string }>(
        `SELECT md5('prescriber0')::uuid::text AS prescriber, md5('employer0')::uuid::text AS employer`,
      );
      return rows[0]!;
    });
    console.log(
      `Données : ${volumes.persons} personnes, ${volumes.applications} candidatures, ${volumes.passes} PASS IAE, ` +
        `${volumes.requests} demandes de prolongation, générées en ${fixed((performance.now() - loadStart) / 1000)} s`,
    );

    const db = createDb(dbUrl, 2);
    cleanups.unshift(() => db.$disconnect());
    const day = today(systemClock);
    const prescriber = {
      role: 'PRESCRIBER' as const,
      organization: { id: ids.prescriber, departement: '93', authorizationStatus: 'VALIDATED' },
    };
    const employer = {
      role: 'EMPLOYER_STAFF' as const,
      organization: { id: ids.employer, departement: '93', authorizationStatus: null },
    };
    const page = (n: number) => ({ page: n, pageSize: 20 });
    const queries: [string, string, () => Promise<{ total: number } | unknown[]>][] = [
      ['Personnes suivies', 'première page', () => listPersons(db, prescriber, { sort: 'name', ...page(1) })],
      [
        'Personnes suivies',
        'recherche « mar »',
        () => listPersons(db, prescriber, { q: 'mar', sort: 'name', ...page(1) }),
      ],
      [
        'Personnes suivies',
        'recherche « jean dup »',
        () => listPersons(db, prescriber, { q: 'jean dup', sort: 'recent', ...page(1) }),
      ],
      ['Personnes suivies', 'page 200', () => listPersons(db, prescriber, { sort: 'name', ...page(200) })],
      [
        'Candidatures envoyées',
        'première page',
        () => listApplicationIds(db, prescriber, { box: 'sent', sort: 'recent', ...page(1) }),
      ],
      [
        'Candidatures envoyées',
        'en attente',
        () =>
          listApplicationIds(db, prescriber, {
            box: 'sent',
            states: ['new', 'processing', 'postponed'],
            sort: 'recent',
            ...page(1),
          }),
      ],
      [
        'Candidatures envoyées',
        'recherche « dupont »',
        () => listApplicationIds(db, prescriber, { box: 'sent', q: 'dupont', sort: 'recent', ...page(1) }),
      ],
      [
        'Candidatures envoyées',
        'page 500',
        () => listApplicationIds(db, prescriber, { box: 'sent', sort: 'recent', ...page(500) }),
      ],
      [
        'Candidatures reçues',
        'première page',
        () => listApplicationIds(db, employer, { box: 'received', sort: 'recent', ...page(1) }),
      ],
      [
        'Candidatures reçues',
        'à traiter',
        () =>
          listApplicationIds(db, employer, {
            box: 'received',
            states: ['new', 'processing'],
            sort: 'oldest',
            ...page(1),
          }),
      ],
      [
        'Candidatures reçues',
        'recherche « cariste »',
        () => listApplicationIds(db, employer, { box: 'received', q: 'cariste', sort: 'recent', ...page(1) }),
      ],
      [
        'Candidatures reçues',
        'page 400',
        () => listApplicationIds(db, employer, { box: 'received', sort: 'updated', ...page(400) }),
      ],
      [
        'PASS (employeur)',
        'première page',
        () => listPasses(db, employer, { scope: 'current', sort: 'end', ...page(1) }, day),
      ],
      [
        'PASS (employeur)',
        'fin dans 30 jours',
        () => listPasses(db, employer, { scope: 'current', endingWithin: 30, sort: 'end', ...page(1) }, day),
      ],
      [
        'PASS (employeur)',
        'recherche « martin »',
        () => listPasses(db, employer, { scope: 'all', q: 'martin', sort: 'end', ...page(1) }, day),
      ],
      [
        'PASS (employeur)',
        'page 100',
        () => listPasses(db, employer, { scope: 'all', sort: 'start', ...page(100) }, day),
      ],
      [
        'PASS (prescripteur)',
        'première page',
        () => listPasses(db, prescriber, { scope: 'current', sort: 'end', ...page(1) }, day),
      ],
      [
        'PASS (prescripteur)',
        'fin dans 90 jours',
        () => listPasses(db, prescriber, { scope: 'current', endingWithin: 90, sort: 'end', ...page(1) }, day),
      ],
      [
        'Prolongations',
        'à décider',
        () => listProlongationRequests(db, prescriber, { box: 'received', state: 'PENDING', ...page(1) }),
      ],
      ['Prolongations', 'envoyées', () => listProlongationRequests(db, employer, { box: 'sent', ...page(1) })],
      ['Mon espace', 'prescripteur', () => workspaceCounts(db, prescriber, day)],
      ['Mon espace', 'employeur', () => workspaceCounts(db, employer, day)],
    ];
    const rows = [['Liste', 'Requête', 'lignes', 'p50 (ms)', 'p95 (ms)', `< ${TARGET_MS} ms`]];
    let allOk = true;
    for (const [list, name, run] of queries) {
      const first = await run(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      allOk &&= p95 < TARGET_MS;
      const total = Array.isArray(first) ? first.length : String((first as { total: number }).total);
      rows.push([list, name, String(total), fixed(percentile(times, 50)), fixed(p95), p95 < TARGET_MS ? 'oui' : 'NON']);
    }
    console.log(`\n${table(rows)}\n`);
    console.log(allOk ? 'Objectif tenu.' : 'Objectif NON tenu.');
    process.exitCode = allOk ? 0 : 1;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  }
}

await main();
