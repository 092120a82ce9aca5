import { db } from "@/lib/db";
import { JOB_FAMILIES, jobFamily } from "@/lib/jobs/job-registry";

/** Due queued jobs per family, from the rows (the truth on either queue); every family is listed, 0 included. */
export async function queueDepthByFamily(now = new Date()): Promise<Record<string, number>> {
  const rows = await db.job.groupBy({ by: ["type"], where: { state: "queued", runAfter: { lte: now } }, _count: { _all: true } });
  const depth: Record<string, number> = Object.fromEntries(JOB_FAMILIES.map((f) => [f, 0]));
  for (const r of rows) {
    const family = jobFamily(r.type) ?? "review";
    depth[family] = (depth[family] ?? 0) + r._count._all;
  }
  return depth;
}
