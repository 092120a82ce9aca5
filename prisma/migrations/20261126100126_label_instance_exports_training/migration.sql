-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN "details" JSONB;

-- AlterTable
ALTER TABLE "Export" ADD COLUMN "error" TEXT;
ALTER TABLE "Export" ADD COLUMN "summary" JSONB;

-- CreateTable
CREATE TABLE "TrainingRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exportId" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "jobId" TEXT,
    "modelVersionId" TEXT,
    "metrics" JSONB,
    "log" TEXT,
    "error" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "TrainingRun_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "Export" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Label" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reviewId" TEXT NOT NULL,
    "instanceId" TEXT,
    "originFindingId" TEXT,
    "source" TEXT NOT NULL,
    "className" TEXT NOT NULL,
    "x1" REAL NOT NULL,
    "y1" REAL NOT NULL,
    "x2" REAL NOT NULL,
    "y2" REAL NOT NULL,
    "rejected" BOOLEAN NOT NULL DEFAULT false,
    "rejectReason" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Label_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Label_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Label_originFindingId_fkey" FOREIGN KEY ("originFindingId") REFERENCES "Finding" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Label" ("className", "createdAt", "deleted", "id", "originFindingId", "rejectReason", "rejected", "reviewId", "revision", "source", "updatedAt", "x1", "x2", "y1", "y2") SELECT "className", "createdAt", "deleted", "id", "originFindingId", "rejectReason", "rejected", "reviewId", "revision", "source", "updatedAt", "x1", "x2", "y1", "y2" FROM "Label";
DROP TABLE "Label";
ALTER TABLE "new_Label" RENAME TO "Label";
CREATE INDEX "Label_reviewId_idx" ON "Label"("reviewId");
CREATE INDEX "Label_instanceId_idx" ON "Label"("instanceId");
CREATE INDEX "Label_originFindingId_idx" ON "Label"("originFindingId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TrainingRun_createdAt_idx" ON "TrainingRun"("createdAt");

-- CreateIndex
CREATE INDEX "Export_createdAt_idx" ON "Export"("createdAt");

-- Backfill: a label's image is its AI finding's image, or the study's only image for reader-added boxes.
UPDATE "Label" SET "instanceId" = (
  SELECT p."instanceId" FROM "Finding" f JOIN "Prediction" p ON p."id" = f."predictionId" WHERE f."id" = "Label"."originFindingId"
) WHERE "instanceId" IS NULL AND "originFindingId" IS NOT NULL;
UPDATE "Label" SET "instanceId" = (
  SELECT MIN(i."id") FROM "Review" r JOIN "Series" s ON s."studyId" = r."studyId" JOIN "Instance" i ON i."seriesId" = s."id" WHERE r."id" = "Label"."reviewId"
) WHERE "instanceId" IS NULL AND (
  SELECT COUNT(*) FROM "Review" r JOIN "Series" s ON s."studyId" = r."studyId" JOIN "Instance" i ON i."seriesId" = s."id" WHERE r."id" = "Label"."reviewId"
) = 1;
