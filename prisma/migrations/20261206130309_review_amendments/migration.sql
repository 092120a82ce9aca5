-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studyId" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'primary',
    "status" TEXT NOT NULL DEFAULT 'in_progress',
    "version" INTEGER NOT NULL DEFAULT 1,
    "impression" TEXT,
    "comment" TEXT,
    "modelVersionId" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "signedOffAt" DATETIME,
    "round" INTEGER NOT NULL DEFAULT 0,
    "amendsId" TEXT,
    CONSTRAINT "Review_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Review" ("comment", "id", "impression", "modelVersionId", "purpose", "readerId", "role", "signedOffAt", "startedAt", "status", "studyId", "updatedAt", "version") SELECT "comment", "id", "impression", "modelVersionId", "purpose", "readerId", "role", "signedOffAt", "startedAt", "status", "studyId", "updatedAt", "version" FROM "Review";
DROP TABLE "Review";
ALTER TABLE "new_Review" RENAME TO "Review";
CREATE INDEX "Review_status_signedOffAt_idx" ON "Review"("status", "signedOffAt");
CREATE UNIQUE INDEX "Review_studyId_readerId_purpose_round_key" ON "Review"("studyId", "readerId", "purpose", "round");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
