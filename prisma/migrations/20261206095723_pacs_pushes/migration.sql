-- CreateTable
CREATE TABLE "PacsPush" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studyId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "trigger" TEXT NOT NULL,
    "requestedById" TEXT,
    "jobId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "remoteStatus" TEXT,
    "objects" JSONB,
    "lastTriedAt" DATETIME,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PacsPush_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PacsPush_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "PacsConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PacsPush_connectionId_idx" ON "PacsPush"("connectionId");

-- CreateIndex
CREATE UNIQUE INDEX "PacsPush_studyId_connectionId_key" ON "PacsPush"("studyId", "connectionId");
