// `npm start`: the whole platform on this machine. Uses DATABASE_URL / TEMPORAL_ADDRESS when
// given, otherwise an embedded PostgreSQL server and a Temporal dev server, data in DATA_DIR.
// Migrates, seeds demo data, starts the worker and the web server, prints where everything is.
// Ctrl-C stops every child process; the next start finds the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from '../server/config.ts';
import { createDb } from '../server/db/client.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../server/db/embedded-postgres.ts';
import { applyMigrations } from '../server/db/migrations.ts';
import { startMailCatcher, type MailCatcher } from '../server/notifications/mail-catcher.ts';
import { ensureAdministrator } from '../server/bootstrap-admin.ts';
import { systemClock } from '../server/clock.ts';
import { temporalBinaries } from '../server/temporal/binaries.ts';
import { connectTemporal } from '../server/temporal/client.ts';
import { startTemporalDevServer } from '../server/temporal/dev-server.ts';
import { startSandboxTemporal } from './sandbox/temporal.ts';
import { ensureTrainer, TRAINER } from './sandbox/trainer.ts';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes.ts';
import { WORKER_NODE_FLAGS } from '../worker/node-options.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoData } from './seed/demo-data.ts';
import { startMissingJobDescriptionWorkflows } from './seed/job-description-workflows.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;

const config = loadConfigOrExit();
const dataDir = path.resolve(ROOT, config.DATA_DIR);
const children: { name: string; process: ChildProcess }[] = [];
let embedded: EmbeddedPostgres | undefined;
let mailCatcher: { catcher: MailCatcher; db: ReturnType<typeof createDb> } | undefined;
let stopping = false;

const say = (message: string) => console.log(`▸ ${message}`);

async function stopAll(exitCode: number): Promise<never> {
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  say('Arrêt de la plateforme…');
  for (const child of [...children].reverse()) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.process.once('exit', resolve));
    child.process.kill('SIGTERM');
    const timeout = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timeout);
  }
  await mailCatcher?.catcher.close();
  await mailCatcher?.db.$disconnect();
  await embedded?.stop();
  say('Arrêté.');
  process.exit(exitCode);
}

// `on`, not `once`: a signal sent to the whole group arrives twice (from tsx and directly), and
// a second one must not kill this script while it stops the children.
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

