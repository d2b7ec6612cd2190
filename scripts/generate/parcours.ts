// `npm run generate:parcours -- --count N --out FILE [--today YYYY-MM-DD] [--seed S]
//    [--deadline-day YYYY-MM-DD --deadline-count K] [--first-sequence Q]`
// Writes a realistic take-over file (scripts/generate/parcours-file.ts) and, beside it,
// FILE.employeurs.csv: its employers in the employer import's format, to import first
// (`/admin/imports`) so that every line finds its employer in the registry.
import { writeFileSync } from 'node:fs';
import { today as clockToday } from '../../domain/clock.ts';
import { addDays, isIsoDate } from '../../domain/dates.ts';
import { systemClock } from '../../server/clock.ts';
import { employersCsv, generateParcoursFile } from './parcours-file.ts';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}
function usage(message: string): never {
  console.error(message);
  console.error(
    'usage: npm run generate:parcours -- --count N --out FICHIER [--today AAAA-MM-JJ] [--seed S] [--deadline-day AAAA-MM-JJ --deadline-count K] [--first-sequence Q]',
  );
  process.exit(2);
}

const count = Number(argument('count'));
const out = argument('out');
const today = argument('today') ?? clockToday(systemClock);
const deadlineDay = argument('deadline-day');
const deadlineCount = Number(argument('deadline-count') ?? (deadlineDay ? 2000 : 0));
if (!Number.isInteger(count) || count < 1 || count > 2_000_000) usage('--count : un entier de 1 à 2000000');
if (!out) usage('--out : le fichier à écrire');
if (!isIsoDate(today)) usage('--today : une date AAAA-MM-JJ');
if (deadlineDay && (!isIsoDate(deadlineDay) || deadlineDay <= today || deadlineDay > addDays(today, 600)))
  usage('--deadline-day : un jour après aujourd’hui, dans les 600 jours');

const file = generateParcoursFile({
  count,
  today,
  seed: Number(argument('seed') ?? 1),
  firstSequence: Number(argument('first-sequence') ?? 5_000_001),
  deadlineDay,
  deadlineCount,
});
writeFileSync(out, file.csv);
writeFileSync(`${out}.employeurs.csv`, employersCsv(file.employers));
console.log(
  `${count} PASS en cours écrits dans ${out} (au ${today}) ; ${file.employers.length} employeurs dans ${out}.employeurs.csv`,
);
if (deadlineDay) {
  const d = file.deadlines;
  console.log(
    `Le ${deadlineDay} : ${d.expiry} expirations, ${d.reminder90} rappels à 90 jours, ${d.reminder30} à 30 jours, ${d.reminder7} à 7 jours.`,
  );
}
