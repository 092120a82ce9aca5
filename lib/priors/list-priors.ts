import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PriorsDto, PriorStudyDto } from "@/lib/schemas/prior";
import type { ReviewPurpose } from "@/lib/schemas/review";
import type { StudyStatus } from "@/lib/schemas/study";
import { pickFinalRead } from "@/lib/reviews/final-read";
import { studyDisplayName } from "@/lib/studies/display-name";

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
export const FINISHED_READ = { status: { in: ["signed_off", "completed"] } };

// The patient's studies (newest first), the current one marked. Linking studies by patient is itself patient
// identity: a caller without identity access (annotators, non-admin tokens) gets the current study alone.
export async function listPriorsOrThrow(studyId: string, identity: boolean): Promise<PriorsDto> {
  const study = await db.study.findUnique({ where: { id: studyId }, select: { id: true, patientId: true } });
  if (!study) throw new AppError("not_found", "No such study.");
  const patientId = study.patientId?.trim();
  const linked = identity && !!patientId;
  const rows = await db.study.findMany({
    where: linked ? { patientId: study.patientId } : { id: studyId },
    orderBy: [{ studyDate: "desc" }, { receivedAt: "desc" }, { id: "asc" }],
    take: 50,
    include: { reviews: { where: FINISHED_READ, select: { studyId: true, purpose: true, signedOffAt: true, updatedAt: true } } },
  });
  const studies: PriorStudyDto[] = rows.map((s) => {
    const final = pickFinalRead(s.reviews);
    return {
      studyId: s.id,
      displayName: studyDisplayName({ ...s, studyDate: day(s.studyDate) }, identity),
      studyDate: day(s.studyDate),
      status: s.status as StudyStatus,
      current: s.id === studyId,
      finalRead: final ? { purpose: final.purpose as ReviewPurpose, at: (final.signedOffAt ?? final.updatedAt).toISOString() } : null,
    };
  });
  return { studyId, linked, studies };
}
