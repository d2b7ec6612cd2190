// Demo data for the local platform and the browser tests: employers of several kinds in
// three départements with job descriptions, prescriber organizations authorized and not,
// a prefecture and a DDETS per département, a DREETS for Île-de-France, one user per role, and
// self-prescribed hires of the demo ACI in the previous half-year so that a control can be
// played (docs/rules.md §8). Idempotent.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../server/passwords.ts';
import { today, type Clock } from '../../domain/clock.ts';
import { addDays, startOfParisDay, type IsoDate } from '../../domain/dates.ts';
import { diagnosisExpiry } from '../../domain/eligibility.ts';
import { formatPassNumber } from '../../domain/pass/number.ts';
import { personIdentityKey } from '../../domain/persons.ts';
import type { ContractType } from '../../domain/job-descriptions.ts';
import {
  initialAuthorizationStatus,
  ROLE_OF_ORGANIZATION_TYPE,
  type EmployerKind,
  type PrescriberKind,
} from '../../domain/organizations.ts';
import { luhnValid } from '../../domain/siret.ts';
import { systemClock } from '../../server/clock.ts';
import type { Db } from '../../server/db/client.ts';
import { ensureReferenceCommuneCentres } from '../../server/registry/commune-centres.ts';

export const DEMO_PASSWORD = 'Demo-inclusion-2026';

export const DEMO_DEPARTEMENTS = [
  { code: '67', name: 'Bas-Rhin' },
  { code: '93', name: 'Seine-Saint-Denis' },
  { code: '13', name: 'Bouches-du-Rhône' },
] as const;

/** Makes a Luhn-valid SIRET from 13 digits. */
function siret(thirteenDigits: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (luhnValid(thirteenDigits + digit)) return thirteenDigits + digit;
  }
  throw new Error('unreachable');
}

const EMPLOYERS: {
  kind: EmployerKind;
  name: string;
  departement: string;
  commune: string;
  lat: number;
  lon: number;
  certified?: boolean;
  jobs: [string, string, number][];
}[] = [
  {
    kind: 'ACI',
    name: 'Jardins de Cocagne de Bobigny',
    departement: '93',
    commune: '93008',
    lat: 48.9077,
    lon: 2.4397,
    jobs: [
      ['A1203', 'Ouvrier / Ouvrière en espaces verts', 6],
      ['A1414', 'Maraîcher / Maraîchère', 4],
    ],
  },
  {
    kind: 'EI',
    name: 'Recyclerie du Canal',
    departement: '93',
    commune: '93066',
    lat: 48.9362,
    lon: 2.3574,
    certified: true,
    jobs: [
      ['N1103', 'Agent / Agente de tri et de magasinage', 5],
      ['K2304', 'Valoriste', 3],
    ],
  },
  {
    kind: 'AI',
    name: 'Association Intermédiaire Plaine Services',
    departement: '93',
    commune: '93048',
    lat: 48.8638,
    lon: 2.4485,
    jobs: [['K2204', 'Agent / Agente de nettoyage de locaux', 8]],
  },
  {
    kind: 'ETTI',
    name: 'ETTI Alsace Emploi Solidaire',
    departement: '67',
    commune: '67482',
    lat: 48.5734,
    lon: 7.7521,
    jobs: [
      ['N1105', 'Manutentionnaire', 10],
      ['F1703', 'Maçon / Maçonne', 2],
    ],
  },
  {
    kind: 'ACI',
    name: 'Chantier Nature Vosges du Nord',
    departement: '67',
    commune: '67180',
    lat: 48.8157,
    lon: 7.7904,
    jobs: [['A1201', 'Bûcheron / Bûcheronne', 4]],
  },
  {
    kind: 'GEIQ',
    name: 'GEIQ BTP Provence',
    departement: '13',
    commune: '13055',
    lat: 43.2965,
    lon: 5.3698,
    jobs: [['F1701', 'Coffreur-boiseur / Coffreuse-boiseuse', 3]],
  },
  {
    kind: 'EA',
    name: 'Entreprise Adaptée Méditerranée',
    departement: '13',
    commune: '13001',
    lat: 43.5297,
    lon: 5.4474,
    jobs: [
      ['G1602', 'Commis / Commise de cuisine', 2],
      ['H3302', 'Opérateur / Opératrice de conditionnement', 6],
    ],
  },
  {
    kind: 'EITI',
    name: 'EITI Vélo Services Marseille',
    departement: '13',
    commune: '13055',
    lat: 43.3,
    lon: 5.38,
    jobs: [['N4105', 'Livreur / Livreuse à vélo', 5]],
  },
];

