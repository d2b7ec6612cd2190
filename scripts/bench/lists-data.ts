// Synthetic data for the list benchmark (docs/rules.md §2, §4, §5), generated inside PostgreSQL
// with generate_series: prescriber organizations and employers, persons registered by the
// prescribers, their diagnoses, job descriptions, applications, PASS IAE and prolongation
// requests. Organization 0 of each kind is the busiest (a tenth of the persons, a twentieth of
// the applications and PASS): the lists are timed on it, the worst case.
import type pg from 'pg';

export interface ListVolumes {
  prescribers: number;
  employers: number;
  persons: number;
  applications: number;
  passes: number;
  requests: number;
}

/** Deterministic ids: `md5(prefix || n)` read as a uuid. */
export const prescriberId = (n: string) => `md5('prescriber' || (${n})::text)::uuid`;
export const employerId = (n: string) => `md5('employer' || (${n})::text)::uuid`;
const personId = (n: string) => `md5('person' || (${n})::text)::uuid`;
const jobId = (n: string) => `md5('job' || (${n})::text)::uuid`;

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Lefèvre',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Morel',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Lefebvre',
  'Faure',
  'André',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Garcia',
];
const FIRST_NAMES = [
  'Marie',
  'Jean',
  'Nathalie',
  'Pierre',
  'Isabelle',
  'Michel',
  'Sylvie',
  'Philippe',
  'Catherine',
  'Alain',
  'Fatima',
  'Mohamed',
  'Inès',
  'Youssef',
  'Léa',
  'Lucas',
  'Chloé',
  'Hugo',
  'Emma',
  'Nathan',
  'Aïcha',
  'Karim',
  'Sarah',
  'Thomas',
  'Camille',
  'Louis',
  'Manon',
  'Jules',
  'Zoé',
  'Enzo',
];

