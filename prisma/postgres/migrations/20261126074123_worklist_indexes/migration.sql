-- DropIndex
DROP INDEX "Study_modality_idx";

-- CreateIndex
CREATE INDEX "Study_modality_studyDate_idx" ON "Study"("modality", "studyDate");

-- CreateIndex
CREATE INDEX "Study_status_aiPriority_idx" ON "Study"("status", "aiPriority");

-- CreateIndex
CREATE INDEX "Study_status_studyDate_idx" ON "Study"("status", "studyDate");
