// `npm run import:parcours -- FILE [--concurrency C] [--rate R]`: takes over the running PASS IAE of
// FILE (docs/decisions/025-take-over-import.md) on a running platform (DATABASE_URL and
// TEMPORAL_ADDRESS, else those of `npm start`): checks the file, prints the refused lines, stores
// the import and lets the platform's worker run it, printing progress until it is done. An
// unfinished import of the same file (killed, stopped) is followed instead of stored again; a
// finished one re-run starts nothing (« déjà repris »). Ctrl-C stops following, not the import.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { today } from '../../domain/clock.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfigOrExit } from '../../server/config.ts';
import { createDb } from '../../server/db/client.ts';
import { storeParcoursImport, unfinishedImportOf } from '../../server/imports/parcours-import.ts';
import { connectTemporal } from '../../server/temporal/client.ts';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}
const file = process.argv.slice(2).find((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (!file) {
  console.error('usage: npm run import:parcours -- FICHIER [--concurrency C] [--rate R]');
  process.exit(2);
}
const concurrency = Number(argument('concurrency') ?? 32);
const rate = argument('rate') ? Number(argument('rate')) : null;
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 512) {
  console.error('--concurrency : un entier de 1 à 512');
  process.exit(2);
}
if (rate !== null && (!Number.isInteger(rate) || rate < 1)) {
  console.error('--rate : un entier positif (démarrages par seconde)');
  process.exit(2);
}

const config = loadConfigOrExit();
const databaseUrl =
  config.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${config.EMBEDDED_DB_PORT}/postgres`;
const db = createDb(databaseUrl, 2);
const temporal = await connectTemporal(config.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', config.TEMPORAL_NAMESPACE);
const content = readFileSync(file, 'utf8');
const say = (message: string) => console.log(`▸ [${systemClock.now().toISOString().slice(11, 19)}] ${message}`);

let importId: string;
const unfinished = await unfinishedImportOf(db, content);
if (unfinished) {
  importId = unfinished.id;
  say(
    `Reprise déjà commencée pour ce fichier (${unfinished.processedRows}/${unfinished.totalRows}) : suivi de ${importId}`,
  );
} else {
  say(`Vérification de ${file}…`);
  const stored = await storeParcoursImport(
    { db, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE },
    {
      fileName: path.basename(file),
      content,
      today: today(systemClock),
      now: systemClock.now(),
      createdByUserId: null,
      actorOrganizationId: null,
      concurrency,
      ...(rate ? { ratePerSecond: rate } : {}),
    },
  );
  if (!stored.ok) {
    console.error(stored.message);
    process.exit(1);
  }
  importId = stored.row.id;
  const report = stored.row.report as { line: number; errors: { column: string; message: string }[] }[];
  for (const line of report.slice(0, 50))
    for (const error of line.errors) console.log(`  ligne ${line.line}, ${error.column} : ${error.message}`);
  if (report.length > 50)
    console.log(`  … et ${report.length - 50} autres lignes refusées (rapport complet : /admin/reprise/${importId})`);
  say(`${stored.row.totalRows} lignes valides, ${stored.row.errorCount} refusées ; reprise ${importId} lancée`);
}

let last = { at: performance.now(), rows: -1 };
for (;;) {
  const row = await db.parcoursImport.findUniqueOrThrow({
    where: { id: importId },
    select: { state: true, processedRows: true, totalRows: true, startedCount: true, alreadyCount: true },
  });
  if (row.processedRows !== last.rows) {
    const now = performance.now();
    const perSecond = last.rows < 0 ? 0 : ((row.processedRows - last.rows) / (now - last.at)) * 1000;
    const percent = row.totalRows ? Math.floor((row.processedRows / row.totalRows) * 100) : 100;
    say(
      `${row.processedRows}/${row.totalRows} lignes (${percent} %) — ${row.startedCount} démarrés, ${row.alreadyCount} déjà repris${perSecond ? `, ${perSecond.toFixed(0)}/s` : ''}`,
    );
    last = { at: now, rows: row.processedRows };
  }
  if (row.state === 'DONE' || row.state === 'FAILED') {
    say(
      row.state === 'DONE'
        ? 'Reprise terminée.'
        : 'La reprise s’est arrêtée : relancez la même commande pour la poursuivre.',
    );
    await db.$disconnect();
    await temporal.connection.close();
    process.exit(row.state === 'DONE' ? 0 : 1);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
