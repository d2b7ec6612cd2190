-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "selfPrescriptionRevokedFrom" CHAR(10);

-- CreateTable
CREATE TABLE "SelfPrescriptionRightChange" (
    "id" UUID NOT NULL,
    "employerId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "on" CHAR(10) NOT NULL,
    "status" "SelfPrescriptionStatus" NOT NULL,
    "revokedFrom" CHAR(10),
    "revokedUntil" CHAR(10),
    "reason" TEXT,
    "actorUserId" UUID,
    "actorOrganizationId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelfPrescriptionRightChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SelfPrescriptionRightChange_employerId_version_key" ON "SelfPrescriptionRightChange"("employerId", "version");

-- AddForeignKey
ALTER TABLE "SelfPrescriptionRightChange" ADD CONSTRAINT "SelfPrescriptionRightChange_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

