import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { StudyStatus } from "@/lib/schemas/study";

// The study's AI state as the viewer's live channel reports it: its status and how many visible predictions it has.
// `key` changes exactly when a reader's view of the AI would change (a prediction landed, or the status moved).
export type StudyAiState = { studyId: string; status: StudyStatus; predictions: number; key: string };

export async function loadStudyAiStateOrThrow(studyId: string): Promise<StudyAiState> {
  const study = await db.study.findUnique({ where: { id: studyId }, select: { status: true } });
  if (!study) throw new AppError("not_found", "No such study.");
  const predictions = await db.prediction.count({ where: { visible: true, instance: { series: { studyId } } } });
  const status = study.status as StudyStatus;
  return { studyId, status, predictions, key: `${status}/${predictions}` };
}
