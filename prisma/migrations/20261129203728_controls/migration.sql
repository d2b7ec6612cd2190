-- CreateEnum
CREATE TYPE "ControlCampaignState" AS ENUM ('OPEN', 'SELECTING', 'RUNNING', 'CLOSED');

-- CreateEnum
CREATE TYPE "ControlKind" AS ENUM ('CAMPAIGN', 'SPOT_CHECK');

-- CreateTable
CREATE TABLE "ControlCampaign" (
    "id" UUID NOT NULL,
    "departement" VARCHAR(3) NOT NULL,
    "periodStart" CHAR(10) NOT NULL,
    "periodEnd" CHAR(10) NOT NULL,
    "openedOn" CHAR(10) NOT NULL,
    "state" "ControlCampaignState" NOT NULL,
    "ratio" INTEGER,
    "ratioChosen" BOOLEAN,
    "drawAlgorithm" TEXT,
    "drawVersion" INTEGER,
    "drawSeed" BIGINT,
    "selectedIds" UUID[],
    "eligibleCount" INTEGER,
    "closedOn" CHAR(10),
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ControlCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiaeControl" (
    "id" UUID NOT NULL,
    "kind" "ControlKind" NOT NULL,
    "campaignId" UUID,
    "employerId" UUID NOT NULL,
    "departement" VARCHAR(3) NOT NULL,
    "stage" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "phaseStartedOn" CHAR(10) NOT NULL,
    "phaseDeadline" CHAR(10) NOT NULL,
    "state" TEXT NOT NULL,
    "decision" TEXT,
    "refusalReason" TEXT,
    "decidedOn" CHAR(10),
    "sanctions" JSONB,
    "sampleSeed" BIGINT,
    "sampleVersion" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SiaeControl_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlledHire" (
    "id" UUID NOT NULL,
    "controlId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "passNumber" CHAR(12),
    "chosenCriteria" TEXT[],
    "state" TEXT NOT NULL,

    CONSTRAINT "ControlledHire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlCriterion" (
    "id" UUID NOT NULL,
    "hireId" UUID NOT NULL,
    "criterion" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "ddetsComment" TEXT,
    "proofId" UUID,

    CONSTRAINT "ControlCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlProof" (
    "id" UUID NOT NULL,
    "controlId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "criterion" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedByUserId" UUID NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ControlProof_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ControlCampaign_departement_periodStart_periodEnd_key" ON "ControlCampaign"("departement", "periodStart", "periodEnd");

-- CreateIndex
CREATE INDEX "SiaeControl_departement_stage_idx" ON "SiaeControl"("departement", "stage");

-- CreateIndex
CREATE INDEX "SiaeControl_employerId_idx" ON "SiaeControl"("employerId");

-- CreateIndex
CREATE UNIQUE INDEX "SiaeControl_campaignId_employerId_key" ON "SiaeControl"("campaignId", "employerId");

-- CreateIndex
CREATE UNIQUE INDEX "ControlledHire_controlId_applicationId_key" ON "ControlledHire"("controlId", "applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ControlCriterion_hireId_criterion_key" ON "ControlCriterion"("hireId", "criterion");

-- CreateIndex
CREATE INDEX "ControlProof_controlId_applicationId_criterion_idx" ON "ControlProof"("controlId", "applicationId", "criterion");

-- AddForeignKey
ALTER TABLE "SiaeControl" ADD CONSTRAINT "SiaeControl_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "ControlCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlledHire" ADD CONSTRAINT "ControlledHire_controlId_fkey" FOREIGN KEY ("controlId") REFERENCES "SiaeControl"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlCriterion" ADD CONSTRAINT "ControlCriterion_hireId_fkey" FOREIGN KEY ("hireId") REFERENCES "ControlledHire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

