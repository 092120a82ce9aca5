import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { countMatchingReviews } from "@/lib/exports/collect-export-items";
import { toExportDto } from "@/lib/exports/export-dto";
import { enqueueExportBuild } from "@/lib/exports/export-job";
import type { CreateExportBody, ExportDto } from "@/lib/schemas/export";
import { getStorage } from "@/lib/storage/get-storage";

// Validates the filters against what exists, then creates the Export row and its job in one transaction
// (`enqueue: false`: the row only, for the CLI, which builds in its own process).
export async function createExport(actor: Actor, body: CreateExportBody, o: { enqueue?: boolean } = {}): Promise<ExportDto> {
  const f = body.filters;
  if (f.modelVersionId && !(await db.modelVersion.findUnique({ where: { id: f.modelVersionId }, select: { id: true } })))
    throw new AppError("unprocessable", `Unknown model version '${f.modelVersionId}'.`);
  if (f.readerId && !(await db.user.findUnique({ where: { id: f.readerId }, select: { id: true } })))
    throw new AppError("unprocessable", `Unknown reader '${f.readerId}'.`);
  if ((await countMatchingReviews(f)) === 0)
    throw new AppError(
      "unprocessable",
      "No reviews match these filters (only signed-off reviews and completed annotation tasks unless 'includeInProgress' is set).",
    );
  const createdById = actor.id ?? actor.email ?? "system";
  const { exp, job } = await db.$transaction(async (tx) => {
    const exp = await tx.export.create({
      data: { format: body.format, filters: f as never, split: { valFraction: body.valFraction, seed: body.seed }, createdById },
    });
    const jobId = o.enqueue === false ? null : (await enqueueExportBuild(exp.id, tx)).id;
    await recordAudit(tx, {
      actor,
      action: "export.created",
      targetType: "export",
      targetId: exp.id,
      details: { format: body.format, filters: f, valFraction: body.valFraction, seed: body.seed },
    });
    return {
      exp: await tx.export.update({ where: { id: exp.id }, data: { jobId } }),
      job: jobId ? { progress: 0, message: "queued", state: "queued" } : null,
    };
  });
  return toExportDto(exp, job);
}

async function jobsOf(ids: (string | null)[]) {
  const jobs = await db.job.findMany({
    where: { id: { in: ids.filter((x): x is string => !!x) } },
    select: { id: true, progress: true, message: true, state: true },
  });
  return new Map(jobs.map((j) => [j.id, j]));
}

export async function listExports(limit = 50): Promise<ExportDto[]> {
  const rows = await db.export.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  const jobs = await jobsOf(rows.map((r) => r.jobId));
  return rows.map((r) => toExportDto(r, (r.jobId && jobs.get(r.jobId)) || null));
}

export async function getExportOrThrow(id: string): Promise<ExportDto> {
  const row = await db.export.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "Export not found.");
  const jobs = await jobsOf([row.jobId]);
  return toExportDto(row, (row.jobId && jobs.get(row.jobId)) || null);
}

// The zip of a finished export; the download is audited.
export async function readExportZip(actor: Actor, id: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const row = await db.export.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "Export not found.");
  if (row.status !== "succeeded" || !row.storageKey)
    throw new AppError("conflict", `The export is ${row.status}; only a finished export can be downloaded.`);
  const bytes = await (await getStorage()).get(row.storageKey);
  await recordAudit(db, { actor, action: "export.downloaded", targetType: "export", targetId: id, details: { sizeBytes: bytes.length } });
  return { bytes, fileName: `cxr-export-${row.format}-${id}.zip` };
}
