import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { JobContext } from "@/lib/jobs/job-registry";
import { registerAndEvaluate } from "@/lib/models/register-and-evaluate";
import { getStorage } from "@/lib/storage/get-storage";
import { extractZip } from "@/lib/training/extract-zip";
import { lineTail, type WorkerEvent } from "@/lib/training/progress-lines";
import { runCxrTrain } from "@/lib/training/run-cxr-train";
import { trainingWorkerStatus } from "@/lib/training/worker-install";

// Calibration fills 5–60 %, the float and INT8 evaluations 60–95 % (two passes over the val split).
function progressOfOptimizeEvent(e: WorkerEvent): { fraction: number; message: string } | null {
  const share = (e.done ?? 0) / Math.max(e.total ?? 1, 1);
  if (e.stage === "start") return { fraction: 0.04, message: e.message ?? "quantizing" };
  if (e.stage === "calibrate") return { fraction: 0.05 + 0.55 * share, message: `calibrating ${e.done}/${e.total}` };
  if (e.stage === "evaluate" && e.total) return { fraction: 0.6 + 0.35 * share, message: `comparing float and INT8: ${e.done}/${e.total}` };
  if (e.stage === "done") return { fraction: 0.97, message: "quantized; registering the INT8 version" };
  return null;
}

export type OptimizeInput = { versionId: string; exportId: string; requestedById: string | null };

// The export a version was trained on, as its model card records it (training runs since the card carries it).
export function exportIdOfCard(card: unknown): string | null {
  const id = (card as { data?: { export?: { id?: unknown } } } | null)?.data?.export?.id;
  return typeof id === "string" && id ? id : null;
}

// A finished YOLO export to calibrate on; the reason otherwise.
export async function usableExportOrThrow(exportId: string) {
  const exp = await db.export.findUnique({ where: { id: exportId } });
  if (!exp) throw new AppError("unprocessable", `Unknown export '${exportId}'.`);
  if (exp.status !== "succeeded" || !exp.storageKey) throw new AppError("unprocessable", `Export ${exp.id} is ${exp.status}; calibrate on a finished export.`);
  if (exp.format === "coco") throw new AppError("unprocessable", `Export ${exp.id} is COCO only; calibration reads YOLO exports (format yolo or both).`);
  return exp;
}

// Version ONNX + card and the export's images → `cxr-train optimize` (static INT8, QDQ, calibrated on the export's
// training images, float and INT8 compared on its val split) → the INT8 ONNX registered as a sibling version
// ("<version>-int8", same name) with its registry evaluation queued.
export async function optimizeVersion(input: OptimizeInput, ctx: Pick<JobContext, "progress">): Promise<{ modelVersionId: string; comparison: unknown }> {
  const worker = trainingWorkerStatus();
  if (!worker.installed) throw new AppError("unavailable", worker.reason!);
  const version = await db.modelVersion.findUnique({ where: { id: input.versionId } });
  if (!version) throw new AppError("not_found", "No such model version.");
  const exp = await usableExportOrThrow(input.exportId);
  const storage = await getStorage();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-optimize-"));
  const tail = lineTail(40);
  try {
    const modelDir = path.join(work, "model");
    const dataDir = path.join(work, "data");
    const outDir = path.join(work, "out");
    fs.mkdirSync(modelDir);
    fs.writeFileSync(path.join(modelDir, "model.onnx"), await storage.get(version.storageKey));
    fs.writeFileSync(path.join(modelDir, "model-card.json"), JSON.stringify(version.modelCard));
    await ctx.progress(0.02, "unpacking the export");
    extractZip(await storage.get(exp.storageKey!), dataDir);
    let comparison: unknown = null;
    const result = await runCxrTrain(worker.command, ["--progress-json", "optimize", modelDir, dataDir, "--out", outDir], {
      onLog: (line) => tail.push(line),
      onEvent: async (e) => {
        tail.push(JSON.stringify(e));
        if (e.stage === "done") comparison = (e as { comparison?: unknown }).comparison ?? null;
        const p = progressOfOptimizeEvent(e);
        if (p) await ctx.progress(p.fraction, p.message);
      },
    });
    if (result.code !== 0) throw new Error(`cxr-train optimize exited with code ${result.code}${result.error ? `: ${result.error}` : ""}\n${tail.text().split("\n").slice(-8).join("\n")}`);
    const card = JSON.parse(fs.readFileSync(path.join(outDir, "model-card.json"), "utf8")) as Record<string, unknown>;
    const user = input.requestedById ? await db.user.findUnique({ where: { id: input.requestedById }, select: { id: true, email: true } }) : null;
    const { version: int8 } = await registerAndEvaluate({ id: user?.id ?? null, email: user?.email ?? null }, new Uint8Array(fs.readFileSync(path.join(outDir, "model.onnx"))), card);
    await ctx.progress(1, `registered ${int8.name} ${int8.version}`);
    return { modelVersionId: int8.id, comparison };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
