// Recent pulls with their job's state and progress: what the "Search PACS" panel shows while studies arrive.
import { db } from "@/lib/db";
import type { PacsPullDto } from "@/lib/schemas/pacs";

export async function listPacsPulls(q: { connectionId?: string; limit: number; ids?: string[] }): Promise<PacsPullDto[]> {
  const pulls = await db.pacsPull.findMany({
    where: { connectionId: q.connectionId, id: q.ids ? { in: q.ids } : undefined },
    orderBy: { updatedAt: "desc" },
    take: q.limit,
    include: { connection: { select: { name: true } } },
  });
  const jobIds = pulls.map((p) => p.jobId).filter((id): id is string => Boolean(id));
  const jobs = new Map(
    (
      await db.job.findMany({
        where: { id: { in: jobIds } },
        select: { id: true, state: true, progress: true, message: true, error: true },
      })
    ).map((j) => [j.id, j]),
  );
  return pulls.map((p) => {
    const job = p.jobId ? jobs.get(p.jobId) : undefined;
    return {
      id: p.id,
      connectionId: p.connectionId,
      connectionName: p.connection.name,
      studyInstanceUid: p.studyInstanceUid,
      trigger: p.trigger as PacsPullDto["trigger"],
      state: job?.state ?? "unknown",
      progress: job?.progress ?? 0,
      message: job?.message ?? null,
      // A retry in progress keeps the last failure's reason: shown only once the pull has failed for good.
      error: job?.state === "failed" ? (job.error ?? null) : null,
      studyId: p.studyId,
      createdAt: p.createdAt.toISOString(),
    };
  });
}
