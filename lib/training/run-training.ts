import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { JobContext } from "@/lib/jobs/job-registry";
import { registerAndEvaluate } from "@/lib/models/register-and-evaluate";
import type { TrainingMetrics, TrainingParams } from "@/lib/schemas/training";
import { getStorage } from "@/lib/storage/get-storage";
import { extractZip } from "@/lib/training/extract-zip";
import { lineTail, progressOfEvent } from "@/lib/training/progress-lines";
import { runCxrTrain } from "@/lib/training/run-cxr-train";
import { trainingWorkerStatus } from "@/lib/training/worker-install";

export const RETRAINED_MODEL_NAME = "cxr-retrained";
const HEARTBEAT_MS = 60_000; // renews the job lease during long epochs

type Card = { evaluation?: { map50?: number | null; map40?: number | null; per_class?: TrainingMetrics["perClass"] } | null; training?: { epochs?: number; duration_s?: number } };

export function metricsOfCard(card: Card): TrainingMetrics {
  const ev = card.evaluation ?? {};
  return { map50: ev.map50 ?? null, map40: ev.map40 ?? null, perClass: ev.per_class ?? {}, epochs: card.training?.epochs ?? null, durationS: card.training?.duration_s ?? null };
}

export function trainArgs(dataDir: string, outDir: string, p: TrainingParams, version: string, description: string, exportId: string): string[] {
  // Runs stored before the small-data settings existed have none: the worker then sets them from the dataset size.
  const set = (key: string, v: number | undefined) => (v === undefined ? [] : ["--set", `${key}=${v}`]);
  return ["--progress-json", "train", dataDir, "--out", outDir, "--size", p.modelSize, "--epochs", String(p.epochs), "--imgsz", String(p.imageSize), "--batch", String(p.batch), "--device", env.TRAINING_DEVICE, "--workers", String(env.TRAINING_DATALOADER_WORKERS), "--name", RETRAINED_MODEL_NAME, "--version", version, "--data-description", description, "--export-id", exportId, ...set("nbs", p.nbs), ...set("warmup_epochs", p.warmupEpochs), ...set("mosaic", p.mosaic)];
}

// Export zip → temp folder → `cxr-train train` (progress from its JSON lines) → ONNX + model card registered in the
// registry (stage "registered", its evaluation queued). A failure leaves the run failed with the reason and the log tail.
export async function runTraining(runId: string, ctx: Pick<JobContext, "progress">): Promise<{ modelVersionId: string }> {
  const run = await db.trainingRun.findUnique({ where: { id: runId }, include: { export: true } });
  if (!run) throw new AppError("not_found", `Training run ${runId} not found.`);
  const tail = lineTail(80);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-train-run-"));
  try {
    const worker = trainingWorkerStatus();
    if (!worker.installed) throw new AppError("unavailable", worker.reason!);
    if (run.export.status !== "succeeded" || !run.export.storageKey) throw new AppError("unprocessable", `Export ${run.exportId} is ${run.export.status}.`);
    await db.trainingRun.update({ where: { id: runId }, data: { status: "running", startedAt: new Date(), error: null } });
    await ctx.progress(0.01, "unpacking the export");
    const dataDir = path.join(work, "data");
    const outDir = path.join(work, "out");
    extractZip(await (await getStorage()).get(run.export.storageKey), dataDir);
    if (!fs.existsSync(path.join(dataDir, "data.yaml"))) throw new AppError("unprocessable", `Export ${run.exportId} holds no YOLO dataset (data.yaml).`);
    const params = run.params as TrainingParams;
    const version = `${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "")}-${runId.slice(-6)}`;
    const description = `CXR Review export ${run.exportId}: ${run.export.imageCount} images, ${run.export.boxCount} boxes of reviewed labels (patient-level split)`;
    let last = { fraction: 0.01, message: "starting cxr-train" };
    const heartbeat = setInterval(() => void ctx.progress(last.fraction, last.message).catch(() => undefined), HEARTBEAT_MS);
    const result = await runCxrTrain(worker.command, trainArgs(dataDir, outDir, params, version, description, run.exportId), {
      onLog: (line) => tail.push(line),
      onEvent: async (e) => {
        tail.push(JSON.stringify(e));
        const p = progressOfEvent(e);
        if (p) {
          last = p;
          await ctx.progress(p.fraction, p.message);
        }
        if (e.stage === "train") await db.trainingRun.update({ where: { id: runId }, data: { log: tail.text() } });
      },
    }).finally(() => clearInterval(heartbeat));
    if (result.code !== 0) throw new Error(`cxr-train exited with code ${result.code}${result.error ? `: ${result.error}` : ""}`);
    const card = JSON.parse(fs.readFileSync(path.join(outDir, "model-card.json"), "utf8")) as Card & Record<string, unknown>;
    const creator = await db.user.findUnique({ where: { id: run.createdById }, select: { id: true, email: true } });
    const { version: model } = await registerAndEvaluate({ id: creator?.id ?? null, email: creator?.email ?? null }, new Uint8Array(fs.readFileSync(path.join(outDir, "model.onnx"))), card);
    await db.trainingRun.update({ where: { id: runId }, data: { status: "succeeded", modelVersionId: model.id, metrics: metricsOfCard(card) as never, log: tail.text(), finishedAt: new Date() } });
    await ctx.progress(1, `registered ${model.name} ${model.version}`);
    return { modelVersionId: model.id };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lastLines = tail.text().split("\n").slice(-12).join("\n");
    await db.trainingRun.update({ where: { id: runId }, data: { status: "failed", error: `${message}${lastLines ? `\n${lastLines}` : ""}`.slice(0, 4000), log: tail.text() || null, finishedAt: new Date() } });
    throw e;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
