// Synthetic data for the dashboards benchmark (docs/rules.md §9), generated inside PostgreSQL
// with generate_series: employers spread over every département (a third in Île-de-France),
// PASS IAE over the last three years, applications (a third accepted) and accreditation requests.
import type pg from 'pg';

export interface StatsVolumes {
  employers: number;
  passes: number;
  applications: number;
  requests: number;
}

/** Deterministic ids: `md5(prefix || n)` read as a uuid. */
const employerId = (n: string) => `md5('e' || (${n})::text)::uuid`;

export async function seedStatsData(client: pg.Client, volumes: StatsVolumes, codes: string[], idf: string[]) {
  await client.query(
    `INSERT INTO "Organization" (id, type, name, departement, "employerKind", "createdAt", "updatedAt")
     SELECT ${employerId('i')}, 'EMPLOYER', 'Employeur ' || i,
       CASE WHEN i % 3 = 0 THEN ($2::text[])[1 + (i / 3) % cardinality($2::text[])]
            ELSE ($1::text[])[1 + i % cardinality($1::text[])] END,
       'ACI', now(), now()
     FROM generate_series(0, $3 - 1) AS i`,
    [codes, idf, volumes.employers],
  );
  await client.query(
    `INSERT INTO "Pass" (number, "personId", "employerId", "startDate", "endDate", cancelled, snapshot, version, "updatedAt")
     SELECT lpad(i::text, 12, '0'), gen_random_uuid(), ${employerId('i % $2')},
       to_char(current_date - (i::bigint * 7919 % 1095)::int, 'YYYY-MM-DD'),
       to_char(current_date - (i::bigint * 7919 % 1095)::int + 729, 'YYYY-MM-DD'),
       i % 50 = 0, '{}', 1, now()
     FROM generate_series(0, $1 - 1) AS i`,
    [volumes.passes, volumes.employers],
  );
  await client.query(
    `INSERT INTO "Application" (id, "personId", "employerId", "senderOrganizationId", "senderUserId", "senderKind",
       state, "hiringStartDate", "lastUpdatedOn", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), gen_random_uuid(), ${employerId('i % $2')}, ${employerId('(i * 31) % $2')},
       gen_random_uuid(),
       (ARRAY['AUTHORIZED_PRESCRIBER', 'ORIENTEUR', 'EMPLOYER', 'EMPLOYER']::"ApplicationSender"[])[1 + i % 4],
       (ARRAY['accepted', 'refused', 'new', 'processing', 'accepted', 'obsolete', 'archived', 'accepted', 'cancelled']::"ApplicationState"[])[1 + i % 9],
       CASE WHEN i % 9 IN (0, 4, 7) THEN to_char(current_date - (i::bigint * 104729 % 730)::int, 'YYYY-MM-DD') END,
       to_char(current_date - (i % 730), 'YYYY-MM-DD'), now(), now()
     FROM generate_series(0, $1 - 1) AS i`,
    [volumes.applications, volumes.employers],
  );
  await client.query(
    `INSERT INTO "AccreditationRequest" (id, "organizationId", departement, state, justification, reference,
       "submittedOn", "decidedOn", overdue, "updatedAt")
     SELECT gen_random_uuid(), ${employerId('i % $2')}, ($3::text[])[1 + i % cardinality($3::text[])],
       (ARRAY['SUBMITTED', 'INFORMATION_REQUESTED', 'APPROVED', 'REJECTED', 'APPROVED', 'WITHDRAWN']::"AccreditationState"[])[1 + i % 6],
       'Justification', 'Réf.', to_char(current_date - (i % 400) - 60, 'YYYY-MM-DD'),
       CASE WHEN i % 6 IN (2, 3, 4, 5) THEN to_char(current_date - (i % 400) - 60 + (i % 45), 'YYYY-MM-DD') END,
       i % 6 IN (0, 1) AND i % 3 = 0, now()
     FROM generate_series(0, $1 - 1) AS i`,
    [volumes.requests, volumes.employers, codes],
  );
  // As autovacuum would: statistics, and the visibility map that index-only scans need.
  await client.query('VACUUM ANALYZE');
}
