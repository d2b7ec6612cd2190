-- AlterTable
ALTER TABLE "PassNumberAllocation" ADD COLUMN     "personId" UUID;

