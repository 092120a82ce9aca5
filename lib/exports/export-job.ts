import { z } from "zod";
import { buildExport, markExportFailed } from "@/lib/exports/build-export";
import { enqueueJob } from "@/lib/jobs/job-queue";
import type { EnqueueOptions } from "@/lib/jobs/queue-types";
import { defineJob, type JobContext } from "@/lib/jobs/job-registry";

export const EXPORT_BUILD = "export.build";
export const exportBuildPayloadSchema = z.object({ exportId: z.string().min(1).max(64) });

// A failed build leaves the Export row failed with the reason (the job is not retried: a rerun is a new export).
export async function runExportJob(payload: z.infer<typeof exportBuildPayloadSchema>, ctx: Pick<JobContext, "progress">) {
  try {
    return await buildExport(payload.exportId, ctx.progress);
  } catch (e) {
    await markExportFailed(payload.exportId, e instanceof Error ? e.message : String(e));
    throw e;
  }
}

export const exportBuildJob = defineJob(EXPORT_BUILD, { schema: exportBuildPayloadSchema, family: "exports", run: runExportJob });

export function enqueueExportBuild(exportId: string, client?: EnqueueOptions["client"]) {
  return enqueueJob(EXPORT_BUILD, { exportId }, { client, maxAttempts: 1 });
}
