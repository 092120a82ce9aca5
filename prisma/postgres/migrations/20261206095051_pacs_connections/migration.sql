-- CreateTable
CREATE TABLE "PacsConnection" (
    "id" TEXT NOT NULL,
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
    "pullWatermark" TIMESTAMP(3),
    "pushResults" BOOLEAN NOT NULL DEFAULT false,
    "pushProtocol" TEXT NOT NULL DEFAULT 'stow',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastTestAt" TIMESTAMP(3),
    "lastTestOk" BOOLEAN,
    "lastTestError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PacsConnection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PacsConnection_name_key" ON "PacsConnection"("name");
