import type { Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { latestScoredEvaluation, productionVersion } from "@/lib/models/latest-evaluation";
import { assertEngineEvaluated, assertPromotionAllowed } from "@/lib/models/promotion-guard";
import { setStage } from "@/lib/models/set-stage";
import { engineFor } from "@/lib/models/version-detector";
import type { ChangeStageBody } from "@/lib/schemas/model";

// An admin's stage change: canary shares and shadows checked, promotions below production's evaluation — or evaluated
// on another engine than the one it would run on (e.g. fp32 ONNX Runtime vs OpenVINO bf16) — need an override
// reason (kept in the stage history and the audit trail).
export async function changeStage(actor: Actor, versionId: string, body: ChangeStageBody) {
  const v = await db.modelVersion.findUnique({ where: { id: versionId } });
  if (!v) throw new AppError("not_found", "No such model version.");
  if (v.stage === "production" && body.to !== "production")
    throw new AppError("conflict", "The production version is replaced by promoting another one, or rolled back; it is not moved on its own.");
  if (body.to === "canary") {
    const others = await db.modelVersion.aggregate({ where: { stage: "canary", id: { not: versionId } }, _sum: { canaryShare: true } });
    const total = (others._sum.canaryShare ?? 0) + (body.canaryShare ?? 0);
    if (total > 1 + 1e-9) throw new AppError("unprocessable", `Canary shares would add up to ${Math.round(total * 100)} %; lower this or another canary's share.`);
  }
  const production = await productionVersion();
  if (production && production.id !== versionId) {
    const [mine, theirs] = await Promise.all([latestScoredEvaluation(versionId), latestScoredEvaluation(production.id)]);
    assertPromotionAllowed(body.to, mine, theirs, body.overrideReason);
  }
  if (body.to === "canary" || body.to === "production") {
    const evaluatedOn = ((await latestScoredEvaluation(versionId))?.details as { engine?: string } | null)?.engine ?? null;
    if (evaluatedOn) assertEngineEvaluated(body.to, evaluatedOn, (await engineFor(v)).providerUsed, body.overrideReason);
  }
  const reason = body.overrideReason ? `override: ${body.overrideReason}${body.reason ? ` — ${body.reason}` : ""}` : body.reason;
  return setStage(actor, versionId, body.to, { reason, canaryShare: body.canaryShare, shadow: body.shadow });
}
