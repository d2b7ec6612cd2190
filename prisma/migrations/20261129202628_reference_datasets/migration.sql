-- CreateTable
CREATE TABLE "ReferenceDataset" (
    "name" VARCHAR(100) NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "rows" INTEGER NOT NULL,
    "loadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceDataset_pkey" PRIMARY KEY ("name")
);

