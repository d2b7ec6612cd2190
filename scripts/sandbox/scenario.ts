// `npm run sandbox:scenario [BASE_URL]`: a parcours played through a running sandbox's API
// (docs/rules.md §12): register a person, diagnose, apply, hire, suspend, prolong, then advance
// month by month through the PASS's end and its two-year waiting period, printing each event
// (reminders, expiry, end of the waiting period…) as it happens.
import { addDays, parisDateOf, type IsoDate } from '../../domain/dates.ts';
import { DEMO_PASSWORD } from '../seed/demo-data.ts';
import { TRAINER } from './trainer.ts';
import { ScenarioApi } from './scenario-api.ts';

const base = (process.argv[2] ?? 'http://localhost:3000').replace(/\/+$/, '');
const api = new ScenarioApi(`${base}/api/v1`);
const MONTH = 30;
const LIMIT_DAYS = 6 * 365;

interface Pass {
  status: string;
  end: IsoDate;
  remainingDays: number;
  events: { on: IsoDate; kind: string; detail?: string }[];
}

const say = (day: string, message: string) => console.log(`[${day}] ${message}`);

const EVENT_LABELS: Record<string, string> = {
  issued: 'délivré',
  hired: 'embauche',
  suspended: 'suspendu',
  suspensionEnded: 'fin de suspension',
  prolonged: 'prolongé',
  endReminder: 'rappel avant la fin (jours restants)',
  expired: 'expiré',
  waitingPeriodEnded: 'fin du délai de carence de 2 ans',
  anonymized: 'données personnelles anonymisées',
};

const prescriber = await api.login('prescripteur@demo.inclusion.localhost', DEMO_PASSWORD);
const trainer = await api.login(TRAINER.email, TRAINER.password);
const employerId = (await api.get<{ membership: { organization: { id: string } } }>('/me', trainer)).membership
  .organization.id;
let today = (await api.get<{ today: IsoDate }>('/sandbox/clock', trainer)).today;
const seen = new Set<string>();

async function newNotifications(): Promise<void> {
  const { items } = await api.get<{ items: { id: string; subject: string; createdAt: string }[] }>(
    '/notifications',
    trainer,
  );
  for (const item of items.reverse()) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    say(parisDateOf(new Date(item.createdAt)), `✉ ${item.subject}`);
  }
}

// Letters only: duplicate detection ignores digits.
const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const person = await api.post<{ id: string }>(
  '/persons',
  { firstName: 'Alex', lastName: `Scenario ${suffix}`, birthDate: '1990-04-12' },
  prescriber,
);
say(today, `Personne inscrite par le prescripteur habilité : Alex Scenario ${suffix}`);
await api.post(`/persons/${person.id}/diagnoses`, { criteria: ['RSA'] }, prescriber);
say(today, 'Diagnostic d’éligibilité (critère : bénéficiaire du RSA)');
const application = await api.post<{ id: string }>(
  '/applications',
  { personId: person.id, employerId, message: 'Candidature du scénario du bac à sable.' },
  prescriber,
);
say(today, 'Candidature envoyée aux Jardins de Cocagne de Bobigny');
await newNotifications();
const accepted = await api.post<{ pass: { number: string } }>(
  `/applications/${application.id}/accept`,
  { hiringStartDate: today },
  trainer,
);
const number = accepted.pass.number;
const passUrl = `${base}/passes/${number}`;
const readPass = () => api.get<Pass>(`/passes/${number}`, trainer);
let pass = await readPass();
say(today, `Embauche : PASS IAE ${number}, du ${today} au ${pass.end} — ${passUrl}`);
let events = pass.events.length;

async function advance(days: number): Promise<void> {
  today = (await api.post<{ today: IsoDate }>('/sandbox/advance', { days }, trainer)).today;
  pass = await readPass();
  for (const event of pass.events.slice(events))
    say(event.on, `PASS : ${EVENT_LABELS[event.kind] ?? event.kind}${event.detail ? ` (${event.detail})` : ''}`);
  events = pass.events.length;
  await newNotifications();
}

await advance(MONTH);
const suspension = await api.tryPost(
  `/passes/${number}/suspensions`,
  { startDate: today, endDate: addDays(today, 29), reason: 'CONTRAT_SUSPENDU' },
  trainer,
);
say(
  today,
  suspension.ok
    ? `Suspension de 30 jours : fin du PASS reportée au ${(await readPass()).end}`
    : `Suspension refusée : ${suspension.message}`,
);
pass = await readPass();
events = pass.events.length;

// A prolongation may be asked from 12 months before the end.
await advance(Math.max(1, Math.round((Date.parse(addDays(pass.end, -360)) - Date.parse(today)) / 86_400_000)));
const prolongation = await api.tryPost(
  `/passes/${number}/prolongations`,
  { reason: 'FIN_FORMATION', endDate: addDays(pass.end, 120) },
  trainer,
);
say(
  today,
  prolongation.ok
    ? `Prolongation (fin de formation) : nouvelle fin le ${(await readPass()).end}`
    : `Prolongation refusée : ${prolongation.message}`,
);
pass = await readPass();
events = pass.events.length;

const start = today;
while (
  !pass.events.some((event) => event.kind === 'waitingPeriodEnded') &&
  Date.parse(today) - Date.parse(start) < LIMIT_DAYS * 86_400_000
) {
  await advance(MONTH);
}
say(today, `Fin du scénario. PASS IAE ${number} : ${pass.status}. Page : ${passUrl}`);
