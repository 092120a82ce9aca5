-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL DEFAULT 'predict',
    "lastUsedAt" DATETIME,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "details" JSONB,
    "ip" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Study" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studyInstanceUid" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "accessionNumber" TEXT,
    "patientId" TEXT,
    "patientName" TEXT,
    "patientBirthDate" TEXT,
    "patientSex" TEXT,
    "studyDate" DATETIME,
    "description" TEXT,
    "modality" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "aiPriority" REAL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Series" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studyId" TEXT NOT NULL,
    "seriesInstanceUid" TEXT NOT NULL,
    "modality" TEXT NOT NULL,
    "bodyPart" TEXT,
    "viewPosition" TEXT,
    "seriesNumber" INTEGER,
    "description" TEXT,
    CONSTRAINT "Series_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Instance" (
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
    "tags" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Instance_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "classes" JSONB NOT NULL,
    "inputSize" INTEGER NOT NULL,
    "headType" TEXT NOT NULL,
    "thresholds" JSONB NOT NULL,
    "modelCard" JSONB NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'registered',
    "canaryShare" REAL NOT NULL DEFAULT 0,
    "shadow" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stagedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ModelStageChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "modelVersionId" TEXT NOT NULL,
    "fromStage" TEXT NOT NULL,
    "toStage" TEXT NOT NULL,
    "reason" TEXT,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ModelStageChange_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "modelVersionId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "datasetDescription" TEXT NOT NULL,
    "imageCount" INTEGER NOT NULL DEFAULT 0,
    "map50" REAL,
    "map40" REAL,
    "perClassAp" JSONB,
    "fpPerImage" REAL,
    "latencyP50Ms" REAL,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "Evaluation_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Prediction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instanceId" TEXT NOT NULL,
    "modelVersionId" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "predictionId" TEXT NOT NULL,
    "classIndex" INTEGER NOT NULL,
    "className" TEXT NOT NULL,
    "modelClass" TEXT NOT NULL,
    "confidence" REAL NOT NULL,
    "x1" REAL NOT NULL,
    "y1" REAL NOT NULL,
    "x2" REAL NOT NULL,
    "y2" REAL NOT NULL,
    CONSTRAINT "Finding_predictionId_fkey" FOREIGN KEY ("predictionId") REFERENCES "Prediction" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Review" (
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
    CONSTRAINT "Review_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Label" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reviewId" TEXT NOT NULL,
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
    CONSTRAINT "Label_originFindingId_fkey" FOREIGN KEY ("originFindingId") REFERENCES "Finding" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LabelRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "labelId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "change" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "className" TEXT NOT NULL,
    "x1" REAL NOT NULL,
    "y1" REAL NOT NULL,
    "x2" REAL NOT NULL,
    "y2" REAL NOT NULL,
    "rejected" BOOLEAN NOT NULL,
    "rejectReason" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LabelRevision_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "Label" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LabelRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studyId" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    CONSTRAINT "Assignment_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "progress" REAL NOT NULL DEFAULT 0,
    "message" TEXT,
    "result" JSONB,
    "error" TEXT,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" DATETIME,
    "lockedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Export" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "format" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "split" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "storageKey" TEXT,
    "sizeBytes" INTEGER,
    "imageCount" INTEGER NOT NULL DEFAULT 0,
    "boxCount" INTEGER NOT NULL DEFAULT 0,
    "jobId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "DriftSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "modelVersionId" TEXT,
    "windowStart" DATETIME NOT NULL,
    "windowEnd" DATETIME NOT NULL,
    "reference" TEXT NOT NULL,
    "feature" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "threshold" REAL NOT NULL,
    "alert" BOOLEAN NOT NULL,
    "details" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_idx" ON "AuditEvent"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Study_studyInstanceUid_key" ON "Study"("studyInstanceUid");

-- CreateIndex
CREATE UNIQUE INDEX "Study_pseudonym_key" ON "Study"("pseudonym");

-- CreateIndex
CREATE INDEX "Study_status_receivedAt_idx" ON "Study"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "Study_receivedAt_idx" ON "Study"("receivedAt");

-- CreateIndex
CREATE INDEX "Study_studyDate_idx" ON "Study"("studyDate");

-- CreateIndex
CREATE INDEX "Study_aiPriority_idx" ON "Study"("aiPriority");

-- CreateIndex
CREATE INDEX "Study_accessionNumber_idx" ON "Study"("accessionNumber");

-- CreateIndex
CREATE INDEX "Study_patientId_idx" ON "Study"("patientId");

-- CreateIndex
CREATE INDEX "Study_modality_idx" ON "Study"("modality");

-- CreateIndex
CREATE UNIQUE INDEX "Series_seriesInstanceUid_key" ON "Series"("seriesInstanceUid");

-- CreateIndex
CREATE INDEX "Series_studyId_idx" ON "Series"("studyId");

-- CreateIndex
CREATE UNIQUE INDEX "Instance_sopInstanceUid_key" ON "Instance"("sopInstanceUid");

-- CreateIndex
CREATE UNIQUE INDEX "Instance_storageKey_key" ON "Instance"("storageKey");

-- CreateIndex
CREATE INDEX "Instance_seriesId_idx" ON "Instance"("seriesId");

-- CreateIndex
CREATE INDEX "Instance_sha256_idx" ON "Instance"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_sha256_key" ON "ModelVersion"("sha256");

-- CreateIndex
CREATE INDEX "ModelVersion_stage_idx" ON "ModelVersion"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_name_version_key" ON "ModelVersion"("name", "version");

-- CreateIndex
CREATE INDEX "ModelStageChange_modelVersionId_createdAt_idx" ON "ModelStageChange"("modelVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "Evaluation_modelVersionId_createdAt_idx" ON "Evaluation"("modelVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "Prediction_instanceId_idx" ON "Prediction"("instanceId");

-- CreateIndex
CREATE INDEX "Prediction_modelVersionId_createdAt_idx" ON "Prediction"("modelVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "Finding_predictionId_idx" ON "Finding"("predictionId");

-- CreateIndex
CREATE INDEX "Review_status_signedOffAt_idx" ON "Review"("status", "signedOffAt");

-- CreateIndex
CREATE UNIQUE INDEX "Review_studyId_readerId_purpose_key" ON "Review"("studyId", "readerId", "purpose");

-- CreateIndex
CREATE INDEX "Label_reviewId_idx" ON "Label"("reviewId");

-- CreateIndex
CREATE INDEX "Label_originFindingId_idx" ON "Label"("originFindingId");

-- CreateIndex
CREATE UNIQUE INDEX "LabelRevision_labelId_revision_key" ON "LabelRevision"("labelId", "revision");

-- CreateIndex
CREATE INDEX "Assignment_assigneeId_status_idx" ON "Assignment"("assigneeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_studyId_assigneeId_kind_key" ON "Assignment"("studyId", "assigneeId", "kind");

-- CreateIndex
CREATE INDEX "Job_state_runAfter_priority_idx" ON "Job"("state", "runAfter", "priority");

-- CreateIndex
CREATE INDEX "Job_type_createdAt_idx" ON "Job"("type", "createdAt");

-- CreateIndex
CREATE INDEX "DriftSnapshot_feature_createdAt_idx" ON "DriftSnapshot"("feature", "createdAt");

-- CreateIndex
CREATE INDEX "DriftSnapshot_alert_createdAt_idx" ON "DriftSnapshot"("alert", "createdAt");
