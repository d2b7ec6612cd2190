// Registry fixtures written straight into PostgreSQL: employers with job descriptions and
// applications received at chosen times (the search reads them, it never writes).
import { randomUUID } from 'node:crypto';
import type { EmployerKind } from '../../domain/organizations.ts';
import type { Db } from '../../server/db/client.ts';
import { newSiret } from './factories.ts';

export interface EmployerSeed {
  name: string;
  kind?: EmployerKind;
  departement?: string;
  commune?: string;
  /** null: an employer without coordinates. */
  at: { latitude: number; longitude: number } | null;
  applicationsOpen?: boolean;
  jobs?: { open: number; rome?: string; recruitmentOpen?: boolean; deactivated?: boolean }[];
  /** Applications received 5 days before `now`. */
  recent?: number;
  /** Applications received 40 days before `now` (not recent). */
  old?: number;
}

const DAY_MS = 86_400_000;

export async function seedEmployer(db: Db, seed: EmployerSeed, now: Date): Promise<string> {
  const employer = await db.organization.create({
    data: {
      type: 'EMPLOYER',
      createdAt: now,
      name: seed.name,
      siret: newSiret(),
      employerKind: seed.kind ?? 'ACI',
      departement: seed.departement ?? '93',
      communeCode: seed.commune ?? '93008',
      latitude: seed.at?.latitude ?? null,
      longitude: seed.at?.longitude ?? null,
      applicationsOpen: seed.applicationsOpen ?? true,
      contactEmail: 'contact@employeur.example',
      jobDescriptions: {
        create: (seed.jobs ?? []).map((job, index) => ({
          createdAt: now,
          romeCode: job.rome ?? 'N1105',
          title: `Poste ${index + 1}`,
          contractType: 'CDDI',
          openPositions: job.open,
          hoursPerWeek: 26,
          recruitmentOpen: job.recruitmentOpen ?? true,
          deactivatedOn: job.deactivated ? '2027-01-01' : null,
        })),
      },
    },
  });
  const application = (daysAgo: number) => ({
    id: randomUUID(),
    personId: randomUUID(),
    employerId: employer.id,
    senderOrganizationId: randomUUID(),
    senderUserId: randomUUID(),
    senderKind: 'AUTHORIZED_PRESCRIBER' as const,
    state: 'new' as const,
    lastUpdatedOn: '2027-01-01',
    createdAt: new Date(now.getTime() - daysAgo * DAY_MS),
  });
  await db.application.createMany({
    data: [
      ...Array.from({ length: seed.recent ?? 0 }, () => application(5)),
      ...Array.from({ length: seed.old ?? 0 }, () => application(40)),
    ],
  });
  return employer.id;
}
