-- CreateTable
CREATE TABLE "PacsPull" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "studyInstanceUid" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "requestedById" TEXT,
    "jobId" TEXT,
    "remoteInstances" INTEGER,
    "studyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PacsPull_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PacsPull_createdAt_idx" ON "PacsPull"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PacsPull_connectionId_studyInstanceUid_key" ON "PacsPull"("connectionId", "studyInstanceUid");

-- AddForeignKey
ALTER TABLE "PacsPull" ADD CONSTRAINT "PacsPull_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "PacsConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