export async function seedListData(client: pg.Client, volumes: ListVolumes) {
  const { prescribers, employers, persons, applications, passes, requests } = volumes;
  await client.query(
    `INSERT INTO "Organization" (id, type, name, departement, "prescriberKind", "authorizationStatus", "createdAt", "updatedAt")
     SELECT ${prescriberId('i')}, 'PRESCRIBER', 'Prescripteur ' || i, '93', 'FRANCE_TRAVAIL', 'VALIDATED', now(), now()
     FROM generate_series(0, $1 - 1) AS i`,
    [prescribers],
  );
  await client.query(
    `INSERT INTO "Organization" (id, type, name, departement, "employerKind", "createdAt", "updatedAt")
     SELECT ${employerId('i')}, 'EMPLOYER', 'Employeur ' || i, '93', 'ACI', now(), now()
     FROM generate_series(0, $1 - 1) AS i`,
    [employers],
  );
  // A tenth of the persons are registered by prescriber 0.
  await client.query(
    `INSERT INTO "Person" (id, "firstName", "lastName", "birthDate", "identityKey", "createdByOrganizationId", "createdAt")
     SELECT ${personId('i')}, f, l, b,
       lower(unaccent_l) || '|' || lower(unaccent_f) || '|' || b || '#' || i,
       CASE WHEN i % 10 = 0 THEN ${prescriberId('0')} ELSE ${prescriberId('1 + i % ($2 - 1)')} END,
       now() - (i || ' minutes')::interval
     FROM (
       SELECT i, ($3::text[])[1 + i % cardinality($3::text[])] AS l, ($4::text[])[1 + (i / 7) % cardinality($4::text[])] AS f,
         to_char(date '1960-01-01' + (i * 37) % 16000, 'YYYY-MM-DD') AS b,
         translate(($3::text[])[1 + i % cardinality($3::text[])], 'éèëêàâäïîôöüûç', 'eeeeaaaiioouuc') AS unaccent_l,
         translate(($4::text[])[1 + (i / 7) % cardinality($4::text[])], 'éèëêàâäïîôöüûç', 'eeeeaaaiioouuc') AS unaccent_f
       FROM generate_series(0, $1 - 1) AS i
     ) s`,
    [persons, prescribers, LAST_NAMES, FIRST_NAMES],
  );
  await client.query(
    `INSERT INTO "Diagnosis" (id, "personId", author, "authorOrganizationId", "authorUserId", criteria, "madeOn", "expiresOn", "createdAt")
     SELECT gen_random_uuid(), p.id, 'PRESCRIBER', p."createdByOrganizationId", gen_random_uuid(), ARRAY['RSA'],
       to_char(current_date - (i % 300), 'YYYY-MM-DD'), to_char(current_date - (i % 300) + 182, 'YYYY-MM-DD'), now()
     FROM generate_series(0, $1 / 2 - 1) AS i JOIN "Person" p ON p.id = ${personId('i * 2')}`,
    [persons],
  );
  await client.query(
    `INSERT INTO "JobDescription" (id, "employerId", "romeCode", title, "contractType", "openPositions", "hoursPerWeek", "createdAt", "updatedAt")
     SELECT ${jobId('i')}, ${employerId('i % $2')}, 'N1105',
       (ARRAY['Agent de propreté', 'Ouvrier du bâtiment', 'Aide maraîcher', 'Agent de tri', 'Cariste'])[1 + (i / $2) % 5],
       'CDDI', 2, 26, now(), now()
     FROM generate_series(0, $1 - 1) AS i`,
    [employers * 4, employers],
  );
  // A twentieth of the applications go to employer 0; each is sent by the person's prescriber.
  await client.query(
    `INSERT INTO "Application" (id, "personId", "employerId", "jobDescriptionId", "senderOrganizationId", "senderUserId",
       "senderKind", state, "lastUpdatedOn", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), p.id, e.employer, ${jobId('(i % 4) * $3')}::uuid, p."createdByOrganizationId", gen_random_uuid(),
       'AUTHORIZED_PRESCRIBER',
       (ARRAY['new', 'processing', 'postponed', 'accepted', 'refused', 'refused', 'obsolete', 'archived', 'cancelled', 'new']::"ApplicationState"[])[1 + i % 10],
       to_char(current_date - (i % 400), 'YYYY-MM-DD'), now() - (i || ' minutes')::interval, now()
     FROM generate_series(0, $1 - 1) AS i
     JOIN "Person" p ON p.id = ${personId('(i * 7) % $2')}
     CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 = 0 THEN ${employerId('0')} ELSE ${employerId('1 + i % ($3 - 1)')} END AS employer) e`,
    [applications, persons, employers],
  );
  await client.query(
    `INSERT INTO "Pass" (number, "personId", "employerId", "startDate", "endDate", cancelled, snapshot, version, "updatedAt")
     SELECT lpad((999990000000 + i)::text, 12, '0'), ${personId('i')}, e.employer,
       to_char(current_date - (i::bigint * 7919 % 1000)::int, 'YYYY-MM-DD'),
       to_char(current_date - (i::bigint * 7919 % 1000)::int + 729, 'YYYY-MM-DD'),
       i % 50 = 0,
       jsonb_build_object('hires', jsonb_build_array(jsonb_build_object('employerId', e.employer::text, 'employerKind', 'ACI')),
         'suspensions', '[]'::jsonb),
       1, now()
     FROM generate_series(0, $1 - 1) AS i
     CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 = 0 THEN ${employerId('0')} ELSE ${employerId('1 + i % ($2 - 1)')} END AS employer) e`,
    [passes, employers],
  );
  await client.query(
    `INSERT INTO "ProlongationRequest" (id, "passNumber", "employerId", "prescriberOrganizationId", reason, "endDate",
       "requestedOn", state)
     SELECT gen_random_uuid(), pa.number, pa."employerId", p."createdByOrganizationId", 'RQTH', pa."endDate",
       to_char(current_date - (i % 60), 'YYYY-MM-DD'),
       (ARRAY['PENDING', 'GRANTED', 'DENIED']::"ProlongationRequestState"[])[1 + i % 3]
     FROM generate_series(0, $1 - 1) AS i
     JOIN "Pass" pa ON pa.number = lpad((999990000000 + i * ($2 / $1))::text, 12, '0')
     JOIN "Person" p ON p.id = pa."personId"`,
    [requests, passes],
  );
  // As autovacuum would: statistics, and the visibility map that index-only scans need.
  await client.query('VACUUM ANALYZE');
}
