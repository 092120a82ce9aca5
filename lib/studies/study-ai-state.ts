import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { StudyStatus } from "@/lib/schemas/study";

// The study's AI state as the viewer's live channel reports it: its status and how many visible predictions it has.
// `key` changes whenever either moves; `aiKey` only when the AI side does (pending → done or failed, a prediction
// landed), not when a review starts or is signed off: the viewer refetches the review only on `aiKey`, so a review
// saved in another session still meets the version check (409) instead of being silently merged in.
export type StudyAiState = { studyId: string; status: StudyStatus; predictions: number; key: string; aiKey: string };

export const aiPhase = (s: StudyStatus) => (s === "new" ? "pending" : s === "prediction_failed" ? "failed" : "done");

export async function loadStudyAiStateOrThrow(studyId: string): Promise<StudyAiState> {
  const study = await db.study.findUnique({ where: { id: studyId }, select: { status: true } });
  if (!study) throw new AppError("not_found", "No such study.");
  const predictions = await db.prediction.count({ where: { visible: true, instance: { series: { studyId } } } });
  const status = study.status as StudyStatus;
  return { studyId, status, predictions, key: `${status}/${predictions}`, aiKey: `${aiPhase(status)}/${predictions}` };
}
