-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "details" JSONB;

-- AlterTable
ALTER TABLE "Export" ADD COLUMN     "error" TEXT,
ADD COLUMN     "summary" JSONB;

-- AlterTable
ALTER TABLE "Label" ADD COLUMN     "instanceId" TEXT;

-- CreateTable
CREATE TABLE "TrainingRun" (
    "id" TEXT NOT NULL,
    "exportId" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "jobId" TEXT,
    "modelVersionId" TEXT,
    "metrics" JSONB,
    "log" TEXT,
    "error" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "TrainingRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrainingRun_createdAt_idx" ON "TrainingRun"("createdAt");

-- CreateIndex
CREATE INDEX "Export_createdAt_idx" ON "Export"("createdAt");

-- CreateIndex
CREATE INDEX "Label_instanceId_idx" ON "Label"("instanceId");

-- AddForeignKey
ALTER TABLE "Label" ADD CONSTRAINT "Label_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRun" ADD CONSTRAINT "TrainingRun_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "Export"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: a label's image is its AI finding's image, or the study's only image for reader-added boxes.
UPDATE "Label" SET "instanceId" = (
  SELECT p."instanceId" FROM "Finding" f JOIN "Prediction" p ON p."id" = f."predictionId" WHERE f."id" = "Label"."originFindingId"
) WHERE "instanceId" IS NULL AND "originFindingId" IS NOT NULL;
UPDATE "Label" SET "instanceId" = (
  SELECT MIN(i."id") FROM "Review" r JOIN "Series" s ON s."studyId" = r."studyId" JOIN "Instance" i ON i."seriesId" = s."id" WHERE r."id" = "Label"."reviewId"
) WHERE "instanceId" IS NULL AND (
  SELECT COUNT(*) FROM "Review" r JOIN "Series" s ON s."studyId" = r."studyId" JOIN "Instance" i ON i."seriesId" = s."id" WHERE r."id" = "Label"."reviewId"
) = 1;
