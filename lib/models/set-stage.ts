import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { invalidateRouting } from "@/lib/predictions/route-study";

export const STAGES = ["registered", "staging", "canary", "production", "archived"] as const;
export type Stage = (typeof STAGES)[number];

// Moves a version to a stage; promoting to production archives the previous production version. Audited.
export async function setStage(actor: Actor, versionId: string, to: Stage, o: { reason?: string; automatic?: boolean; canaryShare?: number } = {}) {
  const updated = await db.$transaction(async (tx) => {
    const v = await tx.modelVersion.findUnique({ where: { id: versionId } });
    if (!v) throw new AppError("not_found", "No such model version.");
    if (to === "production") {
      const current = await tx.modelVersion.findMany({ where: { stage: "production", id: { not: versionId } } });
      for (const c of current) {
        await tx.modelVersion.update({ where: { id: c.id }, data: { stage: "archived", canaryShare: 0 } });
        await tx.modelStageChange.create({ data: { modelVersionId: c.id, fromStage: "production", toStage: "archived", reason: `replaced by ${v.name} ${v.version}`, automatic: o.automatic ?? false, actorId: actor.id } });
      }
    }
    const updated = await tx.modelVersion.update({
      where: { id: versionId },
      data: { stage: to, stagedAt: new Date(), canaryShare: to === "canary" ? (o.canaryShare ?? v.canaryShare) : 0 },
    });
    await tx.modelStageChange.create({ data: { modelVersionId: v.id, fromStage: v.stage, toStage: to, reason: o.reason ?? null, automatic: o.automatic ?? false, actorId: actor.id } });
    await recordAudit(tx, { actor, action: "model.stage_changed", targetType: "model_version", targetId: v.id, details: { from: v.stage, to, reason: o.reason ?? null } });
    return updated;
  });
  invalidateRouting(); // after the commit, so the next routed request reads the new stages
  return updated;
}