function startNodeChild(name: string, script: string, env: NodeJS.ProcessEnv, flags: string[] = []): void {
  // Own process group: Ctrl-C reaches only this script, which then stops children in order.
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', path.join(ROOT, script)], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
    detached: true,
  });
  children.push({ name, process: child });
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`Le processus « ${name} » s'est arrêté (code ${code ?? signal}) : arrêt de la plateforme.`);
    void stopAll(1);
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} ne répond pas.`);
}

try {
  say('Base de données…');
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port: config.EMBEDDED_DB_PORT,
    });
    databaseUrl = embedded.url;
    say(`PostgreSQL embarqué : ${databaseUrl} — données dans ${path.join(dataDir, 'postgres')}`);
  }
  const applied = await applyMigrations(databaseUrl);
  say(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Schéma à jour.');
  const db = createDb(databaseUrl, 2);
  await ensureAdministrator(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  const seeded = await seedDemoData(db);
  say(seeded === 'seeded' ? 'Données de démonstration créées.' : 'Données de démonstration déjà présentes.');

  let temporalAddress = config.TEMPORAL_ADDRESS;
  let temporalUi = config.TEMPORAL_UI_URL;
  if (config.SANDBOX) {
    // The sandbox always runs its own time-skipping server (docs/decisions/015-sandbox.md).
    const server = await startSandboxTemporal(say);
    children.push({ name: 'temporal', process: server.process });
    server.process.once('exit', () => !stopping && void stopAll(1));
    temporalAddress = server.address;
    temporalUi = `(aucune : serveur de test à saut de temps sur ${server.address})`;
    await ensureTrainer(db);
  } else if (!temporalAddress) {
    const cli = temporalBinaries().cli;
    if (!cli)
      throw new Error(
        'CLI Temporal introuvable : lancez « bash scripts/setup/temporal-binaries.sh » ou définissez TEMPORAL_ADDRESS.',
      );
    say('Serveur Temporal de développement…');
    const server = await startTemporalDevServer({
      cli,
      dataDir: path.join(dataDir, 'temporal'),
      port: TEMPORAL_PORT,
      uiPort: TEMPORAL_UI_PORT,
      namespace: config.TEMPORAL_NAMESPACE,
      searchAttributes: Object.values(SEARCH_ATTRIBUTES),
    });
    children.push({ name: 'temporal', process: server.process });
    server.process.once('exit', () => !stopping && void stopAll(1));
    temporalAddress = server.address;
    temporalUi = `http://localhost:${TEMPORAL_UI_PORT}`;
  }

  // No SMTP server configured: a real one here, which keeps what it receives for « Courriels
  // envoyés » (docs/rules.md §9, docs/decisions/019-email-outbox.md); the worker sends to it.
  const smtp: NodeJS.ProcessEnv = {};
  if (!config.SMTP_HOST) {
    const catcherDb = createDb(databaseUrl, 2);
    const catcher = await startMailCatcher({ db: catcherDb, port: config.MAIL_CATCHER_PORT });
    mailCatcher = { catcher, db: catcherDb };
    Object.assign(smtp, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(catcher.port), SMTP_SECURE: 'false' });
    delete process.env.SMTP_USER;
    delete process.env.SMTP_PASSWORD;
    say(`Serveur SMTP local (courriels de développement) : 127.0.0.1:${catcher.port}`);
  }

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    PUBLIC_URL: config.PUBLIC_URL,
    ...smtp,
  };
  startNodeChild('worker', 'worker/main.ts', env, WORKER_NODE_FLAGS);
  startNodeChild('web', 'api/main.ts', env);
  await waitForHealth(`http://127.0.0.1:${config.PORT}/healthz`, 60_000);

  // The seeded job descriptions get their 90-day timers (decision 008); already running ones are left.
  const temporal = await connectTemporal(temporalAddress, config.TEMPORAL_NAMESPACE);
  // The sandbox's server cannot list workflows, and starts empty with its database: none runs.
  const running = config.SANDBOX ? new Set<string>() : undefined;
  const started = await startMissingJobDescriptionWorkflows({ db, temporal, clock: systemClock, config, running });
  say(
    started > 0
      ? `Fiches de poste : ${started} workflow(s) de désactivation à 90 jours démarré(s).`
      : 'Fiches de poste : workflows de désactivation déjà en place.',
  );
  await temporal.connection.close();
  await db.$disconnect();

  const width = Math.max(...DEMO_LOGINS.map((login) => login.label.length));
  console.log(`
  Plateforme de l'inclusion — prête${config.SANDBOX ? ' (BAC À SABLE : temps simulé, données effacées à chaque démarrage)' : ''}
  ─────────────────────────────────
  Application web      ${config.PUBLIC_URL}
  Documentation API    ${config.PUBLIC_URL}/api/v1/docs   (OpenAPI : /api/v1/openapi.json)
  Interface Temporal   ${temporalUi ?? '(cluster externe)'}
  État de santé        ${config.PUBLIC_URL}/healthz
  Courriels envoyés    ${config.PUBLIC_URL}/admin/courriels   (SMTP : ${mailCatcher ? `serveur local 127.0.0.1:${mailCatcher.catcher.port}` : `${config.SMTP_HOST}:${config.SMTP_PORT}`})

  Comptes de démonstration (mot de passe : ${DEMO_PASSWORD})
${DEMO_LOGINS.map((login) => `    ${login.label.padEnd(width)}  ${login.email}`).join('\n')}
${config.SANDBOX ? `    ${TRAINER.label}\n      ${TRAINER.email}  — POST /api/v1/sandbox/advance {"days": n}\n` : ''}    ${'Administrateur'.padEnd(width)}  ${config.ADMIN_EMAIL}  (mot de passe : ${config.NODE_ENV === 'production' ? 'ADMIN_PASSWORD' : config.ADMIN_PASSWORD})

  Ctrl-C pour tout arrêter.
`);
} catch (error) {
  console.error(`Démarrage impossible : ${(error as Error).message}`);
  await stopAll(1);
}
