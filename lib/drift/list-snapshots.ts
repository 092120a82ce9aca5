import { db } from "@/lib/db";
import type { DriftSnapshotDto, ListDriftQuery } from "@/lib/schemas/drift";

// Snapshot history, newest first; the dashboard plots it oldest to newest.
export async function listDriftSnapshots(q: ListDriftQuery): Promise<DriftSnapshotDto[]> {
  const rows = await db.driftSnapshot.findMany({
    where: { feature: q.feature },
    orderBy: [{ createdAt: "desc" }, { feature: "asc" }, { metric: "asc" }],
    take: q.limit,
  });
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    modelVersionId: r.modelVersionId,
    windowStart: r.windowStart.toISOString(),
    windowEnd: r.windowEnd.toISOString(),
    reference: r.reference,
    feature: r.feature,
    kind: r.kind,
    metric: r.metric,
    score: r.score,
    threshold: r.threshold,
    alert: r.alert,
    details: r.details,
  }));
}
