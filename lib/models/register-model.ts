import { createHash } from "node:crypto";
import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { loadModel, releaseModels } from "@/lib/inference/onnx-session";
import { getStorage } from "@/lib/storage/get-storage";
import type { ModelVersion } from "@/generated/prisma/client";
import { modelCardSchema } from "@/lib/schemas/model";
import type { Thresholds } from "@/lib/models/thresholds";

export type ModelCard = z.infer<typeof modelCardSchema>;

export type { Thresholds } from "@/lib/models/thresholds";

// Validates that the ONNX loads as a supported YOLO detector, then stores it by sha256 with its card.
export async function registerModel(actor: Actor, bytes: Uint8Array, rawCard: unknown): Promise<ModelVersion> {
  const card = modelCardSchema.parse(rawCard);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const existing = await db.modelVersion.findUnique({ where: { sha256 } });
  if (existing) throw new AppError("conflict", `This model file is already registered as ${existing.name} ${existing.version}.`);
  const key = `validate-${sha256}`;
  const model = await loadModel(bytes, { key }); // throws AppError("unprocessable") with the reason
  const meta = model.metadata;
  await releaseModels(key);
  const storageKey = `models/${sha256}.onnx`;
  const storage = await getStorage();
  await storage.put(storageKey, bytes, "application/octet-stream");
  const thresholds: Thresholds = { confidence: card.thresholds?.confidence ?? 0.25, iou: card.thresholds?.iou ?? 0.45, perClass: {} };
  try {
    return await db.$transaction(async (tx) => {
      const v = await tx.modelVersion.create({
        data: {
          name: card.name,
          version: card.version,
          sha256,
          storageKey,
          sizeBytes: bytes.length,
          classes: meta.names,
          inputSize: meta.inputWidth,
          headType: meta.head,
          thresholds,
          modelCard: card as never,
          createdById: actor.id,
        },
      });
      await recordAudit(tx, { actor, action: "model.registered", targetType: "model_version", targetId: v.id, details: { name: v.name, version: v.version, sha256 } });
      return v;
    });
  } catch (e) {
    await storage.delete(storageKey);
    if ((e as { code?: string }).code === "P2002") throw new AppError("conflict", `${card.name} ${card.version} is already registered.`);
    throw e;
  }
}
