import type { Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { inStageTransaction, setStageIn } from "@/lib/models/set-stage";
import type { RollbackBody } from "@/lib/schemas/model";

// One-click rollback. A canary goes back to registered (or archived) and stops receiving traffic; a production
// version is archived and the version that was in production before it (from the stage history) is restored.
export async function rollbackModel(actor: Actor, versionId: string, body: RollbackBody = {}, o: { automatic?: boolean } = {}) {
  return inStageTransaction(async (tx) => {
    const v = await tx.modelVersion.findUnique({ where: { id: versionId } });
    if (!v) throw new AppError("not_found", "No such model version.");
    const why = body.reason ? `rollback: ${body.reason}` : "rollback";
    if (v.stage === "canary") return { rolledBack: await setStageIn(tx, actor, v.id, body.to ?? "registered", { reason: why, automatic: o.automatic }), restored: null };
    if (v.stage !== "production") throw new AppError("conflict", `Only a canary or production version can be rolled back; this one is ${v.stage}.`);
    const promoted = await tx.modelStageChange.findFirst({ where: { modelVersionId: v.id, toStage: "production" }, orderBy: { createdAt: "desc" } });
    const previous = await tx.modelStageChange.findFirst({
      where: { toStage: "production", modelVersionId: { not: v.id }, createdAt: { lte: promoted?.createdAt ?? new Date() } },
      orderBy: { createdAt: "desc" },
      include: { modelVersion: true },
    });
    if (!previous) throw new AppError("conflict", "There is no earlier production version to restore.");
    const rolledBack = await setStageIn(tx, actor, v.id, body.to ?? "archived", { reason: why, automatic: o.automatic });
    const restored = await setStageIn(tx, actor, previous.modelVersionId, "production", { reason: `restored by the rollback of ${v.name} ${v.version}`, automatic: o.automatic });
    return { rolledBack, restored };
  });
}
