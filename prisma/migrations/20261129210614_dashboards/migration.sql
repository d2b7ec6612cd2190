-- AlterEnum
ALTER TYPE "OrganizationType" ADD VALUE 'DREETS';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'REGIONAL_OFFICER';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "region" VARCHAR(3);

-- CreateIndex
CREATE INDEX "Application_state_hiringStartDate_employerId_senderKind_idx" ON "Application"("state", "hiringStartDate", "employerId", "senderKind");

-- CreateIndex
CREATE INDEX "AuditEntry_occurredAt_idx" ON "AuditEntry"("occurredAt");

-- CreateIndex
CREATE INDEX "AuditEntry_actorOrganizationId_occurredAt_idx" ON "AuditEntry"("actorOrganizationId", "occurredAt");

-- CreateIndex
CREATE INDEX "Pass_endDate_startDate_cancelled_employerId_idx" ON "Pass"("endDate", "startDate", "cancelled", "employerId");

