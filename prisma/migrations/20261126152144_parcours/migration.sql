-- CreateEnum
CREATE TYPE "ProlongationRequestState" AS ENUM ('PENDING', 'GRANTED', 'DENIED');

-- CreateTable
CREATE TABLE "PassNumberAllocation" (
    "sequence" SERIAL NOT NULL,
    "issuanceKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PassNumberAllocation_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "Pass" (
    "number" CHAR(12) NOT NULL,
    "personId" UUID NOT NULL,
    "employerId" UUID NOT NULL,
    "startDate" CHAR(10) NOT NULL,
    "endDate" CHAR(10) NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "expired" BOOLEAN NOT NULL DEFAULT false,
    "waitingPeriodEnded" BOOLEAN NOT NULL DEFAULT false,
    "snapshot" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Pass_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "ProlongationRequest" (
    "id" UUID NOT NULL,
    "passNumber" CHAR(12) NOT NULL,
    "employerId" UUID NOT NULL,
    "prescriberOrganizationId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "endDate" CHAR(10) NOT NULL,
    "requestedOn" CHAR(10) NOT NULL,
    "state" "ProlongationRequestState" NOT NULL,
    "decidedOn" CHAR(10),
    "denyReason" TEXT,

    CONSTRAINT "ProlongationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PassNumberAllocation_issuanceKey_key" ON "PassNumberAllocation"("issuanceKey");

-- CreateIndex
CREATE INDEX "Pass_personId_idx" ON "Pass"("personId");

-- CreateIndex
CREATE INDEX "Pass_employerId_idx" ON "Pass"("employerId");

-- CreateIndex
CREATE INDEX "Pass_endDate_idx" ON "Pass"("endDate");

-- CreateIndex
CREATE INDEX "ProlongationRequest_prescriberOrganizationId_state_idx" ON "ProlongationRequest"("prescriberOrganizationId", "state");

