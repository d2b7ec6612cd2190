-- AlterEnum
ALTER TYPE "AccreditationState" ADD VALUE 'EXPIRED';

-- AlterTable
ALTER TABLE "AccreditationRequest" ADD COLUMN     "endDate" CHAR(10);

