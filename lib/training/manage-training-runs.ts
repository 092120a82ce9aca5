import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { CreateTrainingRunBody, TrainingRunDto } from "@/lib/schemas/training";
import { resolveSmallData, trainImagesOf } from "@/lib/training/small-data";
import { enqueueTrainingRun } from "@/lib/training/training-job";
import { toTrainingRunDto } from "@/lib/training/training-run-dto";
import { trainingWorkerStatus } from "@/lib/training/worker-install";

// Starts a retraining run on a finished YOLO export: the run row and its job in one transaction (audited). The
// small-data settings not given are set from the export's training image count and stored with the run.
export async function createTrainingRun(actor: Actor, body: CreateTrainingRunBody, o: { workerBin?: string } = {}): Promise<TrainingRunDto> {
  const worker = trainingWorkerStatus(o.workerBin);
  if (!worker.installed) throw new AppError("unavailable", worker.reason!);
  const exp = await db.export.findUnique({ where: { id: body.exportId } });
  if (!exp) throw new AppError("unprocessable", `Unknown export '${body.exportId}'.`);
  if (exp.status !== "succeeded") throw new AppError("unprocessable", `Export ${exp.id} is ${exp.status}; train on a finished export.`);
  if (exp.format === "coco") throw new AppError("unprocessable", `Export ${exp.id} is COCO only; the training worker reads YOLO exports (format yolo or both).`);
  const { exportId, nbs, warmupEpochs, mosaic, ...rest } = body;
  const trainImages = trainImagesOf({ imageCount: exp.imageCount, summary: exp.summary as { splits?: { train?: { images: number } } } | null });
  const params = { ...rest, ...resolveSmallData({ nbs, warmupEpochs, mosaic }, trainImages, rest.batch, rest.epochs) };
  const run = await db.$transaction(async (tx) => {
    const r = await tx.trainingRun.create({ data: { exportId, params, createdById: actor.id ?? actor.email ?? "system" } });
    const { id: jobId } = await enqueueTrainingRun(r.id, tx);
    await recordAudit(tx, { actor, action: "training_run.created", targetType: "training_run", targetId: r.id, details: { exportId, ...params } });
    return tx.trainingRun.update({ where: { id: r.id }, data: { jobId } });
  });
  return toTrainingRunDto(run, { progress: 0, message: "queued" }, null);
}

async function withJobsAndModels(rows: Awaited<ReturnType<typeof db.trainingRun.findMany>>): Promise<TrainingRunDto[]> {
  const jobIds = rows.map((r) => r.jobId).filter((x): x is string => !!x);
  const modelIds = rows.map((r) => r.modelVersionId).filter((x): x is string => !!x);
  const jobs = new Map((await db.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, progress: true, message: true } })).map((j) => [j.id, j]));
  const models = new Map((await db.modelVersion.findMany({ where: { id: { in: modelIds } }, select: { id: true, name: true, version: true, stage: true } })).map((m) => [m.id, m]));
  return rows.map((r) => toTrainingRunDto(r, (r.jobId && jobs.get(r.jobId)) || null, (r.modelVersionId && models.get(r.modelVersionId)) || null));
}

export async function listTrainingRuns(limit = 50): Promise<TrainingRunDto[]> {
  return withJobsAndModels(await db.trainingRun.findMany({ orderBy: { createdAt: "desc" }, take: limit }));
}

export async function getTrainingRunOrThrow(id: string): Promise<TrainingRunDto> {
  const row = await db.trainingRun.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "Training run not found.");
  return (await withJobsAndModels([row]))[0]!;
}
