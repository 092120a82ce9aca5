import type { Actor } from "@/lib/audit/record-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueuePredictStudy } from "@/lib/predictions/predict-study-job";

const RERUNNABLE = ["new", "prediction_failed"];

// An admin queues the AI again for a study it has not predicted (failed, or stuck as new): back to "new" and a fresh
// predict.study job, in one transaction with the audit event. Already predicted studies keep their predictions.
export async function rerunPrediction(actor: Actor, studyId: string): Promise<{ jobId: string; status: "new" }> {
  return db.$transaction(async (tx) => {
    const study = await tx.study.findUnique({ where: { id: studyId }, select: { status: true } });
    if (!study) throw new AppError("not_found", "Study not found.");
    if (!RERUNNABLE.includes(study.status))
      throw new AppError("conflict", `The AI has already predicted this study (status ${study.status}).`, { status: study.status });
    await tx.study.update({ where: { id: studyId }, data: { status: "new" } });
    const { id: jobId } = await enqueuePredictStudy(studyId, tx);
    await recordAudit(tx, {
      actor,
      action: "study.prediction_requeued",
      targetType: "study",
      targetId: studyId,
      details: { jobId, previousStatus: study.status },
    });
    return { jobId, status: "new" as const };
  });
}