const PRESCRIBERS: { kind: PrescriberKind; name: string; departement: string }[] = [
  { kind: 'FRANCE_TRAVAIL', name: 'France Travail Bobigny', departement: '93' },
  { kind: 'MISSION_LOCALE', name: 'Mission locale de Strasbourg', departement: '67' },
  { kind: 'CCAS', name: 'CCAS de Saint-Denis', departement: '93' },
  { kind: 'CHRS', name: 'CHRS Le Phare (Marseille)', departement: '13' },
];

export interface DemoLogin {
  label: string;
  email: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  { label: 'Prescripteur habilité (France Travail Bobigny)', email: 'prescripteur@demo.inclusion.localhost' },
  { label: 'Orienteur (CCAS de Saint-Denis, non habilité)', email: 'orienteur@demo.inclusion.localhost' },
  { label: 'Employeur (Jardins de Cocagne de Bobigny, ACI)', email: 'employeur@demo.inclusion.localhost' },
  { label: 'Agent de préfecture (Seine-Saint-Denis)', email: 'prefecture@demo.inclusion.localhost' },
  { label: 'Inspecteur du travail (DDETS Seine-Saint-Denis)', email: 'ddets@demo.inclusion.localhost' },
  { label: 'Agent de la DREETS Île-de-France', email: 'dreets@demo.inclusion.localhost' },
];

/** The DREETS of Île-de-France (région 11) and its agent (docs/rules.md §2, §9). */
const DEMO_DREETS = { name: 'DREETS Île-de-France', region: '11', departement: '75' };

/** Every start: a platform seeded before the DREETS existed gets it too. */
async function ensureDemoDreets(db: Db, clock: Clock): Promise<void> {
  const login = DEMO_LOGINS.find((entry) => entry.email.startsWith('dreets@'))!;
  if (await db.user.findUnique({ where: { email: login.email }, select: { id: true } })) return;
  const organization = await db.organization.create({
    data: {
      type: 'DREETS',
      name: DEMO_DREETS.name,
      region: DEMO_DREETS.region,
      departement: DEMO_DREETS.departement,
      createdAt: clock.now(),
    },
  });
  await db.user.create({
    data: {
      email: login.email,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      firstName: 'Inès',
      lastName: 'Moreau',
      memberships: { create: { organizationId: organization.id, role: ROLE_OF_ORGANIZATION_TYPE.DREETS } },
    },
  });
}

const MARKER_NAME = EMPLOYERS[0]!.name;

/** The half-year before the one `day` is in: the period a demo control campaign covers. */
export function demoControlPeriod(day: IsoDate): { start: IsoDate; end: IsoDate } {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) <= 6
    ? { start: `${year - 1}-07-01`, end: `${year - 1}-12-31` }
    : { start: `${year}-01-01`, end: `${year}-06-30` };
}

/** The demo ACI's self-prescribed hires in that period: each diagnosis (made by the ACI) opened the PASS. */
export const DEMO_CONTROL_HIRES = [
  { firstName: 'Nadia', lastName: 'Morel', birthDate: '1984-03-12', criteria: ['RSA'], offset: 20 },
  { firstName: 'Julien', lastName: 'Roux', birthDate: '1991-09-30', criteria: ['RSA', 'QPV'], offset: 55 },
  { firstName: 'Awa', lastName: 'Diallo', birthDate: '1979-06-04', criteria: ['RSA', 'MOBILITE'], offset: 90 },
] as const;
/** Far from the sequence the platform draws from, so no issued PASS takes these numbers. */
const DEMO_PASS_SEQUENCE = 9_990_000;

/** The contract each kind of employer usually offers. */
const DEMO_CONTRACT_TYPES: Record<EmployerKind, ContractType> = {
  ACI: 'CDDI',
  AI: 'MISSION_INTERIM',
  EI: 'CDDI',
  EITI: 'CDDI',
  ETTI: 'MISSION_INTERIM',
  GEIQ: 'PROFESSIONNALISATION',
  EA: 'CDI',
  EATT: 'MISSION_INTERIM',
};

