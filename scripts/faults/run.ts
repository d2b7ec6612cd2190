// `npm run faults`: break the platform the ways production breaks, and count what was lost.
//   npm run faults                                  all four faults on a stack of its own
//   npm run faults -- --only worker,postgres        some of them (worker, temporal, postgres, users)
//   npm run faults -- --url http://localhost:3000   the concurrent users against a running
//                                                   platform (`npm start`), with its administrator
// Options: --hires N (200), --timers N (200), --outage S (30), --users N (50), --seconds S (60).
// Prints one row per fault: operations, lost, doubled, 5xx (other than a well-shaped 503),
// 503s, p50/p95/p99 latency. Exit code 1 when anything was lost, doubled or answered 5xx.
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { fixed, percentile, table } from '../bench/support.ts';
import { concurrentUsers, postgresOutage, temporalRestart, workerKill, type FaultRow } from './scenarios.ts';
import { FAULTS_ADMIN, startFaultStack } from './stack.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'worker,temporal,postgres,users' },
    url: { type: 'string' },
    hires: { type: 'string', default: '200' },
    timers: { type: 'string', default: '200' },
    outage: { type: 'string', default: '30' },
    users: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
  },
});
const only = new Set(values.only.split(','));
const say = (message: string) => console.log(`▸ ${message}`);
Runtime.install({ logger: new DefaultLogger('ERROR') });

const rows: FaultRow[] = [];
if (values.url) {
  const admin = {
    email: process.env.ADMIN_EMAIL ?? 'admin@inclusion.localhost',
    password: process.env.ADMIN_PASSWORD ?? 'Admin-inclusion-2026',
  };
  say(`Utilisateurs simultanés contre ${values.url}…`);
  rows.push(await concurrentUsers(values.url, admin, Number(values.users), Number(values.seconds)));
} else {
  say('Démarrage de la plateforme (PostgreSQL embarqué, Temporal, worker, serveur web)…');
  const stack = await startFaultStack();
  try {
    if (only.has('worker')) {
      say(`Worker tué pendant ${values.hires} embauches…`);
      rows.push(await workerKill(stack, Number(values.hires)));
    }
    if (only.has('temporal')) {
      say(`Serveur Temporal relancé avec ${values.timers} minuteurs en attente…`);
      rows.push(await temporalRestart(stack, Number(values.timers)));
    }
    if (only.has('postgres')) {
      say(`PostgreSQL arrêté ${values.outage} s sous trafic…`);
      rows.push(await postgresOutage(stack, Number(values.outage)));
    }
    if (only.has('users')) {
      say(`${values.users} utilisateurs pendant ${values.seconds} s…`);
      rows.push(await concurrentUsers(stack.baseUrl, FAULTS_ADMIN, Number(values.users), Number(values.seconds)));
    }
  } finally {
    await stack.stop();
  }
}

const ms = (sorted: number[], p: number) => fixed(percentile(sorted, p), 0);
console.log(
  '\n' +
    table([
      ['panne', 'opérations', 'perdues', 'doublées', '5xx', '503', 'p50 ms', 'p95 ms', 'p99 ms', 'note'],
      ...rows.map((r) => [
        r.fault,
        String(r.operations),
        String(r.lost),
        String(r.doubled),
        String(r.errors),
        String(r.unavailable),
        ms(r.latencies, 50),
        ms(r.latencies, 95),
        ms(r.latencies, 99),
        r.note,
      ]),
    ]),
);
const failures = rows.filter((r) => r.lost || r.doubled || r.errors);
process.exit(failures.length ? 1 : 0);
