-- CreateTable
CREATE TABLE "PacsConnection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "dicomwebUrl" TEXT,
    "authType" TEXT NOT NULL DEFAULT 'none',
    "username" TEXT,
    "secret" TEXT,
    "aeTitle" TEXT,
    "host" TEXT,
    "port" INTEGER,
    "modalities" TEXT NOT NULL DEFAULT 'CR,DX',
    "autoPull" BOOLEAN NOT NULL DEFAULT false,
    "pullWatermark" DATETIME,
    "pushResults" BOOLEAN NOT NULL DEFAULT false,
    "pushProtocol" TEXT NOT NULL DEFAULT 'stow',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastTestAt" DATETIME,
    "lastTestOk" BOOLEAN,
    "lastTestError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "PacsConnection_name_key" ON "PacsConnection"("name");
