-- CreateEnum
CREATE TYPE "SelfPrescriptionStatus" AS ENUM ('ACTIVE', 'REVOKED_UNTIL', 'REVOKED_PERMANENTLY');

-- CreateEnum
CREATE TYPE "DiagnosisAuthor" AS ENUM ('PRESCRIBER', 'EMPLOYER');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "selfPrescriptionRevokedUntil" CHAR(10),
ADD COLUMN     "selfPrescriptionStatus" "SelfPrescriptionStatus" NOT NULL DEFAULT 'ACTIVE';

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" CHAR(10) NOT NULL,
    "identityKey" TEXT NOT NULL,
    "nir" CHAR(15),
    "franceTravailId" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "communeCode" VARCHAR(5),
    "createdByOrganizationId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Diagnosis" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "author" "DiagnosisAuthor" NOT NULL,
    "authorOrganizationId" UUID NOT NULL,
    "authorUserId" UUID NOT NULL,
    "criteria" TEXT[],
    "madeOn" CHAR(10) NOT NULL,
    "expiresOn" CHAR(10) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Diagnosis_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_identityKey_key" ON "Person"("identityKey");

-- CreateIndex
CREATE UNIQUE INDEX "Person_nir_key" ON "Person"("nir");

-- CreateIndex
CREATE INDEX "Diagnosis_personId_expiresOn_idx" ON "Diagnosis"("personId", "expiresOn");

-- AddForeignKey
ALTER TABLE "Diagnosis" ADD CONSTRAINT "Diagnosis_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

