-- DropIndex
DROP INDEX "Review_studyId_readerId_purpose_key";

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "amendsId" TEXT,
ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Review_studyId_readerId_purpose_round_key" ON "Review"("studyId", "readerId", "purpose", "round");

