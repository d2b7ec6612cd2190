-- CreateTable
CREATE TABLE "ParcoursImport" (
    "id" UUID NOT NULL,
    "createdByUserId" UUID,
    "fileName" TEXT NOT NULL,
    "checksum" CHAR(64) NOT NULL,
    "content" TEXT NOT NULL,
    "state" "EmployerImportState" NOT NULL DEFAULT 'PENDING',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "startedCount" INTEGER NOT NULL DEFAULT 0,
    "alreadyCount" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL DEFAULT '[]',
    "concurrency" INTEGER NOT NULL DEFAULT 32,
    "ratePerSecond" INTEGER,
    "checkedOn" CHAR(10) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ParcoursImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ParcoursImport_checksum_idx" ON "ParcoursImport"("checksum");

