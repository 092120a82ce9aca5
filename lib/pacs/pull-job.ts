// pacs.pull: retrieve one study by WADO-RS and put every instance through the app's ingest (validation, duplicates,
// predict job). PACS down / 5xx / timeout → AppError("unavailable"): the runner retries with backoff.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, SYSTEM_ACTOR, type Actor } from "@/lib/audit/record-audit";
import { defineJob, type JobContext } from "@/lib/jobs/job-registry";
import { dicomWebOf } from "@/lib/pacs/search-pacs";
import { PACS_PULL, pacsPullPayloadSchema } from "@/lib/pacs/pull-job-type";
import { ingestFile } from "@/lib/studies/ingest-file";

export type PullResult = { instances: number; stored: number; duplicate: number; rejected: number; studyId: string | null };

async function actorOf(userId: string | null): Promise<Actor> {
  if (!userId) return SYSTEM_ACTOR;
  const u = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  return u ?? SYSTEM_ACTOR;
}

export async function pullStudy(pullId: string, ctx: Pick<JobContext, "progress">): Promise<PullResult> {
  const pull = await db.pacsPull.findUnique({ where: { id: pullId } });
  if (!pull) throw new AppError("not_found", "The pull request no longer exists (its PACS connection was deleted).");
  const { connection, client } = await dicomWebOf(pull.connectionId);
  const actor = await actorOf(pull.requestedById);
  await ctx.progress(0.05, `retrieving from ${connection.name}`);
  const parts = await client.retrieveStudy(pull.studyInstanceUid);
  if (parts.length === 0) throw new AppError("not_found", `${connection.name} returned no instances for this study.`);
  const result: PullResult = { instances: parts.length, stored: 0, duplicate: 0, rejected: 0, studyId: null };
  const reasons = new Set<string>();
  for (const [i, bytes] of parts.entries()) {
    const r = await ingestFile(actor, `pacs-${i + 1}.dcm`, bytes);
    result[r.status]++;
    if (r.status === "rejected") reasons.add(r.error?.message ?? "rejected");
    else result.studyId ??= r.studyId ?? null;
    await ctx.progress(0.1 + (0.9 * (i + 1)) / parts.length, `ingested ${i + 1} of ${parts.length}`);
  }
  await db.$transaction(async (tx) => {
    // What was retrieved is what auto-pull compares with the PACS's count later (a study still arriving).
    await tx.pacsPull.update({
      where: { id: pullId },
      data: { remoteInstances: parts.length, ...(result.studyId ? { studyId: result.studyId } : {}) },
    });
    await recordAudit(tx, {
      actor,
      action: "pacs.pull_completed",
      targetType: "pacsPull",
      targetId: pullId,
      details: {
        connection: connection.name,
        studyInstanceUid: pull.studyInstanceUid,
        trigger: pull.trigger,
        ...result,
        reasons: [...reasons],
      },
    });
  });
  if (result.stored + result.duplicate === 0)
    throw new AppError("unprocessable", `None of the ${parts.length} instance(s) could be ingested: ${[...reasons].join("; ")}`);
  return result;
}

// transientRetry "attempts": a pull gives up after PULL_MAX_ATTEMPTS tries (its row shows the reason to the admin).
export const pacsPullJob = defineJob(PACS_PULL, {
  schema: pacsPullPayloadSchema,
  family: "pacs",
  run: ({ pullId }, ctx) => pullStudy(pullId, ctx),
  transientRetry: "attempts",
});
