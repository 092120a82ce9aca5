-- CreateTable
CREATE TABLE "PacsPull" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "studyInstanceUid" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "requestedById" TEXT,
    "jobId" TEXT,
    "remoteInstances" INTEGER,
    "studyId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PacsPull_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "PacsConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PacsPull_createdAt_idx" ON "PacsPull"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PacsPull_connectionId_studyInstanceUid_key" ON "PacsPull"("connectionId", "studyInstanceUid");
