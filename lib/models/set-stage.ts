import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { invalidateRouting } from "@/lib/models/routing-table";

export const STAGES = ["registered", "staging", "canary", "production", "archived"] as const;
export type Stage = (typeof STAGES)[number];
export type SetStageOptions = { reason?: string; automatic?: boolean; canaryShare?: number; shadow?: boolean };

// Moves a version to a stage; promoting to production archives the previous production version. Audited.
export async function setStage(actor: Actor, versionId: string, to: Stage, o: SetStageOptions = {}) {
  return inStageTransaction((tx) => setStageIn(tx, actor, versionId, to, o));
}

// Runs stage moves in one transaction, then drops this process's cached routing table: the next routed request
// reads the new stages (other processes see them within INFERENCE_ROUTING_CACHE_MS).
export async function inStageTransaction<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const result = await db.$transaction(fn);
  invalidateRouting();
  return result;
}

// The same inside the caller's transaction (use inStageTransaction), so several moves (a rollback) land together or not at all.
export async function setStageIn(tx: Prisma.TransactionClient, actor: Actor, versionId: string, to: Stage, o: SetStageOptions = {}) {
  const v = await tx.modelVersion.findUnique({ where: { id: versionId } });
  if (!v) throw new AppError("not_found", "No such model version.");
  const automatic = o.automatic ?? false;
  if (to === "production") {
    const current = await tx.modelVersion.findMany({ where: { stage: "production", id: { not: versionId } } });
    for (const c of current) {
      await tx.modelVersion.update({ where: { id: c.id }, data: { stage: "archived", canaryShare: 0, shadow: false } });
      await tx.modelStageChange.create({ data: { modelVersionId: c.id, fromStage: "production", toStage: "archived", reason: `replaced by ${v.name} ${v.version}`, automatic, actorId: actor.id } });
    }
  }
  const shadow = to === "production" || to === "archived" ? false : (o.shadow ?? v.shadow);
  const canaryShare = to === "canary" ? (o.canaryShare ?? v.canaryShare) : 0;
  const updated = await tx.modelVersion.update({ where: { id: versionId }, data: { stage: to, stagedAt: new Date(), canaryShare, shadow } });
  await tx.modelStageChange.create({ data: { modelVersionId: v.id, fromStage: v.stage, toStage: to, reason: o.reason ?? null, automatic, actorId: actor.id } });
  await recordAudit(tx, {
    actor,
    action: "model.stage_changed",
    targetType: "model_version",
    targetId: v.id,
    details: { from: v.stage, to, reason: o.reason ?? null, automatic, canaryShare, shadow },
  });
  return updated;
}