/** Job descriptions count their 90 days from the seeding day (Paris, from `clock`). */
export async function seedDemoData(db: Db, clock: Clock = systemClock): Promise<'seeded' | 'already-there'> {
  // Every start, before the early return: a platform seeded before the list existed gets it too.
  await ensureReferenceCommuneCentres(db);
  await ensureDemoDreets(db, clock);
  if (await db.organization.findFirst({ where: { name: MARKER_NAME }, select: { id: true } })) return 'already-there';
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seededOn = today(clock);
  const createdAt = clock.now();

  await db.$transaction(async (tx) => {
    const byName = new Map<string, string>();
    for (const [index, employer] of EMPLOYERS.entries()) {
      const created = await tx.organization.create({
        data: {
          type: 'EMPLOYER',
          createdAt,
          name: employer.name,
          siret: siret(`8${String(index + 1).padStart(2, '0')}1234500${String(index).padStart(3, '0')}`),
          departement: employer.departement,
          employerKind: employer.kind,
          certified: employer.certified ?? false,
          communeCode: employer.commune,
          latitude: employer.lat,
          longitude: employer.lon,
          contactEmail: `contact${index + 1}@demo.inclusion.localhost`,
          jobDescriptions: {
            create: employer.jobs.map(([romeCode, title, openPositions]) => ({
              romeCode,
              title,
              openPositions,
              createdAt,
              contractType: DEMO_CONTRACT_TYPES[employer.kind],
              hoursPerWeek: 26,
              communeCode: employer.commune,
              lastUpdatedOn: seededOn,
            })),
          },
        },
      });
      byName.set(employer.name, created.id);
    }
    for (const [index, prescriber] of PRESCRIBERS.entries()) {
      const created = await tx.organization.create({
        data: {
          type: 'PRESCRIBER',
          name: prescriber.name,
          siret: siret(`7${String(index + 1).padStart(2, '0')}9876500${String(index).padStart(3, '0')}`),
          departement: prescriber.departement,
          prescriberKind: prescriber.kind,
          authorizationStatus: initialAuthorizationStatus(prescriber.kind),
          createdAt,
        },
      });
      byName.set(prescriber.name, created.id);
    }
    for (const departement of DEMO_DEPARTEMENTS) {
      for (const type of ['PREFECTURE', 'DDETS'] as const) {
        const name = type === 'PREFECTURE' ? `Préfecture ${departement.name}` : `DDETS ${departement.name}`;
        const created = await tx.organization.create({
          data: { type, name, departement: departement.code, createdAt },
        });
        byName.set(name, created.id);
      }
      await tx.departementSetting.upsert({
        where: { code: departement.code },
        create: { code: departement.code, selfPrescriptionEnabled: true },
        update: {},
      });
    }

    const users: [DemoLogin, string, string, string][] = [
      [DEMO_LOGINS[0]!, 'Camille', 'Martin', 'France Travail Bobigny'],
      [DEMO_LOGINS[1]!, 'Yanis', 'Benali', 'CCAS de Saint-Denis'],
      [DEMO_LOGINS[2]!, 'Sophie', 'Lefèvre', 'Jardins de Cocagne de Bobigny'],
      [DEMO_LOGINS[3]!, 'Hélène', 'Dubois', 'Préfecture Seine-Saint-Denis'],
      [DEMO_LOGINS[4]!, 'Karim', 'Haddad', 'DDETS Seine-Saint-Denis'],
    ];
    for (const [login, firstName, lastName, organizationName] of users) {
      const organizationId = byName.get(organizationName)!;
      const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
      await tx.user.create({
        data: {
          email: login.email,
          passwordHash,
          firstName,
          lastName,
          memberships: { create: { organizationId, role: ROLE_OF_ORGANIZATION_TYPE[organization.type] } },
        },
      });
    }

    const employerId = byName.get(MARKER_NAME)!;
    const author = await tx.user.findUniqueOrThrow({ where: { email: DEMO_LOGINS[2]!.email } });
    const period = demoControlPeriod(seededOn);
    for (const [index, hire] of DEMO_CONTROL_HIRES.entries()) {
      const passNumber = formatPassNumber(DEMO_PASS_SEQUENCE + index + 1);
      const hiredOn = addDays(period.start, hire.offset);
      // Dated in the past they describe, not on the seeding day.
      const diagnosedAt = new Date(startOfParisDay(addDays(hiredOn, -7)));
      const person = await tx.person.create({
        data: {
          createdAt: diagnosedAt,
          firstName: hire.firstName,
          lastName: hire.lastName,
          birthDate: hire.birthDate,
          identityKey: personIdentityKey(hire),
          communeCode: '93008',
          createdByOrganizationId: employerId,
        },
      });
      await tx.diagnosis.create({
        data: {
          createdAt: diagnosedAt,
          personId: person.id,
          author: 'EMPLOYER',
          authorOrganizationId: employerId,
          authorUserId: author.id,
          criteria: [...hire.criteria],
          madeOn: addDays(hiredOn, -7),
          expiresOn: diagnosisExpiry('EMPLOYER', addDays(hiredOn, -7)),
          passNumber,
        },
      });
      await tx.application.create({
        data: {
          id: randomUUID(),
          createdAt: diagnosedAt,
          personId: person.id,
          employerId,
          senderOrganizationId: employerId,
          senderUserId: author.id,
          senderKind: 'EMPLOYER',
          state: 'accepted',
          hiringStartDate: hiredOn,
          passNumber,
          lastUpdatedOn: hiredOn,
        },
      });
    }
  });
  return 'seeded';
}
