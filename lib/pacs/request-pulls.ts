import type { RequestedPull } from "@/lib/schemas/pacs";
// Ask for studies to be pulled: one PacsPull row per (connection, study) and a durable pacs.pull job for it.
import { db } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { enqueueJob } from "@/lib/jobs/job-queue";
import { getPacsConnectionOrThrow } from "@/lib/pacs/manage-connections";
import { PACS_PULL } from "@/lib/pacs/pull-job-type";

export type PullRequest = { studyInstanceUid: string; remoteInstances?: number | null };

const ACTIVE = ["queued", "running"];
// A PACS that is down gets retried for a few minutes (2 s, 4 s … 128 s backoff) before the pull fails for good.
export const PULL_MAX_ATTEMPTS = 8;

export async function requestPulls(
  actor: Actor,
  connectionId: string,
  studies: PullRequest[],
  trigger: "manual" | "auto",
): Promise<RequestedPull[]> {
  const connection = await getPacsConnectionOrThrow(connectionId);
  const out: RequestedPull[] = [];
  for (const s of studies) {
    const existing = await db.pacsPull.findUnique({
      where: { connectionId_studyInstanceUid: { connectionId, studyInstanceUid: s.studyInstanceUid } },
    });
    const job = existing?.jobId ? await db.job.findUnique({ where: { id: existing.jobId }, select: { id: true, state: true } }) : null;
    if (existing && job && ACTIVE.includes(job.state)) {
      out.push({ studyInstanceUid: s.studyInstanceUid, pullId: existing.id, jobId: job.id, alreadyRunning: true });
      continue;
    }
    out.push(
      await db.$transaction(async (tx) => {
        const data = { trigger, requestedById: actor.id, remoteInstances: s.remoteInstances ?? null };
        const pull = existing
          ? await tx.pacsPull.update({ where: { id: existing.id }, data })
          : await tx.pacsPull.create({ data: { ...data, connectionId, studyInstanceUid: s.studyInstanceUid } });
        const { id: jobId } = await enqueueJob(PACS_PULL, { pullId: pull.id }, { client: tx, priority: 5, maxAttempts: PULL_MAX_ATTEMPTS });
        await tx.pacsPull.update({ where: { id: pull.id }, data: { jobId } });
        await recordAudit(tx, {
          actor,
          action: "pacs.pull_requested",
          targetType: "pacsPull",
          targetId: pull.id,
          details: { connection: connection.name, studyInstanceUid: s.studyInstanceUid, trigger, jobId },
        });
        return { studyInstanceUid: s.studyInstanceUid, pullId: pull.id, jobId, alreadyRunning: false };
      }),
    );
  }
  return out;
}
