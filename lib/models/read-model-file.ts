import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { thresholdsSchema, type Thresholds } from "@/lib/models/thresholds";
import { getStorage } from "@/lib/storage/get-storage";

// A registered version's ONNX bytes for clients that run the model themselves (the viewer's "run in browser").

export type ModelFileInfo = { id: string; name: string; version: string; sha256: string; sizeBytes: number; thresholds: Thresholds };

export async function modelFileInfoOrThrow(id: string): Promise<ModelFileInfo & { storageKey: string }> {
  const v = await db.modelVersion.findUnique({ where: { id } });
  if (!v) throw new AppError("not_found", "No such model version.");
  const thresholds = thresholdsSchema.parse(v.thresholds);
  return { id: v.id, name: v.name, version: v.version, sha256: v.sha256, sizeBytes: v.sizeBytes, thresholds, storageKey: v.storageKey };
}

export async function readModelBytes(info: { storageKey: string }): Promise<Uint8Array> {
  return (await getStorage()).get(info.storageKey);
}
