-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Instance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seriesId" TEXT NOT NULL,
    "sopInstanceUid" TEXT NOT NULL,
    "sopClassUid" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "transferSyntaxUid" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "columns" INTEGER NOT NULL,
    "bitsAllocated" INTEGER NOT NULL,
    "bitsStored" INTEGER NOT NULL,
    "photometric" TEXT NOT NULL,
    "pixelSpacingRow" REAL,
    "pixelSpacingCol" REAL,
    "manufacturer" TEXT,
    "windowCenter" REAL,
    "windowWidth" REAL,
    "frames" INTEGER NOT NULL DEFAULT 1,
    "tags" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Instance_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Instance" ("bitsAllocated", "bitsStored", "columns", "createdAt", "id", "manufacturer", "photometric", "pixelSpacingCol", "pixelSpacingRow", "rows", "seriesId", "sha256", "sizeBytes", "sopClassUid", "sopInstanceUid", "source", "storageKey", "tags", "transferSyntaxUid", "windowCenter", "windowWidth") SELECT "bitsAllocated", "bitsStored", "columns", "createdAt", "id", "manufacturer", "photometric", "pixelSpacingCol", "pixelSpacingRow", "rows", "seriesId", "sha256", "sizeBytes", "sopClassUid", "sopInstanceUid", "source", "storageKey", "tags", "transferSyntaxUid", "windowCenter", "windowWidth" FROM "Instance";
DROP TABLE "Instance";
ALTER TABLE "new_Instance" RENAME TO "Instance";
CREATE UNIQUE INDEX "Instance_sopInstanceUid_key" ON "Instance"("sopInstanceUid");
CREATE UNIQUE INDEX "Instance_storageKey_key" ON "Instance"("storageKey");
CREATE INDEX "Instance_seriesId_idx" ON "Instance"("seriesId");
CREATE INDEX "Instance_sha256_idx" ON "Instance"("sha256");
CREATE TABLE "new_Label" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reviewId" TEXT NOT NULL,
    "instanceId" TEXT,
    "frame" INTEGER NOT NULL DEFAULT 1,
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
INSERT INTO "new_Label" ("className", "createdAt", "deleted", "id", "instanceId", "originFindingId", "rejectReason", "rejected", "reviewId", "revision", "source", "updatedAt", "x1", "x2", "y1", "y2") SELECT "className", "createdAt", "deleted", "id", "instanceId", "originFindingId", "rejectReason", "rejected", "reviewId", "revision", "source", "updatedAt", "x1", "x2", "y1", "y2" FROM "Label";
DROP TABLE "Label";
ALTER TABLE "new_Label" RENAME TO "Label";
CREATE INDEX "Label_reviewId_idx" ON "Label"("reviewId");
CREATE INDEX "Label_instanceId_idx" ON "Label"("instanceId");
CREATE INDEX "Label_originFindingId_idx" ON "Label"("originFindingId");
CREATE TABLE "new_Prediction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instanceId" TEXT NOT NULL,
    "modelVersionId" TEXT NOT NULL,
    "frame" INTEGER NOT NULL DEFAULT 1,
    "routing" TEXT NOT NULL,
    "visible" BOOLEAN NOT NULL DEFAULT true,
    "thresholds" JSONB NOT NULL,
    "preprocessMs" REAL NOT NULL,
    "inferenceMs" REAL NOT NULL,
    "postprocessMs" REAL NOT NULL,
    "features" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Prediction_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Prediction_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Prediction" ("createdAt", "features", "id", "inferenceMs", "instanceId", "modelVersionId", "postprocessMs", "preprocessMs", "routing", "thresholds", "visible") SELECT "createdAt", "features", "id", "inferenceMs", "instanceId", "modelVersionId", "postprocessMs", "preprocessMs", "routing", "thresholds", "visible" FROM "Prediction";
DROP TABLE "Prediction";
ALTER TABLE "new_Prediction" RENAME TO "Prediction";
CREATE INDEX "Prediction_instanceId_frame_idx" ON "Prediction"("instanceId", "frame");
CREATE INDEX "Prediction_modelVersionId_createdAt_idx" ON "Prediction"("modelVersionId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
