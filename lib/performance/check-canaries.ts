import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { productionVersion } from "@/lib/models/latest-evaluation";
import { rollbackModel } from "@/lib/models/rollback-model";
import { aggregatePerformance, toPoint } from "@/lib/performance/aggregate-performance";
import { decideCanary, type CanaryDecision } from "@/lib/performance/canary-rule";
import { readCanaryRule } from "@/lib/performance/canary-rule-settings";
import { loadReviewVerdicts } from "@/lib/performance/load-review-verdicts";

const none = toPoint({ studies: 0, images: 0, shown: 0, accepted: 0, rejected: 0, added: 0 });

// Applies the canary rule to every canary against production, over reviews signed off since the canary started;
// a failing canary is rolled back automatically (the stage change and the audit event carry the numbers).
export async function checkCanaries(): Promise<(CanaryDecision & { versionId: string })[]> {
  const [rule, canaries, production] = await Promise.all([
    readCanaryRule(),
    db.modelVersion.findMany({ where: { stage: "canary" } }),
    productionVersion(),
  ]);
  if (!production) return [];
  const out: (CanaryDecision & { versionId: string })[] = [];
  for (const c of canaries) {
    const perf = aggregatePerformance(await loadReviewVerdicts({ from: c.stagedAt ?? c.createdAt, versionIds: [c.id, production.id] }));
    const of = (id: string) => perf.find((p) => p.versionId === id)?.total ?? none;
    const decision = decideCanary(rule, of(c.id), of(production.id));
    if (decision.rollback) {
      await rollbackModel(SYSTEM_ACTOR, c.id, { reason: decision.reason }, { automatic: true });
      log.warn("canary rolled back by the canary rule", { model: c.name, version: c.version, reason: decision.reason });
    }
    out.push({ versionId: c.id, ...decision });
  }
  return out;
}
