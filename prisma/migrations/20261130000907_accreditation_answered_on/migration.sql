-- AlterTable
ALTER TABLE "AccreditationRequest" ADD COLUMN     "answeredOn" CHAR(10);


-- Requests completed before this column existed: the day of the organization's answer, read from
-- the audit log (one entry per workflow step), when no request for information came after it.
-- The next projection of each request writes the same date from the workflow's history.
UPDATE "AccreditationRequest" AS r
SET "answeredOn" = to_char(steps.answered AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD')
FROM (
  SELECT "entityId",
         max("occurredAt") FILTER (WHERE action = 'accreditation.respond') AS answered,
         max("occurredAt") FILTER (WHERE action = 'accreditation.requestInformation') AS asked
  FROM "AuditEntry"
  WHERE "entityType" = 'AccreditationRequest'
  GROUP BY "entityId"
) AS steps
WHERE steps."entityId" = r.id::text
  AND steps.answered IS NOT NULL
  AND (steps.asked IS NULL OR steps.answered > steps.asked);
