// Benchmark of the dashboard indicators (docs/rules.md §9) on PostgreSQL, all started here:
//   npm run bench:stats [-- --runs R]
//
// Creates a fresh database (migrated), generates 10,000 employers, 240,000 parcours (PASS IAE),
// 1,000,000 applications and 20,000 accreditation requests in SQL (generate_series), then runs
// each indicator's query R times (default 20) per scope — one département, one région (Île-de-France),
// national — and prints p50/p95 per indicator. Goal: p95 < 300 ms each on a 2-core machine.
// Drops the database at the end.
//
// PostgreSQL: BENCH_DATABASE_ADMIN_URL, else TEST_DATABASE_ADMIN_URL, else an embedded server.
import { randomBytes } from 'node:crypto';
import { today } from '../../domain/clock.ts';
import type { StatsScope } from '../../domain/stats/scope.ts';
import { systemClock } from '../../server/clock.ts';
import { createDb } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrations.ts';
import { accreditationFigures } from '../../server/stats/accreditation.ts';
import { hiresPerMonth } from '../../server/stats/hires-per-month.ts';
import { passesEndingSoon } from '../../server/stats/passes-ending-soon.ts';
import { peopleInParcours } from '../../server/stats/people-in-parcours.ts';
import { departementsOf, scopeLabel } from '../../server/stats/scope.ts';
import { selfPrescription } from '../../server/stats/self-prescription.ts';
import { departementsOfRegion, listDepartements } from '../../server/territories.ts';
import { benchPostgresServer, fixed, percentile, table, withPg } from './support.ts';
import { seedStatsData } from './stats-data.ts';

const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex === -1 ? 20 : Number(process.argv[runsIndex + 1]);
const TARGET_MS = 300;

async function main() {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const postgres = await benchPostgresServer();
    const dbName = `bench_stats_${randomBytes(6).toString('hex')}`;
    await withPg(postgres.url, (client) => client.query(`CREATE DATABASE ${dbName}`));
    cleanups.push(() =>
      withPg(postgres.url, (client) => client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)),
    );
    cleanups.push(() => postgres.stop());
    const dbUrl = Object.assign(new URL(postgres.url), { pathname: `/${dbName}` }).toString();
    await applyMigrations(dbUrl);

    const volumes = { employers: 10_000, passes: 240_000, applications: 1_000_000, requests: 20_000 };
    const loadStart = performance.now();
    const codes = listDepartements().map((d) => d.code);
    await withPg(dbUrl, (client) => seedStatsData(client, volumes, codes, departementsOfRegion('11')));
    console.log(
      `Données : ${volumes.employers} employeurs, ${volumes.passes} PASS IAE, ${volumes.applications} candidatures, ` +
        `${volumes.requests} demandes d'habilitation, générées en ${fixed((performance.now() - loadStart) / 1000)} s`,
    );

    const db = createDb(dbUrl, 2);
    cleanups.unshift(() => db.$disconnect());
    const day = today(systemClock);
    const indicators: [string, (departements: string[] | null) => Promise<unknown>][] = [
      ['Personnes en parcours', (d) => peopleInParcours(db, d, day)],
      ['Embauches par mois', (d) => hiresPerMonth(db, d, day)],
      ['PASS finissant sous 90 j', (d) => passesEndingSoon(db, d, day)],
      ['Habilitations', (d) => accreditationFigures(db, d)],
      ['Part auto-prescrite', (d) => selfPrescription(db, d, day)],
    ];
    const scopes: StatsScope[] = [
      { kind: 'departement', code: '93' },
      { kind: 'region', code: '11' },
      { kind: 'national' },
    ];
    const rows = [['Indicateur', 'Périmètre', 'p50 (ms)', 'p95 (ms)', `< ${TARGET_MS} ms`]];
    let allOk = true;
    for (const [name, run] of indicators) {
      for (const scope of scopes) {
        const departements = departementsOf(scope);
        await run(departements); // warm-up
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          await run(departements);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        const p95 = percentile(times, 95);
        allOk &&= p95 < TARGET_MS;
        rows.push([name, scopeLabel(scope), fixed(percentile(times, 50)), fixed(p95), p95 < TARGET_MS ? 'oui' : 'NON']);
      }
    }
    console.log(`\n${table(rows)}\n`);
    console.log(allOk ? 'Objectif tenu.' : 'Objectif NON tenu.');
    process.exitCode = allOk ? 0 : 1;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  }
}

await main();
