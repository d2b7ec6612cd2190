// `npm run production`: the production topology on this machine, without Docker
// (docs/decisions/026-production-topology.md): PostgreSQL (embedded, data in
// DATA_DIR/production/postgres, or DATABASE_ADMIN_URL's server), Temporal's production server
// over it, two worker processes, two web processes behind one port (round-robin), the e-mail
// outbox sent by the workers to a mail catcher unless SMTP_HOST is set. Ctrl-C (or SIGTERM)
// stops every process it started; the next start finds the same data.
//   npm run production -- [--workers N] [--webs N] [--port P] [--temporal-port P] [--shards S]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from '../server/config.ts';
import { startProductionTopology, type Topology } from './production/topology.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const config = loadConfigOrExit();

function option(name: string, fallback: number, min: number, max: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} : un entier de ${min} à ${max}`);
    process.exit(2);
  }
  return value;
}

const workers = option('workers', 2, 1, 16);
const webs = option('webs', 2, 1, 16);
const port = option('port', config.PORT, 1, 65535);
// Fixed for the life of the cluster's database (decision 026): one machine needs few.
const shards = option('shards', 4, 1, 16384);
const temporalPort = option('temporal-port', 7233, 1, 65535);

const say = (message: string) => console.log(`▸ ${message}`);
let topology: Topology | undefined;
let stopping = false;

async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('Arrêt de la topologie de production…');
  await topology?.stop();
  say('Arrêté.');
  process.exit(code);
}
// `on`, not `once`: a signal sent to the whole group may arrive twice (from npm and directly).
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  topology = await startProductionTopology({
    dataDir: path.resolve(ROOT, config.DATA_DIR, 'production'),
    durability: 'durable',
    port,
    temporalPort,
    postgresPort: config.EMBEDDED_DB_PORT + 2,
    workers,
    webs,
    shards,
    adminEmail: config.ADMIN_EMAIL,
    adminPassword: config.ADMIN_PASSWORD,
    say,
    onChildExit: (name, code, signal) => {
      console.error(`Le processus « ${name} » s'est arrêté (${code ?? signal}) : arrêt de la topologie.`);
      void stopAll(1);
    },
  });
  const t = topology;
  console.log(`
  Plateforme de l'inclusion — topologie de production prête
  ─────────────────────────────────────────────────────────
  Application web        ${t.url}   (${webs} processus web, répartition tour à tour)
  Documentation API      ${t.url}/api/v1/docs
  Temporal (gRPC)        ${t.temporalAddress}   (serveur de production, ${shards} shards, sur PostgreSQL)
  PostgreSQL             ${new URL(t.databaseUrl).host}   (bases inclusion, temporal, temporal_visibility)
  Workers                ${workers} processus (workflows, activités, envoi des courriels)
  Courriels              ${t.mailCatcherPort ? `serveur SMTP local 127.0.0.1:${t.mailCatcherPort}, lus dans ${t.url}/admin/courriels` : `${config.SMTP_HOST}:${config.SMTP_PORT}`}
  Journaux               ${t.logDir}/
  Administrateur         ${config.ADMIN_EMAIL}

  Ctrl-C pour tout arrêter.
`);
} catch (error) {
  console.error(`Démarrage impossible : ${(error as Error).message}`);
  await stopAll(1);
}
