// Benchmark of the public registry search (docs/rules.md §3) on PostgreSQL, all started here:
//   npm run bench:search [-- --employers N] [--queries Q] [--concurrency C]
//
// Creates a fresh database (migrated), bulk-loads N employers (default 10,000) spread around
// the chefs-lieux of thirteen départements, five job descriptions each on average, and
// applications (recent and older), then fires Q mixed queries (default 3,000) at the real
// HTTP API (createApp in this process, no Temporal needed: the search never calls it) and
// prints p50/p95/p99 per kind of query. Deterministic data (seeded PRNG). Drops the database
// at the end. Goal: p95 < 50 ms on a 2-core machine.
//
// PostgreSQL: BENCH_DATABASE_ADMIN_URL, else TEST_DATABASE_ADMIN_URL, else an embedded server.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app.ts';
import { EMPLOYER_KINDS } from '../../domain/organizations.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { createDb } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrations.ts';
import { createLogger } from '../../server/logger.ts';
import { ensureReferenceCommuneCentres } from '../../server/registry/commune-centres.ts';
import { benchPostgresServer, fixed, percentile, runPool, table } from './support.ts';
import { BENCH_CENTRES, ROME_CODES, seedRegistry, type Random } from './search-data.ts';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? fallback : Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} : entier positif attendu`);
    process.exit(2);
  }
  return value;
}
const employers = argument('employers', 10_000);
const queries = argument('queries', 3_000);
const concurrency = argument('concurrency', 2);
const say = (message: string) => console.log(message);

/** mulberry32: small, fast, seeded. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function withPg<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

type Kind = 'commune+rayon' | 'département' | 'département+type' | 'commune+ROME' | 'commune+ouverts' | 'pages 2 à 5';
const MIX: [Kind, number][] = [
  ['commune+rayon', 35],
  ['département', 20],
  ['département+type', 15],
  ['commune+ROME', 10],
  ['commune+ouverts', 10],
  ['pages 2 à 5', 10],
];

function queryFor(kind: Kind, random: Random): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const centre = pick(BENCH_CENTRES);
  const radius = pick([5, 10, 25, 25, 50, 100]);
  const search = new URLSearchParams();
  switch (kind) {
    case 'commune+rayon':
      search.set('commune', centre.commune);
      search.set('radiusKm', String(radius));
      break;
    case 'département':
      search.set('departement', centre.departement);
      break;
    case 'département+type':
      search.set('departement', centre.departement);
      search.set('kind', pick(EMPLOYER_KINDS));
      break;
    case 'commune+ROME':
      search.set('commune', centre.commune);
      search.set('radiusKm', String(radius));
      search.set('rome', pick(ROME_CODES));
      break;
    case 'commune+ouverts':
      search.set('commune', centre.commune);
      search.set('openOnly', 'true');
      break;
    case 'pages 2 à 5':
      if (random() < 0.5) search.set('departement', centre.departement);
      else search.set('commune', centre.commune);
      search.set('page', String(2 + Math.floor(random() * 4)));
      break;
  }
  return search.toString();
}

async function main() {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const postgres = await benchPostgresServer();
    const adminUrl = postgres.url;
    const dbName = `bench_search_${randomBytes(6).toString('hex')}`;
    await withPg(adminUrl, (client) => client.query(`CREATE DATABASE ${dbName}`));
    cleanups.push(() => withPg(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)));
    cleanups.push(() => postgres.stop()); // last: the cleanups run in order
    const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
    await applyMigrations(dbUrl);
    say(`Base PostgreSQL : ${dbName} (migrée)`);

    const loadStart = performance.now();
    const counts = await withPg(dbUrl, (client) => seedRegistry(client, employers, seeded(2026), new Date()));
    say(
      `Données : ${counts.employers} employeurs, ${counts.jobDescriptions} fiches de poste, ` +
        `${counts.recentApplications} candidatures de moins de 30 jours et ${counts.olderApplications} plus anciennes, ` +
        `chargées en ${fixed((performance.now() - loadStart) / 1000)} s`,
    );

    const db = createDb(dbUrl);
    cleanups.unshift(() => db.$disconnect());
    await ensureReferenceCommuneCentres(db);
    await db.communeCentre.createMany({
      data: BENCH_CENTRES.map((centre) => ({
        code: centre.commune,
        latitude: centre.latitude,
        longitude: centre.longitude,
        source: 'reference',
      })),
      skipDuplicates: true,
    });

    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: dbUrl,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      LOG_LEVEL: 'warn',
    });
    // Never connected: the search routes do not use Temporal.
    const temporal = new Client({ connection: Connection.lazy({ address: config.TEMPORAL_ADDRESS! }) });
    const app = createApp({ db, temporal, clock: systemClock, config, logger: createLogger('warn', 'bench') });
    const server: Server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    cleanups.unshift(() => new Promise((resolve) => server.close(resolve)));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/employers`;

    const random = seeded(7);
    const plan: Kind[] = [];
    const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
    for (let index = 0; index < queries; index++) {
      let draw = random() * total;
      plan.push(MIX.find(([, weight]) => (draw -= weight) < 0)?.[0] ?? 'commune+rayon');
    }
    const urls = plan.map((kind) => `${base}?${queryFor(kind, random)}`);
    const byKind = new Map<Kind, number[]>();
    const resultCounts: number[] = [];
    const call = async (url: string) => {
      const response = await fetch(url);
      const body = (await response.json()) as { total?: number };
      if (response.status !== 200) throw new Error(`${response.status} ${url} ${JSON.stringify(body)}`);
      return body.total ?? 0;
    };

    say(`Échauffement : 200 requêtes…`);
    await runPool(200, concurrency, (index) => call(urls[index % urls.length]!).then(() => undefined));
    // Other processes on the machine inflate latencies: the load average says how busy it was.
    const load = () => os.loadavg()[0]!.toFixed(2);
    say(
      `Mesure : ${queries} requêtes mêlées, ${concurrency} en parallèle, ${os.cpus().length} cœurs, charge ${load()}…`,
    );
    const cpuBefore = process.cpuUsage();
    const run = await runPool(queries, concurrency, async (index) => {
      const started = performance.now();
      resultCounts.push(await call(urls[index]!));
      const list = byKind.get(plan[index]!) ?? [];
      list.push(performance.now() - started);
      byKind.set(plan[index]!, list);
    });
    const cpu = process.cpuUsage(cpuBefore);
    if (run.failed > 0) throw new Error(`${run.failed} requêtes en échec, dont : ${run.firstError}`);

    const rows = [['requêtes', 'nombre', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms']];
    for (const [kind] of MIX) {
      const latencies = (byKind.get(kind) ?? []).sort((a, b) => a - b);
      rows.push([
        kind,
        String(latencies.length),
        fixed(percentile(latencies, 50)),
        fixed(percentile(latencies, 95)),
        fixed(percentile(latencies, 99)),
        fixed(latencies.at(-1) ?? Number.NaN),
      ]);
    }
    const all = run.latencies;
    rows.push([
      'toutes',
      String(all.length),
      fixed(percentile(all, 50)),
      fixed(percentile(all, 95)),
      fixed(percentile(all, 99)),
      fixed(all.at(-1) ?? Number.NaN),
    ]);
    say('');
    say(table(rows));
    const sortedCounts = resultCounts.sort((a, b) => a - b);
    say(
      `\n${fixed(queries / (run.elapsedMs / 1000), 0)} requêtes/s ; résultats par recherche : médiane ` +
        `${percentile(sortedCounts, 50)}, p95 ${percentile(sortedCounts, 95)}, max ${sortedCounts.at(-1)}`,
    );
    const nodeCpuMs = (cpu.user + cpu.system) / 1000 / queries;
    const meanMs = all.reduce((sum, value) => sum + value, 0) / all.length;
    say(
      `CPU du processus Node (API et client HTTP) : ${fixed(nodeCpuMs)} ms par requête ; réponse moyenne ${fixed(meanMs)} ms.`,
    );
    say(`Charge de la machine à la fin : ${load()}.`);
    const p95 = percentile(all, 95);
    say(
      p95 < 50 ? `Objectif atteint : p95 ${fixed(p95)} ms < 50 ms.` : `Objectif manqué : p95 ${fixed(p95)} ms ≥ 50 ms.`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error) => console.error(String(error)));
  }
}

await main();
