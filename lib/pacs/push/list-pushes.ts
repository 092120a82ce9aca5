import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PacsPushSchema, type PacsPushDto } from "@/lib/schemas/pacs-push";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const ACTIVE = new Set(["queued", "sending", "retrying"]);

// The study's push status per destination. The job row has the last word: a job the runner gave up on (attempts or
// deadline spent, or a crash) shows as failed with its reason even if the push row still says it will retry.
export async function listStudyPushes(studyId: string): Promise<PacsPushDto[]> {
  const pushes = await db.pacsPush.findMany({
    where: { studyId },
    include: { connection: { select: { id: true, name: true, pushProtocol: true } } },
    orderBy: { createdAt: "asc" },
  });
  const jobIds = pushes.flatMap((p) => (p.jobId ? [p.jobId] : []));
  const jobs = new Map(
    (await db.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, state: true, error: true, runAfter: true } })).map((j) => [
      j.id,
      j,
    ]),
  );
  return pushes.map((p) => {
    const job = p.jobId ? jobs.get(p.jobId) : undefined;
    const givenUp = ACTIVE.has(p.state) && (job?.state === "failed" || job?.state === "cancelled");
    return PacsPushSchema.parse({
      id: p.id,
      connection: { id: p.connection.id, name: p.connection.name, protocol: p.connection.pushProtocol },
      state: givenUp ? "failed" : p.state,
      trigger: p.trigger,
      attempts: p.attempts,
      error: givenUp ? (p.error ?? job?.error ?? "The push job stopped.") : p.error,
      remoteStatus: p.remoteStatus,
      objects: (p.objects as PacsPushDto["objects"] | null) ?? [],
      lastTriedAt: iso(p.lastTriedAt),
      nextTryAt: p.state === "retrying" && job?.state === "queued" ? iso(job.runAfter) : null,
      sentAt: iso(p.sentAt),
      updatedAt: p.updatedAt.toISOString(),
    });
  });
}

export async function listStudyPushesOrThrow(studyId: string): Promise<PacsPushDto[]> {
  if (!(await db.study.findUnique({ where: { id: studyId }, select: { id: true } }))) throw new AppError("not_found", "No such study.");
  return listStudyPushes(studyId);
}
