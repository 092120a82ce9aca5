-- DropIndex
DROP INDEX "Prediction_instanceId_idx";

-- AlterTable
ALTER TABLE "Instance" ADD COLUMN     "frames" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Label" ADD COLUMN     "frame" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Prediction" ADD COLUMN     "frame" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "Prediction_instanceId_frame_idx" ON "Prediction"("instanceId", "frame");
