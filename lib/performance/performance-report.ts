import { db } from "@/lib/db";
import { aggregatePerformance } from "@/lib/performance/aggregate-performance";
import { readCanaryRule } from "@/lib/performance/canary-rule-settings";
import { loadReviewVerdicts } from "@/lib/performance/load-review-verdicts";
import type { PerformanceReport } from "@/lib/schemas/model-registry";

// GET /api/v1/admin/performance: reader verdicts per version over the last `days` days.
export async function getPerformanceReport(o: { days: number; modelVersionId?: string }): Promise<PerformanceReport> {
  const from = new Date(Date.now() - o.days * 86_400_000);
  const perf = aggregatePerformance(await loadReviewVerdicts({ from, versionIds: o.modelVersionId ? [o.modelVersionId] : undefined }));
  const versions = await db.modelVersion.findMany({
    where: { id: { in: perf.map((p) => p.versionId) } },
    select: { id: true, name: true, version: true, stage: true },
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  return {
    from: from.toISOString(),
    rule: await readCanaryRule(),
    versions: perf.map((p) => ({
      ...p,
      name: byId.get(p.versionId)?.name ?? "?",
      version: byId.get(p.versionId)?.version ?? "?",
      stage: byId.get(p.versionId)?.stage ?? "?",
    })),
  };
}
