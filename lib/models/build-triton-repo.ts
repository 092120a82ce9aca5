import { createHash } from "node:crypto";
import type { ModelVersion } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { kserveModelName } from "@/lib/inference/kserve-model-name";
import { readOnnxIo } from "@/lib/inference/onnx-io";
import type { TritonConfigOptions, TritonModelConfig } from "@/lib/inference/triton-config";
import { tritonRepoFiles, type TritonRepoFile, type TritonRepoModel } from "@/lib/inference/triton-repo";
import type { MODEL_STAGES } from "@/lib/schemas/model";
import type { TritonRepoOptions } from "@/lib/schemas/triton-repo";
import { getStorage } from "@/lib/storage/get-storage";

// The registry's versions as a Triton model repository: bytes from storage (checked against the registry's
// sha256, so Triton never serves a file other than the one evaluated and promoted), inputs/outputs from the ONNX.

export type TritonRepoSelection = { versionIds?: string[]; stage?: (typeof MODEL_STAGES)[number] };
export type TritonRepoVersion = Pick<ModelVersion, "id" | "name" | "version" | "sha256" | "stage">;
export type BuiltTritonRepo = { files: TritonRepoFile[]; configs: TritonModelConfig[]; versions: (TritonRepoVersion & { tritonName: string })[] };

// Without a selection: every version the app may route to (production, canary, staging, shadows).
async function selectVersions(sel: TritonRepoSelection): Promise<ModelVersion[]> {
  if (sel.versionIds?.length) {
    const rows = await db.modelVersion.findMany({ where: { id: { in: sel.versionIds } }, orderBy: { createdAt: "asc" } });
    const missing = sel.versionIds.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw new AppError("not_found", `No such model version: ${missing.join(", ")}`);
    return rows;
  }
  const where = sel.stage
    ? { stage: sel.stage }
    : { OR: [{ stage: { in: ["production", "canary", "staging"] } }, { shadow: true, stage: { not: "archived" } }] };
  const rows = await db.modelVersion.findMany({ where, orderBy: { createdAt: "asc" } });
  if (rows.length === 0) throw new AppError("not_found", sel.stage ? `No model version is in stage '${sel.stage}'` : "No model version is staged, canary, production or shadow");
  return rows;
}

async function verifiedBytes(v: ModelVersion): Promise<Uint8Array> {
  const bytes = await (await getStorage()).get(v.storageKey);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== v.sha256) {
    throw new AppError("unprocessable", `Stored file of ${v.name} ${v.version} does not match the registry (sha256 ${sha256.slice(0, 12)}… ≠ ${v.sha256.slice(0, 12)}…)`);
  }
  return bytes;
}

export function tritonConfigOptions(o: TritonRepoOptions): TritonConfigOptions {
  return {
    kind: o.kind,
    instances: o.instances,
    maxBatchSize: o.maxBatch ?? env.INFERENCE_MAX_BATCH, // the app sends batches up to this size
    ...(o.preferredBatch ? { preferredBatchSizes: o.preferredBatch } : {}),
    maxQueueDelayMicroseconds: o.maxQueueDelayUs,
    ...(o.tensorrt ? { tensorrt: { precision: o.tensorrtPrecision, maxWorkspaceBytes: o.tensorrtWorkspaceMb * 1024 * 1024 } } : {}),
  };
}

export async function buildTritonRepo(sel: TritonRepoSelection, o: TritonRepoOptions): Promise<BuiltTritonRepo> {
  const rows = await selectVersions(sel);
  const template = o.nameTemplate ?? env.INFERENCE_KSERVE_MODEL;
  const models: TritonRepoModel[] = [];
  for (const v of rows) {
    const onnx = await verifiedBytes(v);
    const io = await readOnnxIo(onnx);
    models.push({ name: kserveModelName(template, v), onnx, ...io, label: `${v.name} ${v.version}` });
  }
  const { files, configs } = tritonRepoFiles(models, tritonConfigOptions(o));
  const versions = rows.map((v, i) => ({ id: v.id, name: v.name, version: v.version, sha256: v.sha256, stage: v.stage, tritonName: models[i]!.name }));
  return { files, configs, versions };
}
