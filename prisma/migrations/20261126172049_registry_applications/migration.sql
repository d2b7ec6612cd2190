-- CreateEnum
CREATE TYPE "ApplicationState" AS ENUM ('new', 'processing', 'postponed', 'accepted', 'refused', 'cancelled', 'obsolete', 'archived');

-- CreateEnum
CREATE TYPE "ApplicationSender" AS ENUM ('AUTHORIZED_PRESCRIBER', 'ORIENTEUR', 'EMPLOYER');

-- CreateEnum
CREATE TYPE "EmployerImportState" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "JobDescription" ADD COLUMN     "deactivatedOn" CHAR(10),
ADD COLUMN     "lastUpdatedOn" CHAR(10),
ADD COLUMN     "location" TEXT;

-- AlterTable
ALTER TABLE "Diagnosis" ADD COLUMN     "passNumber" CHAR(12);

-- CreateTable
CREATE TABLE "CommuneCentre" (
    "code" VARCHAR(5) NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CommuneCentre_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "EmployerImport" (
    "id" UUID NOT NULL,
    "createdByUserId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "state" "EmployerImportState" NOT NULL DEFAULT 'PENDING',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EmployerImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "employerId" UUID NOT NULL,
    "jobDescriptionId" UUID,
    "senderOrganizationId" UUID NOT NULL,
    "senderUserId" UUID NOT NULL,
    "senderKind" "ApplicationSender" NOT NULL,
    "message" TEXT,
    "state" "ApplicationState" NOT NULL,
    "refusalReason" TEXT,
    "refusalMessage" TEXT,
    "hiringStartDate" CHAR(10),
    "hiringEndDate" CHAR(10),
    "passNumber" CHAR(12),
    "lastUpdatedOn" CHAR(10) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationTransition" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "applicationId" UUID NOT NULL,
    "transition" TEXT NOT NULL,
    "fromState" "ApplicationState",
    "toState" "ApplicationState" NOT NULL,
    "actorUserId" UUID,
    "actorOrganizationId" UUID,
    "reason" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApplicationTransition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Application_employerId_state_idx" ON "Application"("employerId", "state");

-- CreateIndex
CREATE INDEX "Application_employerId_createdAt_idx" ON "Application"("employerId", "createdAt");

-- CreateIndex
CREATE INDEX "Application_personId_state_idx" ON "Application"("personId", "state");

-- CreateIndex
CREATE INDEX "Application_senderOrganizationId_createdAt_idx" ON "Application"("senderOrganizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationTransition_key_key" ON "ApplicationTransition"("key");

-- CreateIndex
CREATE INDEX "ApplicationTransition_applicationId_occurredAt_idx" ON "ApplicationTransition"("applicationId", "occurredAt");

-- CreateIndex
CREATE INDEX "Organization_type_latitude_longitude_idx" ON "Organization"("type", "latitude", "longitude");

-- CreateIndex
CREATE INDEX "JobDescription_employerId_recruitmentOpen_idx" ON "JobDescription"("employerId", "recruitmentOpen");

-- AddForeignKey
ALTER TABLE "ApplicationTransition" ADD CONSTRAINT "ApplicationTransition_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

