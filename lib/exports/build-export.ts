import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { collectExportItems } from "@/lib/exports/collect-export-items";
import { planDataset } from "@/lib/exports/dataset-plan";
import { writeDatasetZip } from "@/lib/exports/write-dataset-zip";
import { exportFiltersSchema, exportFormatSchema } from "@/lib/schemas/export";
import { getStorage } from "@/lib/storage/get-storage";

export type Progress = (fraction: number, message?: string) => Promise<void>;

export const exportStorageKey = (id: string) => `exports/${id}.zip`;

// Collect → plan (split, pseudonyms) → render and zip → store → record counts. Progress: 5 % collecting, 90 % images.
export async function buildExport(
  exportId: string,
  progress: Progress,
): Promise<{ imageCount: number; boxCount: number; sizeBytes: number }> {
  const exp = await db.export.findUnique({ where: { id: exportId } });
  if (!exp) throw new AppError("not_found", `Export ${exportId} not found.`);
  await db.export.update({ where: { id: exportId }, data: { status: "running", error: null } });
  const filters = exportFiltersSchema.parse(exp.filters);
  const format = exportFormatSchema.parse(exp.format);
  const split = exp.split as { valFraction: number; seed: number };
  await progress(0.01, "collecting labels");
  const { items, reviews, unplacedBoxes, heldOut } = await collectExportItems(filters);
  if (items.length === 0)
    throw new AppError(
      "unprocessable",
      heldOut.excludedStudies > 0
        ? `All ${heldOut.excludedStudies} matching studies belong to held-out evaluation patients; include them explicitly (includeHeldOut) to export them.`
        : "No reviewed images match these filters.",
    );
  const plan = planDataset(items, { ...split, reviews });
  plan.summary.heldOut = heldOut;
  await progress(0.05, `rendering ${items.length} images`);
  const storage = await getStorage();
  const step = Math.max(1, Math.floor(items.length / 50)); // about 50 progress writes, whatever the size
  const bytes = await writeDatasetZip(plan, {
    format,
    ...split,
    source: `CXR Review export ${exportId}`,
    readFile: (key) => storage.get(key),
    onImage: async (done, total) => {
      if (done % step === 0 || done === total) await progress(0.05 + 0.9 * (done / total), `${done}/${total} images`);
    },
  });
  const key = exportStorageKey(exportId);
  await storage.put(key, bytes, "application/zip");
  const boxCount = plan.summary.splits.train.boxes + plan.summary.splits.val.boxes;
  await db.export.update({
    where: { id: exportId },
    data: {
      status: "succeeded",
      storageKey: key,
      sizeBytes: bytes.length,
      imageCount: plan.images.length,
      boxCount,
      summary: { ...plan.summary, droppedBoxes: plan.droppedBoxes, unplacedBoxes, mapping: plan.mapping } as never,
      finishedAt: new Date(),
    },
  });
  await progress(1, `${plan.images.length} images, ${boxCount} boxes`);
  return { imageCount: plan.images.length, boxCount, sizeBytes: bytes.length };
}

export async function markExportFailed(exportId: string, error: string): Promise<void> {
  await db.export.updateMany({ where: { id: exportId }, data: { status: "failed", error: error.slice(0, 1000), finishedAt: new Date() } });
}
