-- Business times come from the platform's clock (docs/rules.md §6): workflow time in activities,
-- the injected Clock elsewhere. Without a database default, a write that forgets its time fails.

-- AlterTable
ALTER TABLE "Organization" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "JobDescription" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "EmployerImport" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Application" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "SelfPrescriptionRightChange" ALTER COLUMN "occurredAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "AuditEntry" ALTER COLUMN "occurredAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Notification" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Person" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Diagnosis" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "ControlProof" ALTER COLUMN "uploadedAt" DROP DEFAULT;

